import { fileURLToPath } from 'node:url';

/**
 * The ledger a .duban file association started the app with: Windows passes its path, a Linux
 * desktop entry (Exec … %U) a file:// URL. `args` are the program's arguments after Electron's own
 * (`process.argv` less the executable, and less the app's folder when run unpackaged).
 */
export function ledgerFileIn(args: readonly string[]): string | null {
  const file = args.filter((arg) => !arg.startsWith('-') && /\.duban$/i.test(arg)).at(-1);
  if (file === undefined) return null;
  if (file.startsWith('file://')) return fileURLToPath(file);
  return /^[a-z][a-z\d+.-]+:\/\//i.test(file) ? null : file; // another scheme names no file on this machine
}
