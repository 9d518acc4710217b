import type { Period } from '../../shared/dates';
import { groupBy } from '../../shared/group-by';
import { inNaturalOrder } from '../../shared/natural-order';
import { ok, type Result } from '../../shared/result';
import { invalid, validate } from '../../shared/validation';
import type { LedgerContext } from '../context';
import { checkReferences, found, fromRow, type RecordSpec, type Row, saveRecord } from '../records';
import type { Reader } from '../storage/database';
import { openTaskSql } from '../tasks/columns';
import type { UnitRef } from '../tasks/model';
import { type MissingReports, type ProgressInput, progressInput, type ProgressReport, type ProgressReportRow } from './model';

/** The report a unit made on a task for a month, if it made one (there is at most one). */
export const reportIdOf = (db: Reader, taskId: number, unitId: number, period: Period): number | undefined =>
  db.get<{ id: number }>('SELECT id FROM progress_reports WHERE task_id = ? AND unit_id = ? AND period = ?', [taskId, unitId, period])?.id;

/** Whether the unit leads or co-operates on the task: only those report on it. */
export const isResponsible = (db: Reader, taskId: number, unitId: number): boolean =>
  db.get('SELECT 1 AS x FROM task_units WHERE task_id = ? AND unit_id = ?', [taskId, unitId]) !== undefined;

export function loadProgressReport(db: Reader, id: number): ProgressReport | undefined {
  const row = db.get<Row>('SELECT * FROM progress_reports WHERE id = ?', [id]);
  return row ? fromRow<ProgressReport>(row) : undefined;
}

const WITH_NAMES = `SELECT r.*, t.number AS task_number, u.name AS unit_name
  FROM progress_reports r JOIN tasks t ON t.id = r.task_id JOIN units u ON u.id = r.unit_id`;
const UNIT_ORDER = 'u.sort_order, u.name, u.id';

/** The reports of one month, of all units or of one, by task number and then unit. */
export function reportsOfPeriod(db: Reader, period: Period, unitId?: number): ProgressReportRow[] {
  const unit = unitId === undefined ? '' : 'AND r.unit_id = $unitId';
  const rows = db.all<Row>(`${WITH_NAMES} WHERE r.period = $period ${unit} ORDER BY ${UNIT_ORDER}`, unitId === undefined ? { period } : { period, unitId });
  return inNaturalOrder(
    rows.map((row) => fromRow<ProgressReportRow>(row)),
    (report) => report.taskNumber,
  );
}

/** One task's reports month by month, the units of each month in their order. */
export function taskHistory(db: Reader, taskId: number): ProgressReportRow[] {
  return db.all<Row>(`${WITH_NAMES} WHERE r.task_id = ? ORDER BY r.period, ${UNIT_ORDER}`, [taskId]).map((row) => fromRow<ProgressReportRow>(row));
}

/** Each lead unit's latest report on each of the tasks, the tasks' lead units in their order. */
export function latestLeadReports(db: Reader, taskIds: readonly number[]): ProgressReportRow[] {
  return db
    .all<Row>(
      `${WITH_NAMES} JOIN task_units tu ON tu.task_id = r.task_id AND tu.unit_id = r.unit_id AND tu.role = 'lead'
       WHERE r.task_id IN (SELECT value FROM json_each(?))
         AND r.period = (SELECT max(p.period) FROM progress_reports p WHERE p.task_id = r.task_id AND p.unit_id = r.unit_id)
       ORDER BY r.task_id, tu.rowid`,
      [JSON.stringify(taskIds)],
    )
    .map((row) => fromRow<ProgressReportRow>(row));
}

interface MissingRow {
  readonly unit_id: number;
  readonly unit_name: string;
  readonly unit_short_name: string;
  readonly task_id: number;
  readonly number: string;
  readonly problem: string;
}

/** The open tasks' lead units that have no report for the period ?: each pair looked up in the reports' unique index. */
const MISSING = `FROM task_units tu JOIN tasks t ON t.id = tu.task_id JOIN units u ON u.id = tu.unit_id
     WHERE tu.role = 'lead' AND ${openTaskSql('t')}
       AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.task_id = tu.task_id AND r.unit_id = tu.unit_id AND r.period = ?)`;

const unitOf = (row: { unit_id: number; unit_name: string; unit_short_name: string }): UnitRef => ({
  id: row.unit_id,
  name: row.unit_name,
  shortName: row.unit_short_name,
});

/**
 * For each unit, the open tasks it leads on which it has not reported for `period`: who has not
 * reported this month. One query.
 */
