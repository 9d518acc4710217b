import { groupBy } from '../../shared/group-by';
import { latestLeadReports } from '../progress/service';
import type { Reader } from '../storage/database';
import { openTaskSql } from './columns';
import type { CheckStage, TaskStanding } from './model';

/** A condition on the tasks (alias `a`) that limits which tasks' stages are worked out. */
type Among = (a: string) => string;

/** Only a task with a report of completion or a close-out can have a stage: the others are never looked at. */
const MAYBE_STAGED: Among = (a) => `${a}.id IN (SELECT task_id FROM progress_reports WHERE state = 'completed' UNION SELECT task_id FROM close_outs)`;

/**
 * The queue 单位报完成 → 组内核查 → 销号 as SQL, so that the ledger's list, its counts, the
 * statistics and the letters about late tasks agree on it: one row (task_id, stage, reported_at)
 * for each task among those named that has a check stage.
 *
 * A task is reported completed when each of its lead units' latest reports says so and no close-out
 * was requested since the last of those reports was written: a request takes the reports up, and a
 * request sent back has answered them, so the unit must report again. A close-out under way comes
 * before a new report. (Moments are compared as instants, whatever offset the machine had when each
 * was written.)
 *
 * The set is worked out in one pass, each lead unit's latest report found through the reports'
 * unique index, and only for the tasks `among` names: a statement asks it once, not once per row —
 * per-row subqueries made the statistics of a 20,000-task ledger take a second.
 */
function stagesSql(among: Among): string {
  const named = `SELECT a.id FROM tasks a WHERE ${among('a')}`;
  return `SELECT task_id, stage, reported_at FROM (
    SELECT a.id AS task_id, l.last_written AS reported_at, CASE
      WHEN c.checked THEN 'approving'
      WHEN c.requested THEN 'checking'
      WHEN l.all_completed AND (c.last_request IS NULL OR c.last_request < l.last_written) THEN 'reported'
    END AS stage
    FROM tasks a
    LEFT JOIN (
      SELECT lu.task_id, min(ifnull(r.state = 'completed', 0)) AS all_completed, max(CASE WHEN r.state = 'completed' THEN julianday(r.updated_at) END) AS last_written
      FROM task_units lu
      LEFT JOIN progress_reports r ON r.id = (SELECT p.id FROM progress_reports p WHERE p.task_id = lu.task_id AND p.unit_id = lu.unit_id ORDER BY p.period DESC LIMIT 1)
      WHERE lu.role = 'lead' AND lu.task_id IN (${named}) GROUP BY lu.task_id
    ) l ON l.task_id = a.id
    LEFT JOIN (
      SELECT task_id, max(state = 'checked') AS checked, max(state = 'requested') AS requested, max(julianday(created_at)) AS last_request
      FROM close_outs WHERE task_id IN (${named}) GROUP BY task_id
    ) c ON c.task_id = a.id
    WHERE a.status <> 'closed' AND ${among('a')}
  ) WHERE stage IS NOT NULL`;
}

/** The tasks with a check stage, or in the one given, each with the moment its units reported it (`reported_at`, a Julian day). */
export const staged = (stage?: CheckStage): string =>
  `SELECT task_id, reported_at FROM (${stagesSql(MAYBE_STAGED)})${stage ? ` WHERE stage = '${stage}'` : ''}`;

/** The date passed on a task still open, whatever its check. */
const pastDeadlineSql = (t: string, asOf: string): string => `(${t}.deadline_kind = 'date' AND ${t}.deadline_date < ${asOf} AND ${openTaskSql(t)})`;

/**
 * "Overdue" as the office means it: the date passed, the task open, and no report of completion
 * with the group. `withGroup` is the set of tasks with the group, when the statement already has it
 * (a JSON list of ids, as a named parameter); otherwise it is worked out for the late tasks only.
 */
export const overdueSql = (t: string, asOf: string, withGroup?: string): string => {
  const held = withGroup ? withGroupSql(t, withGroup) : `${t}.id IN (SELECT task_id FROM (${stagesSql((a) => pastDeadlineSql(a, asOf))}))`;
  return `(${pastDeadlineSql(t, asOf)} AND NOT ${held})`;
};

/** The ids of the tasks with the group for their check (reported completed, or their close-out under way), as a JSON list. */
export const withGroupIds = (db: Reader): string => JSON.stringify(db.all<{ task_id: number }>(staged()).map((row) => row.task_id));

/** The task is among `ids`, a named parameter holding what withGroupIds gave. */
export const withGroupSql = (t: string, ids: string): string => `${t}.id IN (SELECT value FROM json_each(${ids}))`;

/** Each task's check stage, null where it has none. */
export function checkStagesOf(db: Reader, ids: readonly number[]): Map<number, CheckStage | null> {
  const rows = db.all<{ task_id: number; stage: CheckStage }>(
    stagesSql((a) => `${a}.id IN (SELECT value FROM json_each($ids))`),
    { ids: JSON.stringify(ids) },
  );
  const stages = new Map(rows.map((row) => [row.task_id, row.stage]));
  return new Map(ids.map((id) => [id, stages.get(id) ?? null]));
}

/** Each task's check stage and its lead units' latest reports. */
export function standingOf(db: Reader, ids: readonly number[]): Map<number, TaskStanding> {
  const reports = groupBy(latestLeadReports(db, ids), (report) => report.taskId);
  return new Map([...checkStagesOf(db, ids)].map(([id, checkStage]) => [id, { checkStage, latestReports: reports.get(id) ?? [] }]));
}
