import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { invalid, validate } from '../../shared/validation';
import type { Tx } from '../context';
import { loadInspection } from '../inspections/service';
import { loadMeasure } from '../measures/service';
import { auditedChange, exists, notFound, updateRecord } from '../records';
import { type SourceAssignment, sourceAssignment } from './model';
import { loadTask } from './service';

/**
 * 督察来源 given after the fact: tasks imported before their inspection was entered are put under it,
 * with their sub-tasks (steps of the same task) and the measures without a source that serve them
 * (they answer the same feedback). Each change is audited as its own; a number the source already
 * uses stops the whole assignment, since one of the two tasks is then likely a duplicate.
 */
const FAMILY = `WITH RECURSIVE family(id) AS (
  SELECT value FROM json_each(?) UNION SELECT t.id FROM tasks t JOIN family f ON t.parent_id = f.id
) SELECT t.id FROM tasks t JOIN family f ON f.id = t.id WHERE ifnull(t.inspection_id, 0) <> ?`;

/** A number the moved tasks would share, under one parent, with a task of the source or with each other. */
const NUMBER_TAKEN = `SELECT m.number FROM tasks m WHERE m.id IN (SELECT value FROM json_each($moving)) AND EXISTS (
  SELECT 1 FROM tasks o WHERE o.id <> m.id AND o.number = m.number AND ifnull(o.parent_id, 0) = ifnull(m.parent_id, 0)
    AND (o.inspection_id = $source AND o.id NOT IN (SELECT value FROM json_each($moving)) OR o.id IN (SELECT value FROM json_each($moving)))
) LIMIT 1`;

/** Measures without a source serving the tasks, whose number (if any) the source does not use yet. */
const MEASURES = `SELECT DISTINCT m.id FROM measures m JOIN task_measures tm ON tm.measure_id = m.id
  WHERE m.inspection_id IS NULL AND tm.task_id IN (SELECT value FROM json_each(?))
    AND (m.number = '' OR NOT EXISTS (SELECT 1 FROM measures o WHERE o.inspection_id = ? AND o.number = m.number))`;

function move(tx: Tx, moving: readonly number[], inspectionId: number): void {
  for (const id of moving) auditedChange(tx, 'task', id, loadTask, () => updateRecord(tx, 'tasks', id, { inspectionId }));
  for (const { id } of tx.all<{ id: number }>(MEASURES, [JSON.stringify(moving), inspectionId])) {
    auditedChange(tx, 'measure', id, loadMeasure, () => updateRecord(tx, 'measures', id, { inspectionId }));
  }
}

export function assignSource(tx: Tx, input: SourceAssignment): Result<{ tasks: number }> {
  const valid = validate(sourceAssignment, input);
  if (!valid.ok) return valid;
  const { taskIds, inspectionId } = valid.value;
  const source = loadInspection(tx, inspectionId);
  if (!source) return invalid('inspectionId', 'unknown_reference');
  const missing = taskIds.find((id) => !exists(tx, 'tasks', id));
  if (missing !== undefined) return notFound('task', missing);
  const moving = tx.all<{ id: number }>(FAMILY, [JSON.stringify(taskIds), inspectionId]).map((row) => row.id);
  const taken = tx.get<{ number: string }>(NUMBER_TAKEN, { moving: JSON.stringify(moving), source: inspectionId });
  if (taken) return err(dubanError('tasks.number_in_source', { number: taken.number, source: source.name }));
  move(tx, moving, inspectionId);
  return ok({ tasks: moving.length });
}
