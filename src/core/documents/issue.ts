import type { IsoDate } from '../../shared/dates';
import { dubanError } from '../../shared/errors';
import { compareKeys, naturalKey } from '../../shared/natural-order';
import { err, ok, type Result } from '../../shared/result';
import { invalid, outOfOrder, validate } from '../../shared/validation';
import type { z } from 'zod';
import type { LedgerContext, Tx } from '../context';
import { hasEvidence } from '../evidence/service';
import { audited, auditedChange, insertRecord, notFound, updateRecord } from '../records';
import type { Reader } from '../storage/database';
import { overdueSql } from '../tasks/standing';
import { listUnits } from '../units/service';
import { compose, type CompositionRequest, gatherSources, type Sources } from './compose';
import { addressLetters } from './group-letters';
import {
  type BatchDraft,
  batchDraft,
  type DocumentDraft,
  type DocumentTemplate,
  documentDraft,
  type IssuedDocument,
  type LetterDates,
  letterDates,
  type Preview,
  recipientColumns,
  type ReplyInput,
  replyInput,
  type VoidInput,
  voidInput,
} from './model';
import { formatNumber, nextSerial, takeSerial } from './numbering';
import { loadDocument, loadIssuedDocument } from './register';
import { plainTitle } from './render/title-lines';
import { issueWarnings, leftOutWarnings } from './warnings';

/**
 * Issuing documents: one from a draft, one per lead unit of the overdue tasks, or a chase of one left
 * unanswered. Previews compose the same documents with the numbers they would get and what the office
 * should know before sending them (warnings), and take nothing; issuing takes the numbers and writes
 * the register entries in one transaction.
 */
type Draft = z.output<typeof documentDraft>;

const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** Refuses a type the office has archived: its numbering is closed. */
function usableSources(db: Reader, request: CompositionRequest): Result<Sources> {
  const sources = gatherSources(db, request);
  if (!sources.ok) return sources;
  return sources.value.type.archived ? invalid('docType', 'invalid_choice') : sources;
}

/** A template being edited, not yet saved: previews show what it would print. */
export interface TemplateDraft {
  readonly source: string;
  readonly format: DocumentTemplate['format'];
}

/** Composes each request with the serial `serialOf` gives it (the next free ones for a preview, the one taken for an issue), and its warnings. */
function composeAll(
  db: Reader,
  requests: readonly CompositionRequest[],
  serialOf: (request: CompositionRequest, index: number) => number,
  draftTemplate: TemplateDraft | null = null,
): Result<Preview[]> {
  const previews: Preview[] = [];
  for (const [index, request] of requests.entries()) {
    const gathered = usableSources(db, request);
    if (!gathered.ok) return gathered;
    const sources = draftTemplate ? ok({ ...gathered.value, template: { ...gathered.value.template, ...draftTemplate } }) : gathered;
    const number = formatNumber(sources.value.type.numberPattern, yearOf(request.issuedOn), serialOf(request, index));
    const composed = compose(db, request, sources.value, number);
    if (!composed.ok) return composed;
    const { document, leftOut } = composed.value;
    const warnings = [...leftOutWarnings(leftOut), ...issueWarnings(db, request, sources.value.office.reminderIntervalDays)];
    previews.push({
      templateId: sources.value.template.id,
      ...recipientColumns(request.recipient),
      // A report upward is registered under the office its template's 主送 names.
      recipient: request.recipient.kind === 'superior' ? document.addressee : sources.value.addressee.name,
      taskIds: request.taskIds,
      document,
      warnings,
    });
  }
  return ok(previews);
}

/** The numbers a preview shows: the next free ones, counted on for documents of the same type and year. */
function previewSerials(db: Reader): (request: CompositionRequest) => number {
  const taken = new Map<string, number>();
  return (request) => {
    const key = `${request.docType}/${yearOf(request.issuedOn)}`;
    const serial = taken.get(key) ?? nextSerial(db, request.docType, yearOf(request.issuedOn));
    taken.set(key, serial + 1);
    return serial;
  };
}

