import { copyFileSync, linkSync, mkdirSync, readdirSync, unlinkSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
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
  mkdirSync(dir, { recursive: true });
  const base = basename(ledgerPath).replace(/\.duban$/i, '');
  let target = join(dir, `${base}-${stamp(now)}.duban`);
  for (let n = 2; exists(target); n++) target = join(dir, `${base}-${stamp(now)}-${n}.duban`);
  try {
    linkSync(ledgerPath, target);
  } catch {
    copyFileSync(ledgerPath, target); // FAT and exFAT removable media have no hard links
  }
  return target;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The time a backup's snapshot was written, read from its header (no key needed). */
function writtenAt(path: string): number | null {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const read = readSync(fd, head, 0, head.length, 0);
    const parsed = parseHeader(head.subarray(0, read));
    return parsed.ok ? parsed.value.header.writtenAt : null;
  } finally {
    closeSync(fd);
  }
}

export function listBackups(ledgerPath: string): Backup[] {
  const dir = backupDirOf(ledgerPath);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.duban'));
  } catch {
    return [];
  }
  const backups: Backup[] = [];
  for (const fileName of names) {
    const path = join(dir, fileName);
    const takenAt = writtenAt(path);
    if (takenAt !== null) backups.push({ path, fileName, takenAt, size: statSync(path).size });
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

export function rotateBackups(ledgerPath: string, policy: BackupPolicy, now: number): void {
  const backups = listBackups(ledgerPath);
  const keep = backupsToKeep(backups, policy, now);
  for (const backup of backups) if (!keep.has(backup.path)) unlinkSync(backup.path);
}
