import { hostname, uptime } from 'node:os';
import { randomBytes } from 'node:crypto';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { disk } from './disk';
import { ioError, temporaryPathBeside } from './durable-fs';

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
  /** The boot of the machine it was taken in; absent from the locks of older versions. */
  readonly boot?: Boot;
}

/**
 * A start of the machine: Linux names each one (boot_id); elsewhere it is known by when it began,
 * in seconds. A lock from an earlier boot is stale even when its process number is in use again
 * (Windows and Linux reuse them from the first minutes after a restart).
 */
export interface Boot {
  readonly id: string | null;
  readonly at: number;
}

export function thisBoot(): Boot {
  let id: string | null = null;
  try {
    id = disk.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    // Not Linux: the start time alone tells boots apart.
  }
  return { id, at: Math.round(Date.now() / 1000 - uptime()) };
}

/**
 * Two boot times this far apart are two boots. The start time is computed from the clock, which
 * may be set in between: a small difference is the clock, not a restart (a restart within minutes
 * of the lock is then judged by its process number, as without a boot).
 */
const BOOT_TIME_SLACK_S = 10 * 60;

function isEarlierBoot(boot: Boot | undefined): boolean {
  if (!boot || typeof boot.at !== 'number') return false;
  const now = thisBoot();
  if (boot.id && now.id) return boot.id !== now.id;
  return Math.abs(now.at - boot.at) > BOOT_TIME_SLACK_S;
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
    const owner = JSON.parse(disk.readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null;
    return { pid: owner.pid, host: owner.host, since: String(owner.since ?? ''), token: String(owner.token ?? ''), boot: owner.boot };
  } catch {
    return null;
  }
}

/**
 * A lock file that cannot be read is one its writer has not finished (on a file system without hard
 * links, where it is created empty and then written) or one a crash cut short: judged stale only
 * once it is older than any writer would take.
 */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

function isStale(owner: LockOwner | null, path: string): boolean {
  if (!owner) {
    try {
      return Date.now() - disk.statSync(path).mtimeMs > UNREADABLE_LOCK_GRACE_MS;
    } catch {
      return true; // gone already
    }
  }
  if (owner.host !== hostname()) return false;
  if (isEarlierBoot(owner.boot)) return true;
  if (owner.pid === process.pid) return !heldHere.has(path);
  return !isAlive(owner.pid);
}

/**
 * Creates the lock file whole or not at all: written beside it, then linked into place (a link, unlike
 * a rename, fails when the name exists). Without hard links (FAT on removable media) it is created
 * exclusively and then written, and a reader may meet it empty for an instant (see isStale).
 */
function createLock(path: string, owner: LockOwner): void {
  const content = JSON.stringify(owner);
  const temporary = temporaryPathBeside(path);
  const fd = disk.openSync(temporary, 'wx', 0o600);
  try {
    disk.writeSync(fd, content);
  } finally {
    disk.closeSync(fd);
  }
  try {
    disk.linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOSPC' || code === 'EACCES' || code === 'EIO') throw error;
    const fd = disk.openSync(path, 'wx', 0o600);
    try {
      disk.writeSync(fd, content);
    } finally {
      disk.closeSync(fd);
    }
  } finally {
    try {
      disk.unlinkSync(temporary);
    } catch {
      // removed with the other temporary files when the ledger is next opened for writing
    }
  }
}

/**
 * `takeOver`: the lock (its token, from `ledger.in_use`) the user was shown and chose to take over,
 * having made sure its holder no longer has the ledger open; any other lock is still respected.
 */
export function acquireLock(ledgerPath: string, takeOver?: string): Result<LedgerLock> {
  const path = lockPathOf(ledgerPath);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex'), boot: thisBoot() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createLock(path, me);
      heldHere.add(path);
      return ok({ path, release: () => release(path, me.token) });
    } catch (error) {
      // Spoken of as the ledger: the user knows the ledger file, not its lock.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return err(ioError(error, ledgerPath));
    }
    const owner = readOwner(path);
    const givenUp = takeOver !== undefined && owner?.token === takeOver;
    if (!givenUp && !isStale(owner, path)) return err(inUse(owner));
    // Move the stale lock aside atomically: of two processes that both judged it stale, one wins the rename.
    try {
      disk.renameSync(path, `${path}.stale-${me.token}`);
      disk.unlinkSync(`${path}.stale-${me.token}`);
    } catch {
      // Another process took it over first; try again and meet its lock.
    }
  }
  return err(inUse(null));
}

/** Who holds the lock, when its file says so; a lock being written, or one that cannot be read, names nobody. */
const inUse = (owner: LockOwner | null) =>
  owner ? dubanError('ledger.in_use', { host: owner.host, pid: owner.pid, since: owner.since, lock: owner.token }) : dubanError('ledger.in_use_unknown');

function release(path: string, token: string): void {
  heldHere.delete(path);
  if (readOwner(path)?.token !== token) return; // never remove a lock that is not ours
  try {
    disk.unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}
