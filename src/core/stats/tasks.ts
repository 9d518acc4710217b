import type { IsoDate } from '../../shared/dates';
import { groupBy } from '../../shared/group-by';
import type { Reader } from '../storage/database';
import { openTaskSql } from '../tasks/columns';
import { DEADLINE_KINDS, TASK_STATUSES, type TaskStatus } from '../tasks/model';
import type { SourceTaskCounts, TaskCounts, TaskStats, UnitTaskCounts } from './model';
import { rate, tally } from './tally';

/** One row per group and status, with how many of them are overdue. */
interface GroupRow {
  readonly group_id: number | null;
  readonly group_name: string | null;
  readonly group_short: string | null;
  readonly key: TaskStatus;
  readonly n: number;
  readonly overdue: number;
}

const overdueSql = (alias: string) => `SUM(CASE WHEN ${alias}.deadline_kind = 'date' AND ${alias}.deadline_date < $asOf AND ${openTaskSql(alias)} THEN 1 ELSE 0 END)`;

function countsOf(rows: readonly GroupRow[]): TaskCounts {
  const byStatus = tally(TASK_STATUSES, rows);
  return { total: rows.reduce((sum, row) => sum + row.n, 0), byStatus, overdue: rows.reduce((sum, row) => sum + row.overdue, 0) };
}

function byUnit(db: Reader, asOf: IsoDate): UnitTaskCounts[] {
  const rows = db.all<GroupRow>(
    `SELECT u.id AS group_id, u.name AS group_name, u.short_name AS group_short, t.status AS key, count(*) AS n, ${overdueSql('t')} AS overdue
     FROM tasks t JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead' JOIN units u ON u.id = tu.unit_id
     WHERE t.parent_id IS NULL GROUP BY u.id, t.status ORDER BY u.sort_order, u.name, u.id`,
    { asOf },
  );
  return [...groupBy(rows, (row) => row.group_id).values()].map((group) => ({ unit: { id: group[0]!.group_id!, name: group[0]!.group_name!, shortName: group[0]!.group_short ?? '' }, ...countsOf(group) }));
}

function bySource(db: Reader, asOf: IsoDate): SourceTaskCounts[] {
  const rows = db.all<GroupRow>(
    `SELECT i.id AS group_id, i.name AS group_name, NULL AS group_short, t.status AS key, count(*) AS n, ${overdueSql('t')} AS overdue
     FROM tasks t LEFT JOIN inspections i ON i.id = t.inspection_id
     WHERE t.parent_id IS NULL GROUP BY i.id, t.status ORDER BY i.feedback_date, i.id`,
    { asOf },
  );
  return [...groupBy(rows, (row) => row.group_id).values()].map((group) => ({ inspection: group[0]!.group_id === null ? null : { id: group[0]!.group_id, name: group[0]!.group_name! }, ...countsOf(group) }));
}

export function taskStats(db: Reader, asOf: IsoDate): TaskStats {
  const statusRows = db.all<GroupRow>(`SELECT NULL AS group_id, t.status AS key, count(*) AS n, ${overdueSql('t')} AS overdue FROM tasks t WHERE t.parent_id IS NULL GROUP BY t.status`, { asOf });
  const counts = countsOf(statusRows);
  const kinds = db.all<{ key: string; n: number }>('SELECT deadline_kind AS key, count(*) AS n FROM tasks WHERE parent_id IS NULL GROUP BY deadline_kind');
  const finished = counts.byStatus.completed + counts.byStatus.closed;
  return {
    ...counts,
    byDeadlineKind: tally(DEADLINE_KINDS, kinds),
    completionRate: rate(finished, counts.total),
    closedRate: rate(counts.byStatus.closed, counts.total),
    byUnit: byUnit(db, asOf),
    bySource: bySource(db, asOf),
  };
}
