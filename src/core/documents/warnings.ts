import { addDays, type IsoDate } from '../../shared/dates';
import type { Reader } from '../storage/database';
import type { CompositionRequest } from './compose';
import { type IssueWarning, OFFICE_SET_FIELDS, type OfficeSetField, recipientColumns } from './model';
import type { LeftOut } from './template/expand';
import type { DocumentField } from './template/fields';

/**
 * What an office would want to know before a letter goes out (model.ts, IssueWarning): the letter it
 * chases is not yet due, or the unit was sent a letter about any of the same tasks within the office's
 * interval (`intervalDays` before the letter's date, or after it) — the letter chased aside, which
 * the first warning covers.
 */
export function issueWarnings(db: Reader, request: CompositionRequest, intervalDays: number): IssueWarning[] {
  return [...notYetDue(db, request), ...recentlySent(db, request, intervalDays)];
}

function notYetDue(db: Reader, request: CompositionRequest): IssueWarning[] {
  if (request.chaseOf === null) return [];
  const chased = db.get<{ number: string; reply_due: IsoDate | null }>('SELECT number, reply_due FROM documents WHERE id = ?', [request.chaseOf]);
  return chased?.reply_due && chased.reply_due >= request.issuedOn ? [{ code: 'reply_not_due', number: chased.number, replyDue: chased.reply_due }] : [];
}

function recentlySent(db: Reader, request: CompositionRequest, intervalDays: number): IssueWarning[] {
  // A report upward lists the overdue tasks but is no letter to their units.
  if (request.taskIds.length === 0 || request.recipient.kind === 'superior') return [];
  const { recipientUnitId: unit, recipientGroupId: group } = recipientColumns(request.recipient);
  return db
    .all<{ number: string; issued_on: IsoDate }>(
      `SELECT DISTINCT d.id, d.number, d.issued_on FROM documents d JOIN document_tasks dt ON dt.document_id = d.id
       WHERE d.recipient_unit_id IS ? AND d.recipient_group_id IS ? AND d.state = 'issued' AND d.issued_on >= ? AND d.id IS NOT ?
         AND dt.task_id IN (SELECT value FROM json_each(?))
       ORDER BY d.issued_on DESC, d.id DESC`,
      [unit, group, addDays(request.issuedOn, -intervalDays), request.chaseOf, JSON.stringify(request.taskIds)],
    )
    .map((row) => ({ code: 'recently_sent', number: row.number, issuedOn: row.issued_on }));
}

const SET_BY_THE_OFFICE: readonly DocumentField[] = OFFICE_SET_FIELDS;
const setByTheOffice = (field: DocumentField): field is OfficeSetField => SET_BY_THE_OFFICE.includes(field);

/** A warning for each sentence the template left out because the office has not set its fields (OFFICE_SET_FIELDS). */
export function leftOutWarnings(leftOut: readonly LeftOut[]): IssueWarning[] {
  return leftOut.flatMap(({ sentence, fields }) => {
    const unset = fields.filter(setByTheOffice);
    return unset.length > 0 ? [{ code: 'sentence_left_out' as const, sentence, fields: unset }] : [];
  });
}
