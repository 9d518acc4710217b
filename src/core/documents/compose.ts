import zhCommon from '../../shared/i18n/locales/zh-CN/common.json' with { type: 'json' };
import { daysBetween, type IsoDate, type Period, periodOf, shiftPeriod } from '../../shared/dates';
import { formatDate, formatPeriod } from '../../shared/i18n/format';
import { err, ok, type Result } from '../../shared/result';
import { invalid } from '../../shared/validation';
import type { DubanError } from '../../shared/errors';
import type { Reader } from '../storage/database';
import { isOverdue, type Task } from '../tasks/model';
import { checkStagesOf } from '../tasks/standing';
import { loadTasks } from '../tasks/service';
import { monthlyReport } from '../monthly-report/figures';
import { loadUnitGroup } from '../unit-groups/service';
import { loadUnit } from '../units/service';
import { documentTypeByCode, loadOffice, loadTemplate, templateFieldError } from './catalogue';
import type { ComposedDocument, DocumentTemplate, DocumentType, LetterRecipient, OfficeProfile } from './model';
import type { DocumentValues, MonthField, TaskValues } from './template/fields';
import { fillTemplate, type LeftOut } from './template/expand';
import { monthValues, namesMonthField, NO_MONTH_VALUES } from './template/month-values';
import { chineseNumeral } from './template/numerals';
import { parseTemplate, type Template } from './template/parse';

/**
 * A document composed from its template and the ledger: the recipient unit or group, its tasks, the office's
 * details and the dates. Documents are Chinese whatever the screen's language: the words the ledger
 * stores as codes (a task's status) are written as the Chinese catalogue has them.
 */
export interface CompositionRequest {
  readonly docType: string;
  readonly templateId: number | null;
  readonly recipient: LetterRecipient;
  readonly taskIds: readonly number[];
  readonly issuedOn: IsoDate;
  readonly replyDue: IsoDate | null;
  readonly title: string;
  readonly signature: string;
  readonly copyTo: string;
  readonly contact: string;
  readonly phone: string;
  readonly chaseOf: number | null;
  /** A 催报's month: the reports it asks for. */
  readonly reportPeriod: Period | null;
  /** A 情况报告's month: the figures it reports (otherwise the month before its date, for a template that names them). */
  readonly monthReported: Period | null;
}

/** A request's own words left empty and no letter chased: the template and the office's details then say them. */
export const FROM_TEMPLATE = { title: '', signature: '', copyTo: '', contact: '', phone: '', chaseOf: null } as const satisfies Partial<CompositionRequest>;

/** What the composition was made from, checked: the register entry needs it too. */
export interface Sources {
  readonly type: DocumentType;
  readonly template: DocumentTemplate;
  readonly addressee: Addressee;
  readonly tasks: readonly Task[];
  readonly office: OfficeProfile;
  readonly chased: { readonly number: string; readonly issuedOn: IsoDate } | null;
}

/** The names a letter's recipient is written with: a unit's, or a group's (which has no short name). */
export interface Addressee {
  readonly name: string;
  readonly shortName: string;
}

function addresseeOf(db: Reader, recipient: LetterRecipient): Addressee | undefined {
  // The office above has no row in the ledger: the template's 主送 names it.
  if (recipient.kind === 'superior') return { name: '', shortName: '' };
  if (recipient.kind === 'group') {
    const group = loadUnitGroup(db, recipient.id);
    return group && { name: group.name, shortName: group.name };
  }
  const unit = loadUnit(db, recipient.id);
  return unit && { name: unit.name, shortName: unit.shortName || unit.name };
}

const TASK_STATUS: Readonly<Record<string, string>> = zhCommon.enums.taskStatus;
const DEADLINE_WORDS: Readonly<Record<string, string>> = zhCommon.enums.deadlineKind;
const zhDate = (date: IsoDate): string => formatDate(date, 'zh-CN');

