import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { packageDir } from './app-files';

/**
 * What the packaged app loads at run time, read from the built bundles rather than listed by hand:
 * from out/main/index.js, every module it imports (statically, dynamically or as a chunk's quoted
 * path), every `join(mainDir, …)` it opens (the worker, the preload, the renderer's folder), the
 * renderer's page and what it links, and each dependency's entry and the WebAssembly it reads beside it.
 */
export interface RuntimeFiles {
  /** Paths relative to the project, with `/`. */
  readonly files: readonly string[];
  /** The packages imported by name (not Node's or Electron's own). */
  readonly packages: readonly string[];
}

/** A bundle's imports: rollup writes static ones one to a line; dynamic ones and `require` anywhere. */
const IMPORTS = [/^(?:import|export)\s[^;]*?from\s*"([^"]+)"/gm, /^import\s*"([^"]+)"/gm, /\bimport\("([^"\s]+)"\)/g, /\brequire\("([^"\s]+)"\)/g];
/** Quoted relative paths of files (vite's chunk lists of dynamic imports, `new URL("./x", import.meta.url)`), when they name a built file rather than text. */
const RELATIVE_FILES = /["'](\.\.?\/[^"'\s]+\.(?:js|cjs|mjs|css|wasm|json))["']/g;
const MAIN_DIR_JOINS = /join\(mainDir((?:\s*,\s*"[^"]+")+)\)/g;
const PAGE_LINKS = /(?:src|href)="(\.\/[^"]+)"/g;
const WASM_NAMES = /["']([\w.-]+\.wasm)["']/g;

const matches = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1]!);
const posix = (path: string): string => path.split(sep).join('/');
const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || specifier === 'electron' || builtinModules.includes(specifier);
const packageName = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The file Node loads for `import "name"` from outside the package: `exports`' node/import/default condition, else `main`, else index.js. */
function packageEntry(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  let entry = manifest.exports?.['.'] ?? manifest.exports ?? manifest.main ?? './index.js';
  while (typeof entry === 'object' && entry !== null) entry = entry.node ?? entry.import ?? entry.default;
  const file = join(dir, typeof entry === 'string' ? entry : './index.js');
  return existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.js') : file;
}

export function runtimeFiles(root: string): RuntimeFiles {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(root, 'out', 'main', 'index.js')];
  const rendererDir = join(root, 'out', 'renderer');

  const add = (file: string): void => {
    if (!files.has(file)) queue.push(file);
  };

  /** The renderer's modules are bundled: only their chunks are files; the main process's also import packages. */
  const followModule = (file: string, text: string, bundled: boolean): void => {
    const here = dirname(file);
    for (const path of matches(text, RELATIVE_FILES).map((p) => resolve(here, p))) if (existsSync(path)) add(path);
    if (bundled) return;
    for (const specifier of IMPORTS.flatMap((pattern) => matches(text, pattern))) {
      if (specifier.startsWith('.')) add(resolve(here, specifier));
      else if (!isBuiltin(specifier)) packages.add(packageName(specifier));
    }
    for (const parts of matches(text, MAIN_DIR_JOINS)) add(join(here, ...matches(parts, /"([^"]+)"/g)));
  };

  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    if (existsSync(file) && statSync(file).isDirectory()) {
      add(join(file, 'index.html')); // a folder the main process serves: its page
      continue;
    }
    files.add(file);
    if (!existsSync(file)) continue; // kept, so that the check names what is missing
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.html')) for (const link of matches(text, PAGE_LINKS)) add(resolve(dirname(file), link));
    else if (/\.(c|m)?js$/.test(file)) followModule(file, text, file.startsWith(rendererDir));
  }

  for (const name of packages) {
    const dir = packageDir(name, root);
    if (dir === null) continue;
    const entry = packageEntry(dir);
    files.add(entry);
    // A package that reads WebAssembly beside itself (sql.js: `__dirname + "sql-wasm.wasm"`).
    for (const wasm of matches(readFileSync(entry, 'utf8'), WASM_NAMES)) files.add(join(dirname(entry), wasm));
  }

  return { files: [...files].map((file) => posix(relative(root, file))).sort(), packages: [...packages].sort() };
}
