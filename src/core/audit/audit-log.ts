import { createHash, createHmac } from 'node:crypto';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import type { AuditHead, AuditView } from '../storage/anchor';
import type { Reader, Writer } from '../storage/database';
import { rowsAfter } from '../storage/rows-after';
import { type AuditChange, type AuditEntry, type AuditFilter, RecordJson } from './model';
import { storeSetting } from '../settings';

/**
 * The audit log records every change: who, when, what, before and after. Each entry's hash covers
 * its own content and the previous entry's hash, so an entry altered or removed from the middle
 * breaks the chain, and the head kept in settings shows one removed from the end. The hash is an
 * HMAC under the ledger's audit key (from its integrity key, see storage/header.ts): whoever edits
 * the database by SQL cannot compute a chain that fits. Whoever holds the key can; against them the
 * head is anchored outside the file, on the machine (storage/anchor.ts). A format-1 ledger opened
 * read-only has no key yet, and its chain is plain SHA-256 (`key` null), as it was written.
 */
const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

/** A row of `audit_log` as stored (docs/schema.md). */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

function entryHash(key: Buffer | null, prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const content = JSON.stringify([row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after]);
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(prevHash).update('\n').update(content).digest('hex');
}

const writeHead = (writer: Writer, head: AuditHead): void => storeSetting(writer, HEAD_KEY, head);

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : value instanceof RecordJson ? value.text : JSON.stringify(value);

/** The record's before and after are cast to the text they are, so that they are bound cheaply (storage/database.ts). */
const APPEND =
  'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?)';

/**
 * Appends the changes of one transaction to the chain: its end is read once, and the head kept in
 * settings is written once, by `finish`, however many changes the transaction makes (an import
 * makes tens of thousands).
 */
export function auditAppender(writer: Writer, at: string, actor: string, key: Buffer) {
  let last: { id: number; hash: string } | undefined;
  let appended = false;
  return {
    append(change: AuditChange): void {
      if (!appended) last = writer.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
      appended = true;
      const row = {
        id: (last?.id ?? 0) + 1,
        at,
        actor,
        action: change.action,
        entity: change.entity,
        entity_id: change.entityId,
        before: json(change.before),
        after: json(change.after),
      };
      const prevHash = last?.hash ?? GENESIS;
      const hash = entryHash(key, prevHash, row);
      writer.run(APPEND, [row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after, prevHash, hash]);
      last = { id: row.id, hash };
    },
    /** Records the chain's new head; nothing when nothing was appended. */
    finish(): void {
      if (appended && last) writeHead(writer, last);
    },
  };
}

function readHead(db: Reader): AuditHead | null {
  const head = db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [HEAD_KEY]);
  if (!head) return null;
  try {
    const { id, hash } = JSON.parse(head.value) as Partial<AuditHead>;
    return Number.isSafeInteger(id) && typeof hash === 'string' ? { id: id!, hash } : { id: -1, hash: '' };
  } catch {
    return { id: -1, hash: '' };
  }
}

/**
 * How many entries the chain is read in at a time: a province's ledger holds hundreds of thousands,
 * each with its record's JSON (about 1.5 KB once read), more than the core's memory holds at once.
 */
export const CHAIN_PAGE = 2_000;

/** The chain's entries after the one with id `after`, in order, a page at a time, `most` in all. */
const entriesAfter = (db: Reader, after: number, most = Infinity): Generator<AuditRow> => rowsAfter<AuditRow>(db, 'audit_log', after, CHAIN_PAGE, most);

/** Where a walk of the chain got to: the last entry found to fit (id 0: none), and whether that is the chain's end, checked against the head. */
export interface ChainWalk {
  readonly at: AuditHead;
  readonly done: boolean;
}

/** Before the first entry: where a walk starts. */
export const CHAIN_START: AuditHead = { id: 0, hash: GENESIS };

/**
 * Walks the chain from `from` (an entry already found to fit, or the start), at most `most` entries;
 * having reached the end, checks it against the head kept in settings. The id of the first entry
 * that does not fit, if any.
 */
