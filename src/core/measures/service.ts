import { inNaturalOrder } from '../../shared/natural-order';
import { ok, type Result } from '../../shared/result';
import { invalid } from '../../shared/validation';
import type { LedgerContext } from '../context';
import {
  audited,
  auditedChange,
  checkReferences,
  deleteRecord,
  found,
  fromRow,
  notFound,
  type RecordSpec,
  type Row,
  saveRecord,
  updateRecord,
} from '../records';
import type { Reader } from '../storage/database';
import { sqlFilter } from '../sql-filter';
import { loadTask } from '../tasks/service';
import { type Measure, type MeasureFilter, type MeasureInput, measureInput } from './model';

const SELECT = `SELECT m.*, (SELECT json_group_array(task_id) FROM (SELECT task_id FROM task_measures WHERE measure_id = m.id ORDER BY task_id)) AS task_ids
  FROM measures m`;

function toMeasure(row: Row): Measure {
  const { taskIds, ...measure } = fromRow<Omit<Measure, 'taskIds'> & { taskIds: string }>(row);
  return { ...measure, taskIds: JSON.parse(taskIds) as number[] };
}

export function loadMeasure(db: Reader, id: number): Measure | undefined {
  const row = db.get<Row>(`${SELECT} WHERE m.id = ?`, [id]);
  return row ? toMeasure(row) : undefined;
}

/** Measures in the natural order of their numbers: of one inspection, or serving one task. */
export function listMeasures(db: Reader, filter: MeasureFilter = {}): Measure[] {
  const where = sqlFilter();
  if (filter.inspectionId !== undefined) where.where('m.inspection_id = $inspectionId', { inspectionId: filter.inspectionId });
  if (filter.taskId !== undefined) where.where('m.id IN (SELECT measure_id FROM task_measures WHERE task_id = $taskId)', { taskId: filter.taskId });
  return inNaturalOrder(db.all<Row>(`${SELECT} ${where.clause} ORDER BY m.id`, where.params).map(toMeasure), (measure) => measure.number);
}

const MEASURE: RecordSpec<Measure, typeof measureInput> = {
  entity: 'measure',
  table: 'measures',
  schema: measureInput,
  load: loadMeasure,
  check: (tx, measure, id) => {
    const known = checkReferences(tx, [['inspectionId', 'inspections', measure.inspectionId]]);
    if (!known.ok) return known;
    // Unnumbered measures are common; a number given names one measure of its inspection.
    const taken =
      measure.number !== '' &&
      tx.get('SELECT 1 AS x FROM measures WHERE ifnull(inspection_id, 0) = ifnull(?, 0) AND number = ? AND id <> ?', [
        measure.inspectionId,
        measure.number,
        id ?? 0,
      ]);
    return taken ? invalid('number', 'duplicate') : ok(undefined);
  },
};

/** Deleting a measure takes it off the tasks it serves; each task's change is audited as its own. */
function removeMeasure(ctx: LedgerContext, id: number): Result<void> {
  return ctx.write((tx) => {
    const measure = loadMeasure(tx, id);
    if (!measure) return notFound('measure', id);
    for (const taskId of measure.taskIds) {
      audited(tx, 'task', taskId, loadTask, () => {
        tx.run('DELETE FROM task_measures WHERE task_id = ? AND measure_id = ?', [taskId, id]);
        updateRecord(tx, 'tasks', taskId, {});
        return taskId;
      });
    }
    auditedChange(tx, 'measure', id, loadMeasure, () => deleteRecord(tx, 'measures', id));
    return ok(undefined);
  });
}

export function measureService(ctx: LedgerContext) {
  return {
    list: (filter?: MeasureFilter) => listMeasures(ctx.db, filter),
    get: (id: number): Result<Measure> => found('measure', id, loadMeasure(ctx.db, id)),
    create: (input: MeasureInput) => saveRecord(ctx, MEASURE, null, input),
    update: (id: number, input: MeasureInput) => saveRecord(ctx, MEASURE, id, input),
    remove: (id: number) => removeMeasure(ctx, id),
  };
}

export type MeasureService = ReturnType<typeof measureService>;
