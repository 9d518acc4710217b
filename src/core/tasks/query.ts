import type { IsoDate } from '../../shared/dates';
import { groupBy } from '../../shared/group-by';
import { ok, type Result } from '../../shared/result';
import { validate } from '../../shared/validation';
import type { z } from 'zod';
import { fromRow, type Row } from '../records';
import type { Reader } from '../storage/database';
import { searchMatch } from '../storage/search-index';
import { type SqlFilter, sqlFilter, whereSearched } from '../sql-filter';
import type { SqlValue } from '../storage/journal';
import { deadlineOf } from './columns';
import { orderByOf } from './order';
import { overdueSql, stagedIds, standingOf } from './standing';
import { type DeadlineKind, gistOf, TASK_STATUSES, type TaskPage, type TaskQuery, taskQuery, type TaskStatus, type TaskSummary, type UnitRef } from './model';
import { TASK_SEARCH } from './search';

/**
 * The task table's query, for ledgers of some 20,000 tasks: SQL filters (a search through the bigram
 * index of schema 20), orders (along the indexes of schema 16, the number's natural key stored beside
 * it) and reads one page of ids, and counts the matches without reading them; then only that page's
 * rows and its lead units are read.
 */
type Query = z.output<typeof taskQuery>;

const SEARCHED = ['t.number', 't.problem', 't.goal', 't.responsible_leader'];

function filterOf(db: Reader, query: Query): SqlFilter {
  const filter = sqlFilter();
  const { unitId, role, inspectionId, parentId, deadlineKind, deadlineFrom, deadlineTo, overdueAsOf, checkStage, search } = query;
  if (unitId !== undefined) {
    filter.where(
      `t.id IN (SELECT task_id FROM task_units WHERE unit_id = $unitId${role === 'any' ? '' : ' AND role = $role'})`,
      role === 'any' ? { unitId } : { unitId, role },
    );
  }
  if (query.statuses?.length) filter.where('t.status IN (SELECT value FROM json_each($statuses))', { statuses: JSON.stringify(query.statuses) });
  if (inspectionId === null) filter.where('t.inspection_id IS NULL');
  if (typeof inspectionId === 'number') filter.where('t.inspection_id = $inspectionId', { inspectionId });
  if (parentId === null) filter.where('t.parent_id IS NULL');
  if (typeof parentId === 'number') filter.where('t.parent_id = $parentId', { parentId });
  if (deadlineKind) filter.where('t.deadline_kind = $deadlineKind', { deadlineKind });
  if (deadlineFrom) filter.where('t.deadline_date >= $deadlineFrom', { deadlineFrom });
  if (deadlineTo) filter.where('t.deadline_date <= $deadlineTo', { deadlineTo });
  if (overdueAsOf) filter.where(overdueSql('t', '$overdueAsOf'), { overdueAsOf });
  if (checkStage) filter.where(`t.id IN (${stagedIds('$checkStage')})`, { checkStage });
  if (search) whereSearched(filter, { index: TASK_SEARCH, id: 't.id', columns: SEARCHED }, searchMatch(TASK_SEARCH, db, search), search);
  return filter;
}

/**
 * The statement that reads the ids of one page of matching tasks, in the order asked for. A search
 * reads all its matches anyway, so its page also carries their count (`total`) rather than searching
 * a second time; otherwise the page walks an index and is counted apart.
 */
export function pageStatement(db: Reader, query: Query): { sql: string; params: Record<string, SqlValue>; counted: boolean } {
  const filter = filterOf(db, query);
  const counted = Boolean(query.search);
  return {
    sql: `SELECT t.id${counted ? ', count(*) OVER () AS total' : ''} FROM tasks t ${filter.clause} ${orderByOf(query.sort, query.descending)} LIMIT $limit OFFSET $offset`,
    params: { ...filter.params, limit: query.limit, offset: query.offset },
    counted,
  };
}

