import type { z } from 'zod';
import { type IsoDate, type Period, periodOf, shiftPeriod } from '../../../shared/dates';
import { dubanError } from '../../../shared/errors';
import enExchange from '../../../shared/i18n/locales/en/exchange.json' with { type: 'json' };
import zhExchange from '../../../shared/i18n/locales/zh-CN/exchange.json' with { type: 'json' };
import { err, ok, type Result } from '../../../shared/result';
import { progressInput, type ProgressState } from '../../progress/model';
import { isResponsible, loadProgressReport, progressService, reportIdOf } from '../../progress/service';
import type { Reader } from '../../storage/database';
import { loadUnit } from '../../units/service';
import { choiceOfField, type Reading, readField } from '../import/fields';
import { PROGRESS_FIELDS, shownReport } from '../import/kinds/progress';
import { checkRules, plannedRow } from '../import/kind';
import { normalizeLabel } from '../import/labels';
import type { ImportCounts, Issue, WordAnswers, WordQuestion } from '../import/model';
import { countsOf, type PlannedLine } from '../import/plan';
import { findHeader, type Header } from '../import/header';
import { shownPeriod } from '../import/shown';
import { type CellValue, cellText } from '../read/cells';
import { columnLetters, type SheetData, type SheetRow, type WorkbookData } from '../read/workbook';
import { readSetting } from '../../settings';
import { type AskedCell, questionsOf } from '../import/words';
import { findIdentities, type Identity } from './identity';
import { CODE_SHEET, INPUT, PACKAGE_COLUMNS, type PackageColumn, rowChecksum } from './layout';
import type { returnOptions, ReturnWarning, SentWorkbook } from './model';

/**
 * A unit workbook come back: recognised by its code wherever a copy of it survived, refused if it
 * belongs to another ledger, compared row by row with what was sent (a task by its hidden id, or by
 * its number when the hidden column was lost), and planned as that month's progress reports.
 */
export interface ReturnPlan {
  readonly identity: Identity;
  readonly unit: { readonly id: number; readonly name: string };
  readonly sent: SentWorkbook | undefined;
  readonly warnings: readonly ReturnWarning[];
  readonly lines: readonly PlannedLine[];
  readonly words: readonly WordQuestion[];
  readonly counts: ImportCounts;
}

export const sentKey = (exportId: string): string => `excel.unit_workbook.${exportId}`;

const EMPTY: CellValue = { kind: 'empty' };

/** The state is read as a progress sheet's is: the same words, the same questions for others. */
const STATE_FIELD = PROGRESS_FIELDS.find((field) => field.key === 'state')!;

/** The state a row gives, where the unit filled it in. */
function readState(r: ReturnedRow, column: number | undefined, answers: WordAnswers): Reading | null {
  const text = r.cells.state;
  return text && column !== undefined ? readField(STATE_FIELD, { kind: 'text', text }, { header: '', at: `${columnLetters(column)}${r.row}`, answers }) : null;
}

/** Copies of the code, most trusted first: the hidden sheet, the sheet's own cells, the footers. */
function identitiesIn(workbook: WorkbookData): Identity[] {
  const texts: string[] = [];
  const codeSheet = workbook.sheets.find((s) => s.name === CODE_SHEET);
  if (codeSheet?.rows[0]) texts.push(cellText(codeSheet.rows[0].cells[0] ?? EMPTY));
  for (const sheet of workbook.sheets) if (sheet.name !== CODE_SHEET) for (const row of sheet.rows.slice(0, 4)) texts.push(row.cells.map(cellText).join(' '));
  for (const sheet of workbook.sheets) texts.push(sheet.headerFooter);
  for (const sheet of workbook.sheets) if (sheet.name !== CODE_SHEET) for (const row of sheet.rows.slice(4)) texts.push(row.cells.map(cellText).join(' '));
  return texts.flatMap(findIdentities);
}

/** The column headers of a unit workbook in either language, to its columns. */
const LABELS = new Map<string, PackageColumn>(
  PACKAGE_COLUMNS.flatMap((key) => [zhExchange.packages.columns[key], enExchange.packages.columns[key]].map((label) => [normalizeLabel(label), key] as const)),
);

