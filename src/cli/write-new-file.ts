import { writeFileSync } from 'node:fs';
import { ioError } from '../core/storage/durable-fs';
import { ok, type Result } from '../shared/result';
import { type CliFailure, cliFailure, ledgerFailure } from './failure';

/** Writes a file that must not exist yet: nothing of the user's is overwritten. */
export function writeNewFile(path: string, bytes: Uint8Array): Result<void, CliFailure> {
  try {
    writeFileSync(path, bytes, { flag: 'wx' });
    return ok(undefined);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return cliFailure('out_exists', { path });
    return ledgerFailure(ioError(error, path));
  }
}