function record(tx: Tx, request: CompositionRequest, preview: Preview, serial: number, notes: string): number {
  const content = preview.document;
  return audited(tx, 'document', null, loadDocument, () => {
    const id = insertRecord(tx, 'documents', {
      docType: request.docType,
      number: content.number,
      year: yearOf(request.issuedOn),
      serial,
      title: plainTitle(content.title),
      recipientUnitId: preview.recipientUnitId,
      recipientGroupId: preview.recipientGroupId,
      recipient: preview.recipient,
      issuedOn: request.issuedOn,
      replyDue: request.replyDue,
      state: 'issued',
      notes,
      templateId: preview.templateId,
      chaseOf: request.chaseOf,
      reportPeriod: request.reportPeriod,
      content: JSON.stringify(content),
    });
    for (const taskId of new Set(request.taskIds)) insertRecord(tx, 'document_tasks', { documentId: id, taskId }, false);
    return id;
  }).id;
}

/** Issues the requests in order, consecutively numbered, in the caller's transaction. */
function issueAll(tx: Tx, requests: readonly CompositionRequest[], notes: string): Result<IssuedDocument[]> {
  const issued: IssuedDocument[] = [];
  for (const request of requests) {
    // Taken before composing, since the number is part of the text; a failure rolls the transaction back.
    const serial = takeSerial(tx, request.docType, yearOf(request.issuedOn));
    const composed = composeAll(tx, [request], () => serial);
    if (!composed.ok) return composed;
    const id = record(tx, request, composed.value[0]!, serial, notes);
    issued.push(loadIssuedDocument(tx, id)!);
  }
  return ok(issued);
}

/**
 * Letters built by another part of the ledger (催报: to the units that have not reported a month), as
 * the batch's are: previewed with the numbers they would take and their warnings, then issued in the
 * caller's transaction, numbered consecutively. Screens confirm them through IssueDialog.
 */
export const previewLetters = (db: Reader, requests: readonly CompositionRequest[]): Result<Preview[]> => composeAll(db, requests, previewSerials(db));
export const issueLetters = (tx: Tx, requests: readonly CompositionRequest[]): Result<IssuedDocument[]> => issueAll(tx, requests, '');

const requestOf = ({ notes: _notes, recipientUnitId, ...draft }: Draft): CompositionRequest => ({
  ...draft,
  recipient: { kind: 'unit', id: recipientUnitId },
  reportPeriod: null,
  monthReported: null,
});

/** The lead units of the tasks overdue on `asOf`, in the units' order, each with its own tasks by number. */
export function overdueByLeadUnit(db: Reader, asOf: IsoDate, unitIds?: readonly number[]): { unitId: number; taskIds: number[] }[] {
  const rows = db.all<{ unit_id: number; task_id: number; number: string }>(
    `SELECT tu.unit_id, t.id AS task_id, t.number FROM tasks t JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead'
     WHERE ${overdueSql('t', '$asOf')}`,
    { asOf },
  );
  const byUnit = new Map<number, { id: number; key: string }[]>();
  for (const row of rows) {
    if (unitIds && !unitIds.includes(row.unit_id)) continue;
    const tasks = byUnit.get(row.unit_id) ?? [];
    tasks.push({ id: row.task_id, key: naturalKey(row.number) });
    byUnit.set(row.unit_id, tasks);
  }
  return listUnits(db, { includeArchived: true })
    .filter((unit) => byUnit.has(unit.id))
    .map((unit) => ({
      unitId: unit.id,
      taskIds: byUnit
        .get(unit.id)!
        .sort((a, b) => compareKeys(a.key, b.key) || a.id - b.id)
        .map((t) => t.id),
    }));
}

function batchRequests(db: Reader, input: BatchDraft): Result<CompositionRequest[]> {
  const valid = validate(batchDraft, input);
  if (!valid.ok) return valid;
  const { overdueAsOf, unitIds, toGroups, ...common } = valid.value;
  const letters = addressLetters(db, overdueByLeadUnit(db, overdueAsOf, unitIds), toGroups);
  return ok(letters.map((letter) => ({ ...common, ...letter, title: '', chaseOf: null, reportPeriod: null, monthReported: null })));
}

function decide<T>(ctx: LedgerContext, id: number, change: (tx: Tx, doc: IssuedDocument) => Result<T>): Result<IssuedDocument> {
  return ctx.write((tx) => {
    const doc = loadIssuedDocument(tx, id);
    if (!doc) return notFound('document', id);
    if (doc.state === 'voided') return err(dubanError('invalid_transition', { entity: 'document', from: 'voided', to: 'voided' }));
    const changed = change(tx, doc);
    return changed.ok ? ok(loadIssuedDocument(tx, id)!) : changed;
  });
}

