import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A screen folder (src/renderer/screens/<area>) is self-contained: it imports no other screen
 * folder. What several screens use lives in src/renderer/components/.
 */
const SCREENS = join(import.meta.dirname, '..', '..', 'src/renderer/screens');
const IMPORT = /(?:from|import\()\s*'(\.[^']*)'/g;

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

/** Each import of a file under SCREENS that lands in another screen folder, as `file -> target`. */
function crossings(): string[] {
  return filesOf(SCREENS).flatMap((file) => {
    const area = relative(SCREENS, file).split(sep)[0];
    return [...readFileSync(file, 'utf8').matchAll(IMPORT)]
      .map((match) => relative(SCREENS, resolve(dirname(file), match[1]!)))
      .filter((target) => !target.startsWith('..') && target.split(sep)[0] !== area)
      .map((target) => `${relative(SCREENS, file)} -> ${target}`);
  });
}

describe('screen folders', () => {
  it('import no other screen folder', () => {
    expect(crossings()).toEqual([]);
  });
});