/** The names of the units the tasks are given to, by id: read once for the letter, not once for each task. */
function unitNamesOf(db: Reader, tasks: readonly Task[]): ReadonlyMap<number, string> {
  const ids = [...new Set(tasks.flatMap((task) => [...task.leadUnitIds, ...task.cooperatingUnitIds]))];
  return new Map(
    db
      .all<{ id: number; name: string }>('SELECT id, name FROM units WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)])
      .map((u) => [u.id, u.name]),
  );
}

function unitNames(names: ReadonlyMap<number, string>, ids: readonly number[]): string {
  return ids
    .map((id) => names.get(id))
    .filter((name): name is string => name !== undefined)
    .join('、');
}

function taskValues(names: ReadonlyMap<number, string>, task: Task, index: number, asOf: IsoDate, late: boolean): TaskValues {
  const { deadline } = task;
  return {
    index: String(index + 1),
    chineseIndex: chineseNumeral(index + 1),
    taskNumber: task.number,
    problem: task.problem,
    goal: task.goal,
    deadline: deadline.kind === 'date' ? zhDate(deadline.date) : DEADLINE_WORDS[deadline.kind]!,
    leader: task.responsibleLeader,
    status: TASK_STATUS[task.status]!,
    overdueDays: late && deadline.kind === 'date' ? String(daysBetween(deadline.date, asOf)) : '0',
    leadUnits: unitNames(names, task.leadUnitIds),
    cooperatingUnits: unitNames(names, task.cooperatingUnitIds),
  };
}

/** The month figures the template is filled with: of the month reported, or of the month before the document's date. */
function monthFigures(db: Reader, request: CompositionRequest, template: Template): Record<MonthField, string> {
  const month = request.monthReported ?? (namesMonthField(template) ? shiftPeriod(periodOf(request.issuedOn), -1) : null);
  return month ? monthValues(monthlyReport(db, month, request.issuedOn)) : NO_MONTH_VALUES;
}

/** Everything the request names, or the field that names something the ledger does not have. */
export function gatherSources(db: Reader, request: CompositionRequest): Result<Sources> {
  const type = documentTypeByCode(db, request.docType);
  if (!type) return invalid('docType', 'unknown_reference');
  const office = loadOffice(db);
  const templateId = request.templateId ?? (request.chaseOf !== null && office.chaseTemplateId !== null ? office.chaseTemplateId : type.templateId);
  const template = loadTemplate(db, templateId);
  if (!template) return invalid('templateId', 'unknown_reference');
  const addressee = addresseeOf(db, request.recipient);
  if (!addressee) return invalid(request.recipient.kind === 'group' ? 'recipientGroupId' : 'recipientUnitId', 'unknown_reference');
  const loaded = loadTasks(db, request.taskIds);
  const tasks = loaded.filter((task): task is Task => task !== undefined);
  if (tasks.length < loaded.length) return invalid('taskIds', 'unknown_reference', { id: request.taskIds[loaded.indexOf(undefined)]! });
  let chased: Sources['chased'] = null;
  if (request.chaseOf !== null) {
    const row = db.get<{ number: string; issued_on: IsoDate }>('SELECT number, issued_on FROM documents WHERE id = ?', [request.chaseOf]);
    if (!row) return invalid('chaseOf', 'unknown_reference');
    chased = { number: row.number, issuedOn: row.issued_on };
  }
  return ok({ type, template, addressee, tasks, office, chased });
}

/** A composed document, and the template's sentences it left out for an empty field. */
export interface Composition {
  readonly document: ComposedDocument;
  readonly leftOut: readonly LeftOut[];
}

export function compose(db: Reader, request: CompositionRequest, sources: Sources, number: string): Result<Composition, DubanError> {
  const parsed = parseTemplate(sources.template.source);
  if (!parsed.ok) return templateFieldError(parsed.error);
  const { addressee, tasks, office, chased } = sources;
  const asOf = request.issuedOn;
  // A task its lead unit reported completed, with the group for its check, is not called late in a letter.
  const stages = checkStagesOf(
    db,
    tasks.map((task) => task.id),
  );
  const late = (task: Task): boolean => isOverdue({ ...task, checkStage: stages.get(task.id) ?? null }, asOf);
  const overdue = tasks.filter(late);
  const signature = request.signature || office.signature;
  const copyTo = request.copyTo || office.copyTo;
  const document: DocumentValues = {
    recipient: addressee.name,
    recipientShort: addressee.shortName,
    number,
    date: zhDate(asOf),
    replyDue: request.replyDue ? zhDate(request.replyDue) : '',
    contact: request.contact || office.contact,
    phone: request.phone || office.phone,
    signature,
    issuer: office.issuer,
    copyTo,
    taskCount: String(tasks.length),
    overdueCount: String(overdue.length),
    chasedNumber: chased?.number ?? '',
    chasedDate: chased ? zhDate(chased.issuedOn) : '',
    reportPeriod: request.reportPeriod ? formatPeriod(request.reportPeriod, 'zh-CN') : '',
    ...monthFigures(db, request, parsed.value),
  };
  const names = unitNamesOf(db, tasks);
  const filled = fillTemplate(parsed.value, {
    document,
    tasks: tasks.map((task, i) => taskValues(names, task, i, asOf, late(task))),
    overdueTasks: overdue.map((task, i) => taskValues(names, task, i, asOf, true)),
  });
  if (filled.parts.title === '' && request.title === '') return err({ code: 'validation', fields: [{ field: 'title', code: 'required' }] });
  const composed: ComposedDocument = {
    format: sources.template.format,
    issuer: office.issuer,
    number,
    title: request.title || filled.parts.title!,
    addressee: filled.parts.addressee ?? addressee.name,
    blocks: filled.blocks,
    signature: filled.parts.signature ?? signature,
    date: asOf,
    // Only a template with a 抄送 line has a copy-to block (a supervision sheet has none).
    copyTo: filled.parts.copyTo ?? '',
    sealed: sources.type.sealed,
    issuerMarkPt: office.issuerMarkPt,
    latinFace: office.latinFace,
  };
  return ok({ document: composed, leftOut: filled.leftOut });
}
