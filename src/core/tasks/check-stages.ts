import type { Result } from '../../shared/result';
import { type SchemaObject, setAsideWhile } from '../storage/bulk-load';
import type { Writer } from '../storage/database';

/** A condition on the tasks (alias `a`) that limits which tasks' stages are worked out. */
export type Among = (a: string) => string;

/** Only a task with a report of completion or a close-out can have a stage: the others are never looked at. */
export const MAYBE_STAGED: Among = (a) => `${a}.id IN (SELECT task_id FROM progress_reports WHERE state = 'completed' UNION SELECT task_id FROM close_outs)`;

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
 * unique index, and only for the tasks `among` names. Nothing reads it at the time of asking: schema
 * 19's triggers work it out for the one task a write touches and keep it in task_check_stages.
 */
export function stagesSql(among: Among): string {
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

/** Schema 19's triggers that work a task's stage out again when one of its reports or close-outs is deleted. */
const RESTAGED_ON_DELETE = ['progress_reports_stage_delete', 'close_outs_stage_delete'];

/**
 * Runs `work`, which deletes tasks together with their reports and close-outs, without working each
 * task's stage out again as every one of those goes: the task's own deletion takes it out of the
 * tallies under the stage it is counted with, and its stage with it. 50,000 reports of the tasks of
 * a round archived: 2.6 s → 0.9 s. A report or close-out whose task stays must not be deleted by
 * `work`: its task's stage would be left as it was. (A lead unit's link keeps its trigger: that one
 * also keeps the units' tallies.)
 */
export function withTasksLeaving<T>(writer: Writer, work: () => Result<T>): Result<T> {
  const triggers = writer.all<SchemaObject>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${RESTAGED_ON_DELETE.map(() => '?').join(', ')}) ORDER BY rowid`,
    RESTAGED_ON_DELETE,
  );
  return setAsideWhile(writer, 'TRIGGER', triggers, work);
}
