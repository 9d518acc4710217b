import { daysBetween, type IsoDate } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import { validate } from '../../shared/validation';
import type { z } from 'zod';
import { fromRow, type Row } from '../records';
import type { Reader } from '../storage/database';
import { type SqlFilter, sqlFilter } from '../sql-filter';
import { type AwaitedReply, type ComposedDocument, type DocumentQuery, documentQuery, type DocumentRecord, type IssuedDocument } from './model';

/** The register (发文登记): every document issued, with its number, recipient, tasks and reply. */
const RECORD_COLUMNS =
  'id, doc_type, number, year, serial, title, recipient_unit_id, recipient_group_id, recipient, issued_on, reply_due, replied_on, reply_text, state, voided_on, void_reason, notes, template_id, chase_of, report_period, created_at, updated_at';

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

const AWAITING = "state = 'issued' AND replied_on IS NULL AND reply_due IS NOT NULL";

function filterOf(query: Query): SqlFilter {
  const filter = sqlFilter();
  if (query.docType) filter.where('doc_type = $docType', { docType: query.docType });
  if (query.year !== undefined) filter.where('year = $year', { year: query.year });
  if (query.recipientUnitId !== undefined) filter.where('recipient_unit_id = $unitId', { unitId: query.recipientUnitId });
  if (query.states?.length) filter.where('state IN (SELECT value FROM json_each($states))', { states: JSON.stringify(query.states) });
  if (query.awaitingReply) filter.where(AWAITING);
  if (query.replyOverdueAsOf) filter.where(`${AWAITING} AND reply_due < $asOf`, { asOf: query.replyOverdueAsOf });
  if (query.search) filter.contains(['number', 'title', 'recipient'], query.search);
  return filter;
}

/** Newest first: by date, then by number within a type. */
export function listDocuments(db: Reader, input: DocumentQuery = {}): Result<DocumentRecord[]> {
  const valid = validate(documentQuery, input);
  if (!valid.ok) return valid;
  const filter = filterOf(valid.value);
  return ok(
    db
      .all<Row>(`SELECT ${RECORD_COLUMNS} FROM documents ${filter.clause} ORDER BY issued_on DESC, doc_type, serial DESC`, filter.params)
      .map((row) => toRecord(db, row)),
  );
}

/** Issued documents that asked for a reply and have none yet, the most urgent first (for the dashboard). */
export function awaitingReply(db: Reader, asOf: IsoDate): AwaitedReply[] {
  return db
    .all<Row>(`SELECT ${RECORD_COLUMNS} FROM documents WHERE ${AWAITING} ORDER BY reply_due, id`)
    .map((row) => toRecord(db, row))
    .map((document) => {
      const daysLeft = daysBetween(asOf, document.replyDue!);
      return { document, daysLeft, overdue: daysLeft < 0 };
    });
}
