import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { ioError } from './durable-fs';

/**
 * One writer per ledger: `<ledger>.lock` is created exclusively and names its holder. A lock whose
 * process is gone (a crash, a power cut) is recognised on the same machine and taken over; a lock
 * held from another machine (a shared folder) cannot be judged and is reported with its holder.
 */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
  readonly token: string;
}

export const lockPathOf = (ledgerPath: string): string => `${ledgerPath}.lock`;

/** Locks held by this process, so that a second window of the same process is refused too. */
const heldHere = new Set<string>();

export interface LedgerLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null;
    return { pid: owner.pid, host: owner.host, since: String(owner.since ?? ''), token: String(owner.token ?? '') };
  } catch {
    return null;
  }
}

function isStale(owner: LockOwner | null, path: string): boolean {
  if (!owner) return true; // a lock file half-written by a crash
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return !heldHere.has(path);
  return !isAlive(owner.pid);
}

export function acquireLock(ledgerPath: string): Result<LedgerLock> {
  const path = lockPathOf(ledgerPath);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      heldHere.add(path);
      return ok({ path, release: () => release(path, me.token) });
    } catch (error) {
      // Spoken of as the ledger: the user knows the ledger file, not its lock.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return err(ioError(error, ledgerPath));
    }
    const owner = readOwner(path);
    if (!isStale(owner, path)) {
      return err(dubanError('ledger.in_use', { host: owner!.host, pid: owner!.pid, since: owner!.since }));
    }
    // Move the stale lock aside atomically: of two processes that both judged it stale, one wins the rename.
    try {
      renameSync(path, `${path}.stale-${me.token}`);
      unlinkSync(`${path}.stale-${me.token}`);
    } catch {
      // Another process took it over first; try again and meet its lock.
    }
  }
  return err(dubanError('ledger.in_use', { host: '', pid: 0, since: '' }));
}

function release(path: string, token: string): void {
  heldHere.delete(path);
  if (readOwner(path)?.token !== token) return; // never remove a lock that is not ours
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}
