import * as nodeFs from 'node:fs';

/**
 * Every file-system call of the storage layer goes through `disk`, the way SQLite's goes through its
 * VFS: the fault-injection tests put a disk in its place that fails the Nth call, and walk every N.
 */
export type Disk = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'closeSync'
  | 'readSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'fdatasyncSync'
  | 'ftruncateSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'linkSync'
  | 'mkdirSync'
  | 'readdirSync'
  | 'statSync'
  | 'fstatSync'
  | 'readFileSync'
>;

export let disk: Disk = nodeFs;

/** Puts `next` in place of the real file system; the function returned puts the previous one back. */
export function useDisk(next: Disk): () => void {
  const previous = disk;
  disk = next;
  return () => {
    disk = previous;
  };
}
