import { mkdirSync, writeFileSync } from 'node:fs';
import { ioError } from '../core/storage/durable-fs';
import { ok, type Result } from '../shared/result';
import { type CliFailure, cliFailure, ledgerFailure } from './failure';

/**
 * Writes a file that must not exist yet: nothing of the user's is overwritten. Only its owner may
 * read it (0600; a umask can only take away): letters, workbooks and dumps name persons held
 * accountable and petitioners, which the machine's other accounts have no business reading.
 */
export function writeNewFile(path: string, bytes: Uint8Array): Result<void, CliFailure> {
  try {
    writeFileSync(path, bytes, { flag: 'wx', mode: 0o600 });
    return ok(undefined);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return cliFailure('out_exists', { path });
    return ledgerFailure(ioError(error, path));
  }
}

/** The folder files are written into, made with its parents where missing; only its owner may list it (the names name units). */
export function makeFolder(dir: string): Result<void, CliFailure> {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return ok(undefined);
  } catch (error) {
    return ledgerFailure(ioError(error, dir));
  }
}
