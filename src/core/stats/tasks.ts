import type { IsoDate } from '../../shared/dates';
import { groupBy } from '../../shared/group-by';
import type { Reader } from '../storage/database';
import { overdueSql } from '../tasks/standing';
import { type DeadlineKind, DEADLINE_KINDS, TASK_STATUSES, type TaskStatus } from '../tasks/model';
import type { SourceTaskCounts, TaskCounts, TaskStats, UnitTaskCounts } from './model';
import { rate, tally } from './tally';

/** One row per group and status, with how many of them are overdue and how many reported completed. */
interface GroupRow {
  readonly group_id: number | null;
  readonly group_name: string | null;
  readonly group_short: string | null;
  readonly key: TaskStatus;
  readonly n: number;
  readonly overdue: number;
  readonly reported: number;
}

/**
 * Of each group and status, how many are overdue, counted from those tasks alone: the open top-level
 * ones past their date, read through tasks_open_deadline (named, because a ledger's planner has no
 * statistics to tell it that these are the few). `group` is the group's column; `join` brings the lead units.
 * An overdue task is never with the group: it joins the tally's rows of the tasks that are not (held = 0).
 */
const overdueBy = (group: string, join = '') => `SELECT ${group} AS g, t.status, count(*) AS n FROM tasks t INDEXED BY tasks_open_deadline ${join}
    WHERE t.parent_id IS NULL AND ${overdueSql('t', '$asOf')} GROUP BY ${group}, t.status`;

const sum = (rows: readonly GroupRow[], figure: 'n' | 'overdue' | 'reported'): number => rows.reduce((total, row) => total + row[figure], 0);

function countsOf(rows: readonly GroupRow[]): TaskCounts {
  return { total: sum(rows, 'n'), byStatus: tally(TASK_STATUSES, rows), overdue: sum(rows, 'overdue'), reportedCompleted: sum(rows, 'reported') };
}

/** By lead unit: the top-level tasks each leads, from task_lead_tally. */
function byUnit(db: Reader, asOf: IsoDate): UnitTaskCounts[] {
  const rows = db.all<GroupRow>(
    `SELECT u.id AS group_id, u.name AS group_name, u.short_name AS group_short, k.status AS key, sum(k.tasks) AS n,
       ifnull(sum(f.n), 0) AS overdue, sum(k.tasks * k.held) AS reported
     FROM task_lead_tally k JOIN units u ON u.id = k.unit_id
     LEFT JOIN (${overdueBy('tu.unit_id', "JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead'")}) f ON f.g = k.unit_id AND f.status = k.status AND k.held = 0
     WHERE k.top_level = 1 GROUP BY k.unit_id, k.status ORDER BY u.sort_order, u.name, u.id`,
    { asOf },
  );
  return [...groupBy(rows, (row) => row.group_id).values()].map((group) => ({
    unit: { id: group[0]!.group_id!, name: group[0]!.group_name!, shortName: group[0]!.group_short ?? '' },
    ...countsOf(group),
  }));
}

/** A source's row also says which kind of deadline its tasks have, so that one reading of the tally gives three figures. */
interface SourceRow extends GroupRow {
  readonly kind: DeadlineKind;
}

function bySource(rows: readonly SourceRow[]): SourceTaskCounts[] {
  return [...groupBy(rows, (row) => row.group_id).values()].map((group) => ({
    inspection: group[0]!.group_id === null ? null : { id: group[0]!.group_id, name: group[0]!.group_name! },
    ...countsOf(group),
  }));
}

export function taskStats(db: Reader, asOf: IsoDate): TaskStats {
  // The totals, the deadline kinds and the sources from one reading of task_tally.
  const rows = db.all<SourceRow>(
    `SELECT i.id AS group_id, i.name AS group_name, NULL AS group_short, k.status AS key, k.deadline_kind AS kind, sum(k.tasks) AS n,
       ifnull(sum(f.n), 0) AS overdue, sum(k.tasks * k.held) AS reported
     FROM task_tally k LEFT JOIN inspections i ON i.id = k.inspection_key
     LEFT JOIN (${overdueBy('t.inspection_id')}) f ON ifnull(f.g, 0) = k.inspection_key AND f.status = k.status AND k.deadline_kind = 'date' AND k.held = 0
     GROUP BY k.inspection_key, k.status, k.deadline_kind ORDER BY i.feedback_date, i.id`,
    { asOf },
  );
  const counts = countsOf(rows);
  const finished = counts.byStatus.completed + counts.byStatus.closed;
  return {
    ...counts,
    byDeadlineKind: tally(
      DEADLINE_KINDS,
      rows.map((row) => ({ key: row.kind, n: row.n })),
    ),
    completionRate: rate(finished, counts.total),
    closedRate: rate(counts.byStatus.closed, counts.total),
    byUnit: byUnit(db, asOf),
    bySource: bySource(rows),
  };
}
