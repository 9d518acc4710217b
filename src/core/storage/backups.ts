import { basename, join } from 'node:path';
import { disk } from './disk';
import { closeQuietly, copyFileAtomic, ensureDirectory, exists, fsyncDirectory } from './durable-fs';
import { parseHeader } from './header';

/**
 * Rotating backups in `<ledger>.backups/`: each snapshot keeps the file it replaces (a hard link, so
 * no copy is made where the file system allows it). Kept: the most recent few, and the newest of each
 * of the last days. Backups are whole ledger files, encrypted as the ledger was when they were taken.
 */
export interface BackupPolicy {
  readonly recent: number;
  readonly dailyDays: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { recent: 5, dailyDays: 14 };

export interface Backup {
  readonly path: string;
  readonly fileName: string;
  readonly takenAt: number;
  readonly size: number;
  /** The data key it is sealed under (see header.ts): one below the ledger's is a backup a password change could not reach. */
  readonly keyEpoch: number;
}

export const backupDirOf = (ledgerPath: string): string => `${ledgerPath}.backups`;

function stamp(time: number): string {
  const d = new Date(time);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
}

/** Keeps the current ledger file as a backup; called just before a new snapshot replaces it. */
export function keepBackup(ledgerPath: string, now: number): string {
  const dir = backupDirOf(ledgerPath);
  ensureDirectory(dir);
  const base = basename(ledgerPath).replace(/\.duban$/i, '');
  let target = join(dir, `${base}-${stamp(now)}.duban`);
  for (let n = 2; exists(target); n++) target = join(dir, `${base}-${stamp(now)}-${n}.duban`);
  try {
    disk.linkSync(ledgerPath, target);
    fsyncDirectory(dir);
  } catch {
    copyFileAtomic(ledgerPath, target); // FAT and exFAT removable media have no hard links
  }
  return target;
}

/** When a backup's snapshot was written and under which key, read from its header (no key needed); null for what is not a whole header. */
function describe(path: string): { takenAt: number; keyEpoch: number } | null {
  let fd: number;
  try {
    fd = disk.openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(64 * 1024);
    const read = disk.readSync(fd, head, 0, head.length, 0);
    const parsed = parseHeader(head.subarray(0, read));
    return parsed.ok ? { takenAt: parsed.value.header.writtenAt, keyEpoch: parsed.value.header.keyEpoch } : null;
  } catch {
    return null;
  } finally {
    closeQuietly(fd);
  }
}

function sizeOf(path: string): number | null {
  try {
    return disk.statSync(path).size;
  } catch {
    return null;
  }
}

export function listBackups(ledgerPath: string): Backup[] {
  const dir = backupDirOf(ledgerPath);
  let names: string[];
  try {
    names = disk.readdirSync(dir).filter((name) => name.endsWith('.duban'));
  } catch {
    return [];
  }
  const backups: Backup[] = [];
  for (const fileName of names) {
    const path = join(dir, fileName);
    const described = describe(path);
    const size = described === null ? null : sizeOf(path);
    if (described !== null && size !== null) backups.push({ path, fileName, size, ...described });
  }
  return backups.sort((a, b) => b.takenAt - a.takenAt);
}

const localDay = (time: number): string => stamp(time).slice(0, 8);

/** Which backups the policy keeps; the others are removed by `rotateBackups`. */
export function backupsToKeep(backups: readonly Backup[], policy: BackupPolicy, now: number): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt);
  newestFirst.slice(0, policy.recent).forEach((b) => keep.add(b.path));
  const days = new Set<string>();
  for (let i = 0; i < policy.dailyDays; i++) days.add(localDay(now - i * 86_400_000));
  const seenDays = new Set<string>();
  for (const backup of newestFirst) {
    const day = localDay(backup.takenAt);
    if (days.has(day) && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(backup.path);
    }
  }
  return keep;
}

/** Removes the backups the policy no longer keeps; those that cannot be removed are left (and named). */
export function rotateBackups(ledgerPath: string, policy: BackupPolicy, now: number): string[] {
  const backups = listBackups(ledgerPath);
  const keep = backupsToKeep(backups, policy, now);
  const left: string[] = [];
  for (const backup of backups) {
    if (keep.has(backup.path)) continue;
    try {
      disk.unlinkSync(backup.path);
    } catch {
      left.push(backup.fileName);
    }
  }
  return left;
}