function locateTable(workbook: WorkbookData): { sheet: SheetData; header: Header; columns: Map<PackageColumn, number> } | null {
  let best: { sheet: SheetData; header: Header; columns: Map<PackageColumn, number> } | null = null;
  for (const sheet of workbook.sheets) {
    if (sheet.name === CODE_SHEET) continue;
    const header = findHeader(sheet, (texts) => new Set(texts.map((text) => LABELS.get(normalizeLabel(text))).filter(Boolean)).size);
    if (!header) continue;
    const columns = new Map<PackageColumn, number>();
    for (const column of header.columns) {
      const key = LABELS.get(normalizeLabel(column.label));
      if (key && !columns.has(key)) columns.set(key, column.column);
    }
    if (!best || columns.size > best.columns.size) best = { sheet, header, columns };
  }
  return best;
}

interface ReturnedRow {
  readonly row: number;
  readonly cells: Readonly<Partial<Record<PackageColumn, string>>>;
}

function readRow(row: SheetRow, columns: Map<PackageColumn, number>): ReturnedRow {
  const cells: Partial<Record<PackageColumn, string>> = {};
  for (const [key, column] of columns) {
    const text = cellText(row.cells[column - 1] ?? EMPTY);
    if (text) cells[key] = text;
  }
  return { row: row.number, cells };
}

/** Tasks the unit could report on, by id and by number: those sent, else its tasks now. */
function taskIndex(db: Reader, unitId: number, sent: SentWorkbook | undefined) {
  const rows =
    sent?.rows ??
    db
      .all<{ taskId: number; number: string }>('SELECT t.id AS taskId, t.number FROM task_units tu JOIN tasks t ON t.id = tu.task_id WHERE tu.unit_id = ?', [
        unitId,
      ])
      .map((r) => ({ ...r, fixed: '' }));
  return { byId: new Map(rows.map((r) => [r.taskId, r])), byNumber: new Map(rows.map((r) => [r.number, r])), rows };
}

function periodWarnings(period: Period, expected: Period | undefined, today: IsoDate): ReturnWarning[] {
  const current = periodOf(today);
  const usual = expected ? [expected] : [current, shiftPeriod(current, -1)];
  return usual.includes(period) ? [] : [{ code: 'period_differs', params: { period, expected: expected ?? current } }];
}

function sentWarnings(sent: SentWorkbook | undefined, fileHash: string): ReturnWarning[] {
  if (!sent) return [{ code: 'export_unknown' }];
  const last = sent.imports.at(-1);
  if (!last) return [];
  return [{ code: sent.imports.some((i) => i.file === fileHash) ? 'same_file_imported' : 'already_imported', params: { at: last.at } }];
}

type Options = z.output<typeof returnOptions>;

