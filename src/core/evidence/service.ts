import { createHash } from 'node:crypto';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { invalid, validate } from '../../shared/validation';
import type { LedgerContext } from '../context';
import { audited, auditedChange, exists, found, fromRow, insertRecord, notFound, type Row, updateRecord } from '../records';
import type { Use } from '../references';
import type { Reader } from '../storage/database';
import {
  type Evidence,
  type EvidenceContent,
  type EvidenceInput,
  evidenceInput,
  type EvidenceOwner,
  type EvidenceOwnerKind,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_MB,
} from './model';

const OWNER_TABLES: Record<EvidenceOwnerKind, string> = {
  task: 'tasks',
  close_out: 'close_outs',
  progress_report: 'progress_reports',
  petition_case: 'petition_cases',
  site_visit: 'site_visits',
  finding: 'findings',
  accountability_case: 'accountability_cases',
  document: 'documents',
};

/** Every column but the blob's id, which only this service needs. */
const COLUMNS = 'id, owner_kind, owner_id, file_name, media_type, size, sha256, description, added_at, removed_at';

export function loadEvidence(db: Reader, id: number): Evidence | undefined {
  const row = db.get<Row>(`SELECT ${COLUMNS} FROM evidence WHERE id = ?`, [id]);
  return row ? fromRow<Evidence>(row) : undefined;
}

export function listEvidence(db: Reader, owner: EvidenceOwner, includeRemoved = false): Evidence[] {
  const removed = includeRemoved ? '' : 'AND removed_at IS NULL';
  return db
    .all<Row>(`SELECT ${COLUMNS} FROM evidence WHERE owner_kind = ? AND owner_id = ? ${removed} ORDER BY added_at, id`, [owner.kind, owner.id])
    .map((row) => fromRow<Evidence>(row));
}

/** Whether any of the owners holds evidence that has not been removed. */
export function hasEvidence(db: Reader, owners: readonly EvidenceOwner[]): boolean {
  return owners.some(
    (owner) => db.get('SELECT 1 AS x FROM evidence WHERE owner_kind = ? AND owner_id = ? AND removed_at IS NULL', [owner.kind, owner.id]) !== undefined,
  );
}

/**
 * The evidence naming an owner, as a use that keeps the owner from being deleted (none when it has
 * none). Removed evidence counts too: a later row given the same id must not inherit it.
 */
export function evidenceUses(db: Reader, kind: EvidenceOwnerKind, id: number): Use[] {
  const count = db.get<{ n: number }>('SELECT count(*) AS n FROM evidence WHERE owner_kind = ? AND owner_id = ?', [kind, id])?.n ?? 0;
  return count > 0 ? [{ table: 'evidence', count }] : [];
}

/**
 * A closed task's evidence is frozen: what justified the 销号 stays as it was approved, on the task
 * and on its close-out, until the close-out is reopened (an audited step with a reason).
 */
function isFrozen(db: Reader, ownerKind: EvidenceOwnerKind, ownerId: number): boolean {
  if (ownerKind === 'task') return db.get("SELECT 1 AS x FROM tasks WHERE id = ? AND status = 'closed'", [ownerId]) !== undefined;
  if (ownerKind === 'close_out') return db.get("SELECT 1 AS x FROM close_outs WHERE id = ? AND state = 'approved'", [ownerId]) !== undefined;
  return false;
}

const frozen = () => err(dubanError('evidence.frozen'));

function addEvidence(ctx: LedgerContext, input: EvidenceInput): Result<Evidence> {
  const valid = validate(evidenceInput, input);
  if (!valid.ok) return valid;
  const { bytes, ...values } = valid.value;
  if (bytes.length > MAX_EVIDENCE_BYTES) return invalid('bytes', 'file_too_large', { maxMb: MAX_EVIDENCE_MB });
  if (!exists(ctx.db, OWNER_TABLES[values.ownerKind], values.ownerId)) return invalid('ownerId', 'unknown_reference');
  if (isFrozen(ctx.db, values.ownerKind, values.ownerId)) return frozen();
  // The blob first: a row must never name a missing blob, while a blob no row names is harmless.
  const blobId = ctx.putBlob(bytes);
  if (!blobId.ok) return blobId;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return ctx.write((tx) => {
    const row = { ...values, size: bytes.length, sha256, blobId: blobId.value, addedAt: tx.at };
    const { after } = audited(tx, 'evidence', null, loadEvidence, () => insertRecord(tx, 'evidence', row, false));
    return ok(after!);
  });
}

/** Removing only marks the evidence: its blob stays, since backups and the audit log may refer to it. */
function markRemoved(ctx: LedgerContext, id: number, removed: boolean): Result<Evidence> {
  return ctx.write((tx) => {
    const evidence = loadEvidence(tx, id);
    if (!evidence) return notFound('evidence', id);
    if (isFrozen(tx, evidence.ownerKind, evidence.ownerId)) return frozen();
    if ((evidence.removedAt !== null) === removed) return err(dubanError('invalid_transition', { entity: 'evidence', state: removed ? 'removed' : 'present' }));
    auditedChange(tx, 'evidence', id, loadEvidence, () => updateRecord(tx, 'evidence', id, { removedAt: removed ? tx.at : null }, false));
    return ok(loadEvidence(tx, id)!);
  });
}

function contentOf(ctx: LedgerContext, id: number): Result<EvidenceContent> {
  const row = ctx.db.get<{ file_name: string; media_type: string; blob_id: string }>('SELECT file_name, media_type, blob_id FROM evidence WHERE id = ?', [id]);
  if (!row) return notFound('evidence', id);
  const bytes = ctx.getBlob(row.blob_id);
  return bytes.ok ? ok({ fileName: row.file_name, mediaType: row.media_type, bytes: bytes.value }) : bytes;
}

export function evidenceService(ctx: LedgerContext) {
  return {
    list: (owner: EvidenceOwner, options: { includeRemoved?: boolean } = {}) => listEvidence(ctx.db, owner, options.includeRemoved),
    get: (id: number): Result<Evidence> => found('evidence', id, loadEvidence(ctx.db, id)),
    add: (input: EvidenceInput) => addEvidence(ctx, input),
    content: (id: number) => contentOf(ctx, id),
    remove: (id: number) => markRemoved(ctx, id, true),
    restore: (id: number) => markRemoved(ctx, id, false),
  };
}

export type EvidenceService = ReturnType<typeof evidenceService>;