interface SummaryColumns extends Omit<TaskSummary, 'deadline' | 'leadUnits' | 'checkStage' | 'latestReports'> {
  readonly deadlineKind: DeadlineKind;
  readonly deadlineDate: IsoDate | null;
}

function leadUnitsOf(db: Reader, idList: string): Map<number, UnitRef[]> {
  const rows = db.all<{ task_id: number; id: number; name: string; short_name: string }>(
    `SELECT tu.task_id, u.id, u.name, u.short_name FROM task_units tu JOIN units u ON u.id = tu.unit_id
     WHERE tu.role = 'lead' AND tu.task_id IN (SELECT value FROM json_each(?)) ORDER BY tu.rowid`,
    [idList],
  );
  const byTask = groupBy(rows, (row) => row.task_id);
  return new Map([...byTask].map(([taskId, units]) => [taskId, units.map((u) => ({ id: u.id, name: u.name, shortName: u.short_name }))]));
}

/** The rows of the tasks, in the order of `ids`. */
export function taskSummaries(db: Reader, ids: readonly number[]): TaskSummary[] {
  const idList = JSON.stringify(ids);
  const rows = db.all<Row>(
    `SELECT id, inspection_id, parent_id, number, problem, responsible_leader, deadline_kind, deadline_date, status, updated_at
     FROM tasks WHERE id IN (SELECT value FROM json_each(?))`,
    [idList],
  );
  const byId = new Map(rows.map((row) => [row.id, fromRow<SummaryColumns>(row)]));
  const leadUnits = leadUnitsOf(db, idList);
  const standing = standingOf(db, ids);
  return ids.map((id) => {
    const { deadlineKind, deadlineDate, ...summary } = byId.get(id)!;
    const { checkStage, latestReports } = standing.get(id)!;
    return {
      ...summary,
      deadline: deadlineOf(deadlineKind, deadlineDate),
      leadUnits: leadUnits.get(id) ?? [],
      checkStage,
      latestReports: latestReports.map(gistOf),
    };
  });
}

const countOf = (db: Reader, filter: SqlFilter): number => db.get<{ n: number }>(`SELECT count(*) AS n FROM tasks t ${filter.clause}`, filter.params)?.n ?? 0;

export function listTasks(db: Reader, input: TaskQuery): Result<TaskPage> {
  const valid = validate(taskQuery, input);
  if (!valid.ok) return valid;
  const query = valid.value;
  const { sql, params, counted } = pageStatement(db, query);
  const page = db.all<{ id: number; total?: number }>(sql, params);
  // A page past the last match has no row to carry the count.
  const total = (counted ? page[0]?.total : undefined) ?? countOf(db, filterOf(db, query));
  return ok({
    rows: taskSummaries(
      db,
      page.map((row) => row.id),
    ),
    total,
  });
}

/** The ids of every task the query matches, in its order: what an export lists, without the summaries a screen's page shows. */
export function matchingTaskIds(db: Reader, input: TaskQuery): Result<number[]> {
  const valid = validate(taskQuery, input);
  if (!valid.ok) return valid;
  // SQLite reads a negative LIMIT as none.
  const { sql, params } = pageStatement(db, { ...valid.value, limit: -1, offset: 0 });
  return ok(db.all<{ id: number }>(sql, params).map((row) => row.id));
}

/** How many tasks of each status match the rest of the query: the counts beside the status tabs. */
export function countTasksByStatus(db: Reader, input: TaskQuery): Result<Record<TaskStatus, number>> {
  const valid = validate(taskQuery, { ...input, statuses: undefined });
  if (!valid.ok) return valid;
  const filter = filterOf(db, valid.value);
  const rows = db.all<{ key: TaskStatus; n: number }>(`SELECT t.status AS key, count(*) AS n FROM tasks t ${filter.clause} GROUP BY t.status`, filter.params);
  return ok(Object.fromEntries(TASK_STATUSES.map((status) => [status, rows.find((row) => row.key === status)?.n ?? 0])) as Record<TaskStatus, number>);
}
