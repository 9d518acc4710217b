import { statSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';

/**
 * Windows has no Unix permission bits: Node reports 0o666 or 0o444 (the read-only flag) whatever
 * it was asked for, and who may read a file is the folder's inherited ACL. The modes are checked
 * everywhere else.
 */
export const unixModes = process.platform !== 'win32';

/** A file's permission bits in octal, as ls and chmod write them: '600'. */
export const permissionsOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/**
 * The file's tests run under `mask`, as a user's shell commonly sets it (022: everything readable by
 * all), and so do the command lines they start, which inherit it; the old mask is put back after.
 */
export function useUmask(mask: number): void {
  let previous: number | undefined;
  beforeAll(() => {
    previous = process.umask(mask);
  });
  afterAll(() => {
    if (previous !== undefined) process.umask(previous);
  });
}
