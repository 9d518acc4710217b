import { ok, type Result } from '../../shared/result';
import { validate } from '../../shared/validation';
import { sqlFilter } from '../sql-filter';
import type { Reader } from '../storage/database';
import { type AwaitingCheckQuery, awaitingCheckQuery, type TaskSummary } from './model';
import { taskSummaries } from './query';
import { staged } from './standing';

/**
 * 待核查: the tasks whose lead units reported them completed and whose check the group has not yet
 * begun, each with those reports; the one reported longest ago first. What the home page's 待办
 * lists, and what a task's page offers to take up.
 */
export function awaitingCheck(db: Reader, input: AwaitingCheckQuery = {}): Result<TaskSummary[]> {
  const ids = awaitingCheckIds(db, input);
  return ids.ok ? ok(taskSummaries(db, ids.value)) : ids;
}

/** The same tasks' ids, in the same order: for listing a few of many. */
export function awaitingCheckIds(db: Reader, input: AwaitingCheckQuery = {}): Result<number[]> {
  const valid = validate(awaitingCheckQuery, input);
  if (!valid.ok) return valid;
  const { unitId, taskId } = valid.value;
  const filter = sqlFilter();
  if (unitId !== undefined) filter.where(`s.task_id IN (SELECT task_id FROM task_units WHERE unit_id = $unitId AND role = 'lead')`, { unitId });
  if (taskId !== undefined) filter.where('s.task_id = $taskId', { taskId });
  const rows = db.all<{ id: number }>(
    `SELECT s.task_id AS id FROM (${staged('reported')}) s ${filter.clause} ORDER BY s.reported_at, s.task_id`,
    filter.params,
  );
  return ok(rows.map((row) => row.id));
}