export function planReturn(db: Reader, ledger: string, workbook: WorkbookData, fileHash: string, options: Options, today: IsoDate): Result<ReturnPlan> {
  const [identity, ...others] = identitiesIn(workbook);
  if (!identity) return err(dubanError('excel.not_unit_workbook'));
  if (identity.ledger !== ledger) return err(dubanError('excel.other_ledger'));
  const unit = loadUnit(db, identity.unitId);
  if (!unit) return err(dubanError('not_found', { entity: 'unit', id: identity.unitId }));
  const table = locateTable(workbook);
  if (!table) return err(dubanError('excel.no_table', { sheet: '' }));
  const sent = readSetting<SentWorkbook>(db, sentKey(identity.exportId));
  const warnings: ReturnWarning[] = [...periodWarnings(identity.period, options.period, today), ...sentWarnings(sent, fileHash)];
  if (others.some((o) => o.exportId !== identity.exportId || o.unitId !== identity.unitId || o.period !== identity.period))
    warnings.push({ code: 'identity_conflict' });

  const tasks = taskIndex(db, unit.id, sent);
  const returned = table.sheet.rows
    .slice(table.header.dataStart)
    .map((row) => readRow(row, table.columns))
    .filter((r) => Object.keys(r.cells).length > 0);
  const reporters = [...new Set(returned.map((r) => `${r.cells.reporter ?? ''}\u0000${r.cells.reporterPhone ?? ''}`).filter((r) => r !== '\u0000'))];
  const onlyReporter = reporters.length === 1 ? reporters[0]!.split('\u0000') : null;
  const seen = new Map<number, number>();
  const added: number[] = [];
  const notFilled: string[] = [];
  const fixedChanged: string[] = [];
  const asked: AskedCell[] = [];
  const lines: PlannedLine[] = [];
  for (const r of returned) {
    const byId = r.cells.taskId ? tasks.byId.get(Number(r.cells.taskId)) : undefined;
    const task = byId ?? (r.cells.number ? tasks.byNumber.get(r.cells.number) : undefined);
    if (!task || seen.has(task.taskId)) {
      added.push(r.row);
      const issue: Issue = task
        ? { severity: 'warning', code: 'duplicate_in_file', field: 'taskNumber', params: { row: seen.get(task.taskId)! } }
        : { severity: 'warning', code: 'unknown_task', field: 'taskNumber', params: { number: r.cells.number ?? '' } };
      lines.push({
        preview: { row: r.row, action: 'skip', key: r.cells.number ?? '', label: r.cells.problem ?? '', skipReason: 'added_row', issues: [issue] },
        changes: () => [],
      });
      continue;
    }
    seen.set(task.taskId, r.row);
    const issues: Issue[] = [];
    if (
      task.fixed &&
      rowChecksum({ number: r.cells.number ?? '', problem: r.cells.problem ?? '', deadline: r.cells.deadline ?? '', role: r.cells.role ?? '' }) !== task.fixed
    ) {
      fixedChanged.push(task.number);
      issues.push({ severity: 'warning', code: 'fixed_changed' });
    }
    if (!INPUT.some((key) => key !== 'reporter' && key !== 'reporterPhone' && r.cells[key])) {
      notFilled.push(task.number);
      lines.push({
        preview: { row: r.row, action: 'skip', key: task.number, label: r.cells.problem ?? '', skipReason: 'not_filled', issues },
        changes: () => [],
      });
      continue;
    }
    const state = readState(r, table.columns.get('state'), options.words ?? {});
    if (state?.asked) asked.push(state.asked);
    lines.push(planReportRow(db, r, state, task, unit.id, identity.period, onlyReporter, issues));
  }
  const deleted = tasks.rows.filter((t) => !seen.has(t.taskId) && sent).map((t) => t.number);
  if (added.length) warnings.push({ code: 'rows_added', params: { rows: added.join('、') } });
  if (deleted.length) warnings.push({ code: 'rows_deleted', params: { numbers: deleted.join('、') } });
  if (fixedChanged.length) warnings.push({ code: 'fixed_changed', params: { numbers: fixedChanged.join('、') } });
  if (notFilled.length) warnings.push({ code: 'not_filled', params: { numbers: notFilled.join('、') } });
  const words = questionsOf(asked, () => choiceOfField(STATE_FIELD), options.words ?? {});
  return ok({ identity, unit: { id: unit.id, name: unit.name }, sent, warnings, lines, words, counts: countsOf(lines.map((line) => line.preview)) });
}

function planReportRow(
  db: Reader,
  r: ReturnedRow,
  stateRead: Reading | null,
  task: { taskId: number; number: string },
  unitId: number,
  period: Period,
  onlyReporter: string[] | null,
  issues: Issue[],
): PlannedLine {
  if (stateRead?.issue) issues.push(stateRead.issue);
  const state = stateRead?.value as ProgressState | undefined;
  const reportId = reportIdOf(db, task.taskId, unitId, period);
  const existing = reportId === undefined ? undefined : loadProgressReport(db, reportId);
  if (!isResponsible(db, task.taskId, unitId)) issues.push({ severity: 'error', code: 'not_responsible_unit', field: 'unit' });
  const input = {
    taskId: task.taskId,
    unitId,
    period,
    state: state ?? existing?.state,
    progress: r.cells.progress ?? '',
    problems: r.cells.problems ?? '',
    nextSteps: r.cells.nextSteps ?? '',
    evidenceNote: r.cells.evidenceNote ?? '',
    reporter: r.cells.reporter ?? onlyReporter?.[0] ?? '',
    reporterPhone: r.cells.reporterPhone ?? onlyReporter?.[1] ?? '',
    reportedOn: existing?.reportedOn ?? null,
  };
  const valid = checkRules(progressInput, input, issues);
  issues.push(...valid.issues);
  const value = valid.value;
  const plan = plannedRow({
    key: task.number,
    label: r.cells.problem ?? '',
    issues,
    keyField: 'period',
    keyShown: shownPeriod(period),
    after: () => shownReport({ ...input, state: input.state ?? 'not_started' }),
    ...(existing ? { before: () => shownReport(existing) } : {}),
    write: value && ((ctx) => progressService(ctx).submit(value)),
  });
  const { write, uses: _uses, changes, ...preview } = plan;
  return { preview: { row: r.row, ...preview }, changes, ...(write ? { write } : {}) };
}
