import { createHash } from 'node:crypto';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import type { Reader, Writer } from '../storage/database';
import type { AuditChange, AuditEntry, AuditFilter } from './model';

/**
 * The audit log records every change: who, when, what, before and after. Each entry's hash covers
 * its own content and the previous entry's hash, so an entry altered or removed from the middle
 * breaks the chain, and the head kept in settings shows one removed from the end.
 */
const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

interface AuditRow {
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

function entryHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const content = JSON.stringify([row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Appends the changes of one transaction to the chain: its end is read once, and the head kept in
 * settings is written once, by `finish`, however many changes the transaction makes (an import
 * makes tens of thousands).
 */
export function auditAppender(writer: Writer, at: string, actor: string) {
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
      const hash = entryHash(prevHash, row);
      writer.run(
        'INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after, prevHash, hash],
      );
      last = { id: row.id, hash };
    },
    /** Records the chain's new head; nothing when nothing was appended. */
    finish(): void {
      if (!appended) return;
      writer.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [HEAD_KEY, JSON.stringify(last)]);
    },
  };
}

/** Walks the whole chain; the id of the first entry that does not fit, if any. */
export function verifyAuditChain(db: Reader): Result<{ entries: number }> {
  let prevHash = GENESIS;
  let expectedId = 1;
  for (const row of db.all<AuditRow>('SELECT * FROM audit_log ORDER BY id')) {
    if (row.id !== expectedId || row.prev_hash !== prevHash || entryHash(prevHash, row) !== row.hash) {
      return err(dubanError('ledger.audit_broken', { id: row.id }));
    }
    prevHash = row.hash;
    expectedId++;
  }
  const head = db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [HEAD_KEY]);
  const entries = expectedId - 1;
  if (head) {
    const { id, hash } = JSON.parse(head.value) as { id: number; hash: string };
    if (id !== entries || hash !== prevHash) return err(dubanError('ledger.audit_broken', { id: entries + 1 }));
  } else if (entries > 0) {
    return err(dubanError('ledger.audit_broken', { id: entries }));
  }
  return ok({ entries });
}

const parse = (value: string | null): unknown => (value === null ? null : JSON.parse(value));

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
