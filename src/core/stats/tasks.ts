import type { IsoDate } from '../../shared/dates';
import { groupBy } from '../../shared/group-by';
import type { Reader } from '../storage/database';
import { overdueSql, withGroupIds, withGroupSql } from '../tasks/standing';
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
 * The columns every group's row counts besides its status: the overdue, and those with the group for
 * their check. The statements share one working-out of which tasks are with the group ($withGroup).
 */
const FIGURES = `SUM(CASE WHEN ${overdueSql('t', '$asOf', '$withGroup')} THEN 1 ELSE 0 END) AS overdue, SUM(CASE WHEN ${withGroupSql('t', '$withGroup')} THEN 1 ELSE 0 END) AS reported`;

/** What FIGURES needs: the day, and the tasks with the group. */
type Figuring = { readonly asOf: IsoDate; readonly withGroup: string };

const sum = (rows: readonly GroupRow[], figure: 'n' | 'overdue' | 'reported'): number => rows.reduce((total, row) => total + row[figure], 0);

function countsOf(rows: readonly GroupRow[]): TaskCounts {
  return { total: sum(rows, 'n'), byStatus: tally(TASK_STATUSES, rows), overdue: sum(rows, 'overdue'), reportedCompleted: sum(rows, 'reported') };
}

function byUnit(db: Reader, figuring: Figuring): UnitTaskCounts[] {
  const rows = db.all<GroupRow>(
    `SELECT u.id AS group_id, u.name AS group_name, u.short_name AS group_short, t.status AS key, count(*) AS n, ${FIGURES}
     FROM tasks t JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead' JOIN units u ON u.id = tu.unit_id
     WHERE t.parent_id IS NULL GROUP BY u.id, t.status ORDER BY u.sort_order, u.name, u.id`,
    figuring,
  );
  return [...groupBy(rows, (row) => row.group_id).values()].map((group) => ({
    unit: { id: group[0]!.group_id!, name: group[0]!.group_name!, shortName: group[0]!.group_short ?? '' },
    ...countsOf(group),
  }));
}

/** A source's row also says which kind of deadline its tasks have, so that one pass over the tasks gives three figures. */
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
  const figuring: Figuring = { asOf, withGroup: withGroupIds(db) };
  // The totals, the deadline kinds and the sources from one reading of the top-level tasks.
  const rows = db.all<SourceRow>(
    `SELECT i.id AS group_id, i.name AS group_name, NULL AS group_short, t.status AS key, t.deadline_kind AS kind, count(*) AS n, ${FIGURES}
     FROM tasks t LEFT JOIN inspections i ON i.id = t.inspection_id
     WHERE t.parent_id IS NULL GROUP BY i.id, t.status, t.deadline_kind ORDER BY i.feedback_date, i.id`,
    figuring,
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
    byUnit: byUnit(db, figuring),
    bySource: bySource(rows),
  };
}
