import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { dubanError, type DubanError } from '../../shared/errors';
import { disk } from './disk';

/** The durable ways to put bytes on disk: atomic replacement of a whole file, and append-and-sync. */

/**
 * Makes a rename or a new entry in `path` durable. Best effort, as SQLite does it: once a rename has
 * happened the caller must go on from the new file whatever this says, so a failure here cannot undo
 * anything — and Windows cannot open a directory at all (NTFS journals the rename itself).
 */
export function fsyncDirectory(path: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = disk.openSync(path, 'r');
    try {
      disk.fsyncSync(fd);
    } finally {
      disk.closeSync(fd);
    }
  } catch {
    // See above: nothing to undo.
  }
}

/** `.NAME.<12 hex>.tmp`, NAME being the file it will replace. */
const TEMPORARY = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

export function temporaryPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Cleaning up after a failure must not hide the failure itself. */
function removeQuietly(path: string): void {
  try {
    disk.unlinkSync(path);
  } catch {
    // Left behind: removed the next time the ledger is opened for writing (removeTemporaryFiles).
  }
}

export function closeQuietly(fd: number): void {
  try {
    disk.closeSync(fd);
  } catch {
    // The descriptor is gone either way.
  }
}

/**
 * Writes `parts` to a temporary file beside `path`, syncs it, renames it over `path` and syncs the
 * directory: after a crash at any instant, `path` is either the old file or the new one, whole.
 * It throws only while `path` is still the old file; once it returns, `path` is the new one.
 * `beforeRename` runs once the new file is durable (the backups use it to keep the old file); if it
 * throws, nothing is replaced.
 */
export function writeFileAtomic(path: string, parts: Iterable<Uint8Array>, beforeRename?: () => void): void {
  const temporary = temporaryPathBeside(path);
  const fd = disk.openSync(temporary, 'wx', 0o600);
  try {
    for (const part of parts) writeAll(fd, part);
    disk.fsyncSync(fd);
    disk.closeSync(fd);
  } catch (error) {
    closeQuietly(fd);
    removeQuietly(temporary);
    throw error;
  }
  try {
    beforeRename?.();
    disk.renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
  fsyncDirectory(dirname(path));
}

const COPY_CHUNK = 1024 * 1024;

/** The bytes of a file, a chunk at a time: a copy never holds a large ledger whole. */
function* chunksOf(path: string): Generator<Uint8Array> {
  const fd = disk.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(COPY_CHUNK);
    for (let read = disk.readSync(fd, buffer, 0, COPY_CHUNK, null); read > 0; read = disk.readSync(fd, buffer, 0, COPY_CHUNK, null)) {
      yield buffer.subarray(0, read);
    }
  } finally {
    closeQuietly(fd);
  }
}

/** Copies `from` to `to` atomically: `to` never exists half-written. */
export function copyFileAtomic(from: string, to: string): void {
  writeFileAtomic(to, chunksOf(from));
}

export function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  let written = 0;
  while (written < bytes.length) {
    written += disk.writeSync(fd, bytes, written, bytes.length - written, position === undefined ? null : position + written);
  }
}

export function exists(path: string): boolean {
  try {
    disk.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Creates a folder that may not exist yet; a new one is made durable in its parent, as a new file would be. */
export function ensureDirectory(path: string): void {
  if (exists(path)) return;
  disk.mkdirSync(path, { recursive: true, mode: 0o700 });
  fsyncDirectory(dirname(path));
}

/**
 * Removes what an interrupted atomic write left in `dir` (a temporary file may hold ledger data and
 * the key slots of an earlier password): all of them, or — in a folder other ledgers share — only
 * those of the file named `of`. Only the ledger's writer calls this, holding the lock.
 */
export function removeTemporaryFiles(dir: string, of?: string): void {
  let names: string[];
  try {
    names = disk.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const target = TEMPORARY.exec(name)?.[1];
    if (target !== undefined && (of === undefined || target === of)) removeQuietly(join(dir, name));
  }
}

/** Translates what the file system says into a sentence the user can act on. */
export function ioError(error: unknown, path: string): DubanError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return dubanError('ledger.disk_full', { path });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return dubanError('ledger.no_permission', { path });
  if (code === 'ENOENT') return dubanError('ledger.not_found', { path });
  return dubanError('ledger.io', { path, detail: code ?? 'unknown' });
}
