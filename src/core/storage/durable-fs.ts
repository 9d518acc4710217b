import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { dubanError, type DubanError } from '../../shared/errors';

/** The durable ways to put bytes on disk: atomic replacement of a whole file, and append-and-sync. */

export function fsyncDirectory(path: string): void {
  // Windows cannot open a directory for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function temporaryPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `parts` to a temporary file beside `path`, syncs it, renames it over `path` and syncs the
 * directory: after a crash at any instant, `path` is either the old file or the new one, whole.
 * `beforeRename` runs once the new file is durable (the backups use it to keep the old file).
 */
export function writeFileAtomic(path: string, parts: Iterable<Uint8Array>, beforeRename?: () => void): void {
  const temporary = temporaryPathBeside(path);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    for (const part of parts) writeAll(fd, part);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  try {
    beforeRename?.();
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
  fsyncDirectory(dirname(path));
}

export function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  let written = 0;
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written, position === undefined ? null : position + written);
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