export function walkAuditChain(db: Reader, key: Buffer | null, from: AuditHead = CHAIN_START, most = Infinity): Result<ChainWalk> {
  let prevHash = from.hash;
  let expectedId = from.id + 1;
  for (const row of entriesAfter(db, from.id, most)) {
    if (row.id !== expectedId || row.prev_hash !== prevHash || entryHash(key, prevHash, row) !== row.hash) {
      return err(dubanError('ledger.audit_broken', { id: row.id }));
    }
    prevHash = row.hash;
    expectedId++;
  }
  const entries = expectedId - 1;
  // A step that walked all it may stops short of the end if any entry follows.
  if (entries - from.id === most && db.get('SELECT 1 AS x FROM audit_log WHERE id > ?', [entries])) {
    return ok({ at: { id: entries, hash: prevHash }, done: false });
  }
  const head = readHead(db);
  if (head) {
    if (head.id !== entries || head.hash !== prevHash) return err(dubanError('ledger.audit_broken', { id: entries + 1 }));
  } else if (entries > 0) {
    return err(dubanError('ledger.audit_broken', { id: entries }));
  }
  return ok({ at: { id: entries, hash: prevHash }, done: true });
}

/** The whole chain walked from the start, and its length. */
export function verifyAuditChain(db: Reader, key: Buffer | null): Result<{ entries: number }> {
  const walked = walkAuditChain(db, key);
  return walked.ok ? ok({ entries: walked.value.at.id }) : walked;
}

/**
 * Format 1 → 2: the chain, checked as it was written (plain SHA-256), computed again under the audit
 * key. A chain that does not check is not carried over: that would hide what broke it.
 */
export function keyAuditChain(writer: Writer, key: Buffer): Result<void> {
  const checked = verifyAuditChain(writer, null);
  if (!checked.ok) return checked;
  let prevHash = GENESIS;
  let head: AuditHead | null = null;
  for (const row of entriesAfter(writer, 0)) {
    const hash = entryHash(key, prevHash, row);
    writer.run('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', [prevHash, hash, row.id]);
    prevHash = hash;
    head = { id: row.id, hash };
  }
  if (head) writeHead(writer, head);
  return ok(undefined);
}

/** How the storage's anchor reads the chain's head, and an entry's hash. */
export const auditView: AuditView = {
  head: (db) => readHead(db),
  hashAt: (db, id) => db.get<{ hash: string }>('SELECT hash FROM audit_log WHERE id = ?', [id])?.hash ?? null,
};

const parse = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

/** From one name to the next in the people's index (`audit_log_actor`), a few lookups each, not a read of the whole history. */
const ACTORS = `WITH RECURSIVE named(actor) AS (
  SELECT min(actor) FROM audit_log WHERE actor > ''
  UNION ALL
  SELECT (SELECT min(actor) FROM audit_log WHERE actor > named.actor) FROM named WHERE named.actor IS NOT NULL
)
SELECT actor FROM named WHERE actor IS NOT NULL ORDER BY (SELECT min(id) FROM audit_log WHERE audit_log.actor = named.actor)`;

/** The names the history records changes under, each once, in the order of their first change. */
export const auditActors = (db: Reader): string[] => db.all<{ actor: string }>(ACTORS).map((row) => row.actor);

export function listAudit(db: Reader, filter: AuditFilter = {}): AuditEntry[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.entity) {
    where.push('entity = ?');
    params.push(filter.entity);
  }
  if (filter.entityId !== undefined) {
    where.push('entity_id = ?');
    params.push(filter.entityId);
  }
  if (filter.actor !== undefined) {
    where.push('actor = ?');
    params.push(filter.actor);
  }
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ? OFFSET ?`;
  return db.all<AuditRow>(sql, [...params, filter.limit ?? 200, filter.offset ?? 0]).map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditEntry['action'],
    entity: row.entity as AuditEntry['entity'],
    entityId: row.entity_id,
    before: parse(row.before),
    after: parse(row.after),
    hash: row.hash,
  }));
}

export const countAudit = (db: Reader): number => db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')?.n ?? 0;
