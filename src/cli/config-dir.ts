import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The command line's settings folder: the same as the desktop app's (Electron's userData for an app
 * named "duban"), so that both keep one anchor per ledger (core/storage/anchor.ts). DUBAN_CONFIG_DIR
 * puts it elsewhere (tests, a portable install on removable media).
 */
export function configDirOf(env: NodeJS.ProcessEnv): string {
  if (env.DUBAN_CONFIG_DIR) return env.DUBAN_CONFIG_DIR;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'duban');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'duban');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'duban');
}
