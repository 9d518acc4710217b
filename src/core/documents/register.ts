import type { IsoDate } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import { validate } from '../../shared/validation';
import type { z } from 'zod';
import { fromRow, type Row } from '../records';
import type { Reader } from '../storage/database';
import type { SqlValue } from '../storage/journal';
import { type ComposedDocument, type DocumentQuery, documentQuery, type DocumentRecord, type IssuedDocument } from './model';

/** The register (发文登记): every document issued, with its number, recipient, tasks and reply. */
const RECORD_COLUMNS =
  'id, doc_type, number, year, serial, title, recipient_unit_id, recipient, issued_on, reply_due, replied_on, reply_text, state, voided_on, void_reason, notes, template_id, chase_of, created_at, updated_at';

function taskIdsOf(db: Reader, documentId: number): number[] {
  return db.all<{ task_id: number }>('SELECT task_id FROM document_tasks WHERE document_id = ? ORDER BY rowid', [documentId]).map((r) => r.task_id);
}

const toRecord = (db: Reader, row: Row): DocumentRecord => {
  const record = fromRow<Omit<DocumentRecord, 'taskIds'>>(row);
  return { ...record, taskIds: taskIdsOf(db, record.id) };
};

export function loadDocument(db: Reader, id: number): DocumentRecord | undefined {
  const row = db.get<Row>(`SELECT ${RECORD_COLUMNS} FROM documents WHERE id = ?`, [id]);
  return row ? toRecord(db, row) : undefined;
}

export function loadIssuedDocument(db: Reader, id: number): IssuedDocument | undefined {
  const record = loadDocument(db, id);
  if (!record) return undefined;
  const content = db.get<{ content: string }>('SELECT content FROM documents WHERE id = ?', [id])!.content;
  return { ...record, content: JSON.parse(content) as ComposedDocument };
}

type Query = z.output<typeof documentQuery>;

function filterOf(query: Query): { where: string; params: Record<string, SqlValue> } {
  const conditions: string[] = [];
  const params: Record<string, SqlValue> = {};
  const where = (condition: string, values: Record<string, SqlValue> = {}): void => {
    conditions.push(condition);
    Object.assign(params, values);
  };
  if (query.docType) where('doc_type = $docType', { docType: query.docType });
  if (query.year !== undefined) where('year = $year', { year: query.year });
  if (query.recipientUnitId !== undefined) where('recipient_unit_id = $unitId', { unitId: query.recipientUnitId });
  if (query.states?.length) where('state IN (SELECT value FROM json_each($states))', { states: JSON.stringify(query.states) });
  if (query.replyOverdueAsOf) where("state = 'issued' AND replied_on IS NULL AND reply_due < $asOf", { asOf: query.replyOverdueAsOf });
  if (query.search) {
    where("(number LIKE $search ESCAPE '\\' OR title LIKE $search ESCAPE '\\' OR recipient LIKE $search ESCAPE '\\')", {
      search: `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    });
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Newest first: by date, then by number within a type. */
export function listDocuments(db: Reader, input: DocumentQuery = {}): Result<DocumentRecord[]> {
  const valid = validate(documentQuery, input);
  if (!valid.ok) return valid;
  const { where, params } = filterOf(valid.value);
  return ok(db.all<Row>(`SELECT ${RECORD_COLUMNS} FROM documents ${where} ORDER BY issued_on DESC, doc_type, serial DESC`, params).map((row) => toRecord(db, row)));
}

/** A document whose reply is still awaited: how many days are left, or (negative) how late it is. */
export interface AwaitedReply {
  readonly document: DocumentRecord;
  readonly daysLeft: number;
  readonly overdue: boolean;
}

const dayNumber = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Issued documents that asked for a reply and have none yet, the most urgent first (for the dashboard). */
export function awaitingReply(db: Reader, asOf: IsoDate): AwaitedReply[] {
  return db
    .all<Row>(`SELECT ${RECORD_COLUMNS} FROM documents WHERE state = 'issued' AND replied_on IS NULL AND reply_due IS NOT NULL ORDER BY reply_due, id`)
    .map((row) => toRecord(db, row))
    .map((document) => {
      const daysLeft = dayNumber(document.replyDue!) - dayNumber(asOf);
      return { document, daysLeft, overdue: daysLeft < 0 };
    });
}
