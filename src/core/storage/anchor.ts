import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { join, resolve } from 'node:path';
import { dubanError, type DubanError } from '../../shared/errors';
import { subkey } from './crypto';
import type { Reader } from './database';
import { disk } from './disk';
import { closeQuietly, ensureDirectory, writeAll } from './durable-fs';

/**
 * The anchor: the last state of a ledger this machine saw — snapshot generation, journal length, the
 * last record's tag and the head of the audit chain — kept outside the file, in the user's settings,
 * and MAC'd under a key derived from the ledger's integrity key. An append-only file cannot tell an
 * older copy of itself, or a journal cut at a record boundary, from one that simply has fewer
 * commits; the anchor can. It guards against whoever swaps or trims the file, not against whoever
 * also controls this user's settings (they can delete it): docs/threat-model.md.
 */
export interface AuditHead {
  readonly id: number;
  readonly hash: string;
}

/** How the storage reads the audit chain it anchors (the chain itself is the audit module's). */
export interface AuditView {
  head(db: Reader): AuditHead | null;
  hashAt(db: Reader, id: number): string | null;
}

export interface AnchorPoint {
  readonly generation: number;
  /** Journal records after that generation's snapshot. */
  readonly records: number;
  /** Hex of the last record's tag (the snapshot's last chunk's when there is none). */
  readonly lastTag: string;
  readonly audit: AuditHead | null;
}

interface StoredAnchor extends AnchorPoint {
  readonly at: number;
  readonly mac: string;
}

/** Where anchors are kept: one small file per ledger and place, so two ledgers never race on one file. */
export interface AnchorBook {
  read(ledgerId: string, path: string): unknown;
  write(ledgerId: string, path: string, anchor: unknown): void;
  /** The ledger is closed: nothing more is written for it until it is opened again. */
  release(ledgerId: string, path: string): void;
}

/**
 * Each anchor is one disk sector, rewritten in place: a commit costs one more write, not the four
 * calls and a rename of a file replaced whole. Not synced either: an anchor lost to a crash is a step
 * behind, which can only miss a change, never report one that did not happen; one cut short does not
 * parse, and counts as none.
 */
const ANCHOR_BYTES = 512;

/** Anchors as files in `dir` (the app's settings folder, or the command line's). */
export function anchorFolder(dir: string): AnchorBook {
  const fileOf = (ledgerId: string, path: string): string =>
    join(dir, `${ledgerId}-${createHash('sha256').update(resolve(path)).digest('hex').slice(0, 16)}.json`);
  const open = new Map<string, number>();
  const release = (file: string): void => {
    const fd = open.get(file);
    open.delete(file);
    if (fd !== undefined) closeQuietly(fd);
  };
  return {
    read(ledgerId, path) {
      try {
        return JSON.parse(disk.readFileSync(fileOf(ledgerId, path), 'utf8'));
      } catch {
        return null;
      }
    },
    write(ledgerId, path, anchor) {
      const file = fileOf(ledgerId, path);
      const sector = Buffer.alloc(ANCHOR_BYTES, ' ');
      if (sector.write(JSON.stringify(anchor)) >= ANCHOR_BYTES) throw new Error('an anchor outgrew its sector');
      try {
        let fd = open.get(file);
        if (fd === undefined) {
          ensureDirectory(dir);
          fd = disk.openSync(file, 'w', 0o600);
          open.set(file, fd);
        }
        writeAll(fd, sector, 0);
      } catch (error) {
        release(file); // opened afresh next time
        throw error;
      }
    },
    release: (ledgerId, path) => release(fileOf(ledgerId, path)),
  };
}

/** The key anchors are MAC'd under: from the ledger's integrity key, so it outlives every data key. */
export const anchorKeyOf = (integrityKey: Buffer, ledgerId: Buffer): Buffer => subkey(integrityKey, 'anchor', ledgerId);

function macOf(anchorKey: Buffer, ledgerId: string, point: AnchorPoint): string {
  const content = JSON.stringify([ledgerId, point.generation, point.records, point.lastTag, point.audit?.id ?? null, point.audit?.hash ?? null]);
  return createHmac('sha256', anchorKey).update(content).digest('hex');
}