export function missingReports(db: Reader, period: Period): MissingReports[] {
  const rows = db.all<MissingRow>(
    `SELECT u.id AS unit_id, u.name AS unit_name, u.short_name AS unit_short_name, t.id AS task_id, t.number, t.problem ${MISSING} ORDER BY ${UNIT_ORDER}`,
    [period],
  );
  return [...groupBy(rows, (row) => row.unit_id).values()].map((group) => ({
    unit: unitOf(group[0]!),
    tasks: inNaturalOrder(group, (row) => row.number).map((row) => ({ id: row.task_id, number: row.number, problem: row.problem })),
  }));
}

const UNIT_COLUMNS = 'u.id AS unit_id, u.name AS unit_name, u.short_name AS unit_short_name';

/** The count from the open lead units' tasks, each looked up in the reports' unique index: as long as the tasks are. */
const COUNTED_FROM_TASKS = `SELECT ${UNIT_COLUMNS}, count(*) AS tasks ${MISSING} GROUP BY u.id ORDER BY ${UNIT_ORDER}`;

/** The open tasks each unit leads from task_lead_tally (schema 19), less those it reported on: as long as the month's reports are. */
const COUNTED_FROM_REPORTS = `SELECT ${UNIT_COLUMNS}, k.open - ifnull(r.n, 0) AS tasks
  FROM (SELECT unit_id, sum(tasks) AS open FROM task_lead_tally k WHERE ${openTaskSql('k')} GROUP BY unit_id) k
  JOIN units u ON u.id = k.unit_id
  LEFT JOIN (
    SELECT r.unit_id, count(*) AS n FROM progress_reports r
    JOIN task_units tu ON tu.task_id = r.task_id AND tu.unit_id = r.unit_id AND tu.role = 'lead' JOIN tasks t ON t.id = r.task_id
    WHERE r.period = ? AND ${openTaskSql('t')} GROUP BY r.unit_id
  ) r ON r.unit_id = k.unit_id
  WHERE k.open > ifnull(r.n, 0) ORDER BY ${UNIT_ORDER}`;

/**
 * How many tasks each unit of missingReports has not reported on: the dashboard's count, without
 * reading the tasks' text. Early in a month few have reported, and the count starts from the
 * month's reports; once most have, from the open tasks (reading a report costs about two lookups of a
 * task). The tallies say which is shorter.
 */
export function missingReportCounts(db: Reader, period: Period): { unit: UnitRef; tasks: number }[] {
  const sizes = db.get<{ reports: number | null; open: number | null }>(
    `SELECT (SELECT sum(reports) FROM report_tally WHERE period = ?) AS reports, (SELECT sum(tasks) FROM task_lead_tally k WHERE ${openTaskSql('k')}) AS open`,
    [period],
  );
  const fromReports = 2 * (sizes?.reports ?? 0) <= (sizes?.open ?? 0);
  return db
    .all<Omit<MissingRow, 'task_id' | 'number' | 'problem'> & { tasks: number }>(fromReports ? COUNTED_FROM_REPORTS : COUNTED_FROM_TASKS, [period])
    .map((row) => ({ unit: unitOf(row), tasks: row.tasks }));
}

const PROGRESS_REPORT: RecordSpec<ProgressReport, typeof progressInput> = {
  entity: 'progress_report',
  table: 'progress_reports',
  schema: progressInput,
  load: loadProgressReport,
  check: (tx, report) => {
    const known = checkReferences(tx, [
      ['taskId', 'tasks', report.taskId],
      ['unitId', 'units', report.unitId],
    ]);
    if (!known.ok) return known;
    return isResponsible(tx, report.taskId, report.unitId) ? ok(undefined) : invalid('unitId', 'not_responsible_unit');
  },
};

/** A unit reports once per task and month: submitting again replaces that month's report. */
function submitReport(ctx: LedgerContext, input: ProgressInput): Result<ProgressReport> {
  const valid = validate(progressInput, input);
  if (!valid.ok) return valid;
  const { taskId, unitId, period } = valid.value;
  return saveRecord(ctx, PROGRESS_REPORT, reportIdOf(ctx.db, taskId, unitId, period) ?? null, input);
}

export function progressService(ctx: LedgerContext) {
  return {
    get: (id: number): Result<ProgressReport> => found('progress_report', id, loadProgressReport(ctx.db, id)),
    submit: (input: ProgressInput) => submitReport(ctx, input),
    ofPeriod: (period: Period, unitId?: number) => reportsOfPeriod(ctx.db, period, unitId),
    history: (taskId: number) => taskHistory(ctx.db, taskId),
    missing: (period: Period) => missingReports(ctx.db, period),
  };
}

export type ProgressService = ReturnType<typeof progressService>;
