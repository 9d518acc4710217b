import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileFilter } from './glob';

/** Folders of the project that are never the app's own files: dependencies are added by their own rule below. */
const NOT_APP = new Set(['node_modules', '.git', 'release', 'test-results', 'playwright-report']);

const posix = (path: string): string => path.split(sep).join('/');

function walk(dir: string, skip: (name: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path, skip) : [path];
  });
}

/** Where Node would find `name` from `fromDir`: the nearest node_modules up the tree that holds it. */
export function packageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

const dependenciesOf = (dir: string): string[] => {
  const { dependencies = {}, optionalDependencies = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return Object.keys({ ...dependencies, ...optionalDependencies });
};

/** The folders of the packages `names` (as found from `root`) and of the packages they depend on, each once. */
export function dependencyClosure(root: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (from: string, names: readonly string[]): void => {
    for (const name of names) {
      const at = packageDir(name, from);
      if (at === null || found.has(at)) continue;
      found.add(at);
      visit(at, dependenciesOf(at));
    }
  };
  visit(root, names);
  return [...found];
}

/** The production dependencies of the project, and theirs: what electron-builder copies into the app. */
export const productionPackages = (root: string): string[] => dependencyClosure(root, dependenciesOf(root));

/**
 * The files electron-builder puts in app.asar for `files`, relative to the project with `/`: the
 * project's own files its patterns include, and every file of the production dependencies its
 * exclusions leave (electron-builder adds `**\/node_modules/**` to any custom list).
 */
export function appFiles(root: string, patterns: readonly string[]): string[] {
  const keep = fileFilter(patterns);
  const keepDependency = fileFilter(['**', ...patterns.filter((p) => p.startsWith('!'))]);
  const own = walk(root, (name) => NOT_APP.has(name))
    .map((file) => posix(relative(root, file)))
    .filter(keep);
  const dependencies = productionPackages(root)
    .flatMap((dir) => walk(dir, (name) => name === 'node_modules'))
    .map((file) => posix(relative(root, file)))
    .filter(keepDependency);
  return [...own, ...dependencies].sort();
}