export function sealAnchor(anchorKey: Buffer, ledgerId: string, point: AnchorPoint, at: number): StoredAnchor {
  return { ...point, at, mac: macOf(anchorKey, ledgerId, point) };
}

function isStoredAnchor(value: unknown): value is StoredAnchor {
  const a = value as Partial<StoredAnchor> | null;
  const audit = a?.audit as Partial<AuditHead> | null | undefined;
  return (
    !!a &&
    Number.isSafeInteger(a.generation) &&
    Number.isSafeInteger(a.records) &&
    typeof a.lastTag === 'string' &&
    typeof a.mac === 'string' &&
    typeof a.at === 'number' &&
    (audit === null || (!!audit && Number.isSafeInteger(audit.id) && typeof audit.hash === 'string'))
  );
}

/** What the file is, compared with what this machine saw last; anything but the first two is a warning. */
export type AnchorCheck =
  | { readonly kind: 'first_seen' }
  | { readonly kind: 'consistent' }
  /** An older snapshot than one seen here: an earlier copy or backup put in its place. */
  | { readonly kind: 'rolled_back'; readonly seenAt: number; readonly seen: number; readonly found: number }
  /** The same snapshot with fewer journal records than seen here: the journal was cut. */
  | { readonly kind: 'trimmed'; readonly seenAt: number; readonly seen: number; readonly found: number }
  /** The same snapshot whose records differ from those seen here. */
  | { readonly kind: 'diverged'; readonly seenAt: number }
  /** The audit chain no longer holds the entry seen here as its head: history was rewritten or removed. */
  | { readonly kind: 'history_rewritten'; readonly seenAt: number; readonly auditId: number }
  /** The anchor kept here was not made with this ledger's key: altered, or from another ledger. */
  | { readonly kind: 'unverifiable'; readonly seenAt: number };

export interface CurrentState {
  readonly point: AnchorPoint;
  /** The snapshot's last chunk's tag, then each journal record's, to check that the one seen here is still the same. */
  readonly tags: readonly Buffer[];
  readonly auditHashAt: (id: number) => string | null;
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length * 2 === a.length && timingSafeEqual(x, y);
}

export function checkAnchor(stored: unknown, anchorKey: Buffer, ledgerId: string, current: CurrentState): AnchorCheck {
  if (!isStoredAnchor(stored)) return { kind: 'first_seen' };
  const seenAt = stored.at;
  if (!sameHex(macOf(anchorKey, ledgerId, stored), stored.mac)) return { kind: 'unverifiable', seenAt };
  const { point } = current;
  if (point.generation < stored.generation) return { kind: 'rolled_back', seenAt, seen: stored.generation, found: point.generation };
  if (point.generation === stored.generation) {
    if (point.records < stored.records) return { kind: 'trimmed', seenAt, seen: stored.records, found: point.records };
    const tag = current.tags[stored.records]?.toString('hex');
    if (tag === undefined || !sameHex(tag, stored.lastTag)) return { kind: 'diverged', seenAt };
  }
  // A later snapshot flattened the journal seen here; the audit chain still carries the history.
  if (stored.audit) {
    const hash = current.auditHashAt(stored.audit.id);
    if (hash === null || !sameHex(hash, stored.audit.hash)) return { kind: 'history_rewritten', seenAt, auditId: stored.audit.id };
  }
  return { kind: 'consistent' };
}

const stampOf = (time: number): string => {
  const d = new Date(time);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** The check as the sentence the app and the command line show; null when there is nothing to say. */
export function anchorWarning(check: AnchorCheck): DubanError | null {
  switch (check.kind) {
    case 'first_seen':
    case 'consistent':
      return null;
    case 'rolled_back':
      return dubanError('ledger.rolled_back', { seenAt: stampOf(check.seenAt), seen: check.seen, found: check.found });
    case 'trimmed':
      return dubanError('ledger.journal_trimmed', { seenAt: stampOf(check.seenAt), seen: check.seen, found: check.found });
    case 'diverged':
      return dubanError('ledger.history_diverged', { seenAt: stampOf(check.seenAt) });
    case 'history_rewritten':
      return dubanError('ledger.audit_rewritten', { seenAt: stampOf(check.seenAt), id: check.auditId });
    case 'unverifiable':
      return dubanError('ledger.anchor_unverifiable', { seenAt: stampOf(check.seenAt) });
  }
}