/**
 * A reply on or after the document's date, with what came: its text, or files attached to the document.
 * Entering it again corrects it: an update in the change history, with the reply before and after.
 */
function reply(ctx: LedgerContext, id: number, input: ReplyInput): Result<IssuedDocument> {
  const valid = validate(replyInput, input);
  if (!valid.ok) return valid;
  return decide(ctx, id, (tx, doc) => {
    if (valid.value.repliedOn < doc.issuedOn) return outOfOrder('repliedOn', valid.value.repliedOn, doc.issuedOn);
    if (valid.value.replyText === '' && !hasEvidence(tx, [{ kind: 'document', id }])) return invalid('replyText', 'reply_content_required');
    auditedChange(tx, 'document', id, loadDocument, () => updateRecord(tx, 'documents', id, valid.value));
    return ok(undefined);
  });
}

/** Voiding keeps the entry and its number: a number is never given to another document. */
function voidDocument(ctx: LedgerContext, id: number, input: VoidInput): Result<IssuedDocument> {
  const valid = validate(voidInput, input);
  if (!valid.ok) return valid;
  return decide(ctx, id, (tx, doc) => {
    if (valid.value.voidedOn < doc.issuedOn) return outOfOrder('voidedOn', valid.value.voidedOn, doc.issuedOn);
    auditedChange(tx, 'document', id, loadDocument, () =>
      updateRecord(tx, 'documents', id, { state: 'voided', voidedOn: valid.value.voidedOn, voidReason: valid.value.reason }),
    );
    return ok(undefined);
  });
}

/**
 * A chase (催办): a new reminder to the same unit about the same tasks, linked to the document left
 * unanswered; a voided document, or one sent to no unit of the ledger, cannot be chased.
 */
function chaseDraft(db: Reader, id: number, dates: LetterDates): Result<DocumentDraft> {
  const valid = validate(letterDates, dates);
  if (!valid.ok) return valid;
  const original = loadIssuedDocument(db, id);
  if (!original) return notFound('document', id);
  if (original.state === 'voided' || original.recipientUnitId === null)
    return err(dubanError('invalid_transition', { entity: 'document', from: original.state, to: 'chased' }));
  return ok({ docType: 'reminder', recipientUnitId: original.recipientUnitId, taskIds: [...original.taskIds], chaseOf: original.id, ...valid.value });
}

export function issueService(ctx: LedgerContext) {
  const draftOf = (input: DocumentDraft): Result<Draft> => validate(documentDraft, input);
  return {
    /** What the draft would print, with the number it would take; with a template, as that template being edited would print it. */
    preview(input: DocumentDraft, template?: TemplateDraft): Result<Preview> {
      const draft = draftOf(input);
      if (!draft.ok) return draft;
      const previews = composeAll(ctx.db, [requestOf(draft.value)], previewSerials(ctx.db), template);
      return previews.ok ? ok(previews.value[0]!) : previews;
    },
    issue(input: DocumentDraft): Result<IssuedDocument> {
      const draft = draftOf(input);
      if (!draft.ok) return draft;
      const issued = ctx.write((tx) => issueAll(tx, [requestOf(draft.value)], draft.value.notes));
      return issued.ok ? ok(issued.value[0]!) : issued;
    },
    previewBatch(input: BatchDraft): Result<Preview[]> {
      const requests = batchRequests(ctx.db, input);
      return requests.ok ? previewLetters(ctx.db, requests.value) : requests;
    },
    /** All letters of the batch or none: one transaction. */
    issueBatch(input: BatchDraft): Result<IssuedDocument[]> {
      return ctx.write((tx) => {
        const requests = batchRequests(tx, input);
        return requests.ok ? issueLetters(tx, requests.value) : requests;
      });
    },
    /** The chase as it would be issued, with the number it would take and whether the original is due yet. */
    previewChase(id: number, dates: LetterDates): Result<Preview> {
      const draft = chaseDraft(ctx.db, id, dates);
      return draft.ok ? this.preview(draft.value) : draft;
    },
    chase(id: number, dates: LetterDates): Result<IssuedDocument> {
      const draft = chaseDraft(ctx.db, id, dates);
      return draft.ok ? this.issue(draft.value) : draft;
    },
    reply: (id: number, input: ReplyInput) => reply(ctx, id, input),
    void: (id: number, input: VoidInput) => voidDocument(ctx, id, input),
  };
}
