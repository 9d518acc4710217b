import { dubanError } from '../../shared/errors';
import type { IsoDate } from '../../shared/dates';
import { err, ok, type Result } from '../../shared/result';
import { naturalKey } from '../../shared/natural-order';
import { invalid } from '../../shared/validation';
import type { z } from 'zod';
import type { LedgerContext, Tx } from '../context';
import { evidenceUses } from '../evidence/service';
import { checkReferences, exists, found, fromRow, insertRecord, type RecordSpec, type Reference, removeUnlessUsed, type Row, saveRecord } from '../records';
import { rowsReferring, type Use } from '../references';
import type { Reader } from '../storage/database';
import { deadlineColumns, deadlineOf } from './columns';
import { awaitingCheck } from './awaiting-check';
import {
  type AwaitingCheckQuery,
  type DeadlineKind,
  type SourceAssignment,
  type Task,
  type TaskDetail,
  type TaskInput,
  taskInput,
  type TaskQuery,
  type TaskStatus,
  type UnitRole,
} from './model';
import { countTasksByStatus, listTasks } from './query';
import { assignSource } from './sources';
import { standingOf } from './standing';
import { groupMemberIds } from '../unit-groups/service';
import { groupBy } from '../../shared/group-by';

type TaskValues = z.output<typeof taskInput>;

interface TaskColumns extends Omit<Task, 'deadline' | 'leadUnitIds' | 'cooperatingUnitIds' | 'leadGroupIds' | 'cooperatingGroupIds' | 'measureIds'> {
  readonly deadlineKind: DeadlineKind;
  readonly deadlineDate: IsoDate | null;
  readonly numberKey: string;
}

export const loadTask = (db: Reader, id: number): Task | undefined => loadTasks(db, [id])[0];

/** Rows of the tasks asked (a JSON list of ids) from a table of their links, ordered as entered, by task. */
function linksOf<T extends { task_id: number }>(db: Reader, columns: string, table: string, asked: string, where = ''): Map<number, T[]> {
  const rows = db.all<T>(`SELECT task_id, ${columns} FROM ${table} WHERE task_id IN (SELECT value FROM json_each(?)) ${where} ORDER BY rowid`, [asked]);
  return groupBy(rows, (row) => row.task_id);
}

/**
 * Tasks by id, in the order asked (undefined for an id not found), in four reads however many: a
 * letter lists a hundred tasks, a batch of letters thousands, and each read costs more than its rows.
 */
export function loadTasks(db: Reader, ids: readonly number[]): (Task | undefined)[] {
  const asked = JSON.stringify(ids);
  const rows = new Map(db.all<Row>('SELECT * FROM tasks WHERE id IN (SELECT value FROM json_each(?))', [asked]).map((row) => [row.id as number, row]));
  // A group's members are its units by the group, not named on their own.
  const units = linksOf<{ task_id: number; unit_id: number; role: UnitRole }>(db, 'unit_id, role', 'task_units', asked, 'AND group_id IS NULL');
  const groups = linksOf<{ task_id: number; group_id: number; role: UnitRole }>(db, 'group_id, role', 'task_unit_groups', asked);
  const measures = linksOf<{ task_id: number; measure_id: number }>(db, 'measure_id', 'task_measures', asked);
  return ids.map((id) => {
    const row = rows.get(id);
    if (!row) return undefined;
    const { deadlineKind, deadlineDate, numberKey: _numberKey, ...task } = fromRow<TaskColumns>(row);
    const unitsIn = (role: UnitRole) => (units.get(id) ?? []).filter((u) => u.role === role).map((u) => u.unit_id);
    const groupsIn = (role: UnitRole) => (groups.get(id) ?? []).filter((g) => g.role === role).map((g) => g.group_id);
    return {
      ...task,
      deadline: deadlineOf(deadlineKind, deadlineDate),
      leadUnitIds: unitsIn('lead'),
      cooperatingUnitIds: unitsIn('cooperating'),
      leadGroupIds: groupsIn('lead'),
      cooperatingGroupIds: groupsIn('cooperating'),
      measureIds: (measures.get(id) ?? []).map((m) => m.measure_id),
    };
  });
}

/** 'closed' is reached only by approving a close-out: editing can neither set it nor leave it. */
function checkStatus(tx: Tx, status: TaskStatus, id: number | null): Result<void> {
  const current = id === null ? null : (tx.get<{ status: TaskStatus }>('SELECT status FROM tasks WHERE id = ?', [id])?.status ?? null);
  if ((current === 'closed') === (status === 'closed')) return ok(undefined);
  return err(dubanError('invalid_transition', { entity: 'task', from: current ?? 'none', to: status }));
}

/** The ids of the task's chain of parents, starting from `parentId`; UNION stops on a loop. */
const PARENT_CHAIN = `WITH RECURSIVE chain(id) AS (
  SELECT ? UNION SELECT t.parent_id FROM tasks t JOIN chain ON t.id = chain.id WHERE t.parent_id IS NOT NULL
) SELECT 1 AS x FROM chain WHERE id = ?`;

function checkParent(tx: Tx, parentId: number | null, id: number | null): Result<void> {
  if (parentId === null) return ok(undefined);
  if (!exists(tx, 'tasks', parentId)) return invalid('parentId', 'unknown_reference');
  if (id !== null && tx.get(PARENT_CHAIN, [parentId, id])) return invalid('parentId', 'parent_cycle');
  return ok(undefined);
}

const taskReferences = (task: TaskValues): Reference[] => [
  ['inspectionId', 'inspections', task.inspectionId],
  ['leadUnitIds', 'units', task.leadUnitIds],
  ['cooperatingUnitIds', 'units', task.cooperatingUnitIds],
  ['leadGroupIds', 'unit_groups', task.leadGroupIds],
  ['cooperatingGroupIds', 'unit_groups', task.cooperatingGroupIds],
  ['measureIds', 'measures', task.measureIds],
];

/** Mirrors the unique index tasks_number: one number per inspection and parent. */
const numberTaken = (tx: Tx, task: TaskValues, id: number | null): boolean =>
  tx.get('SELECT 1 AS x FROM tasks WHERE ifnull(inspection_id, 0) = ifnull(?, 0) AND ifnull(parent_id, 0) = ifnull(?, 0) AND number = ? AND id <> ?', [
    task.inspectionId,
    task.parentId,
    task.number,
    id ?? 0,
  ]) !== undefined;

function checkTask(tx: Tx, task: TaskValues, id: number | null): Result<void> {
  for (const check of [checkStatus(tx, task.status, id), checkParent(tx, task.parentId, id), checkReferences(tx, taskReferences(task))]) {
    if (!check.ok) return check;
  }
  return numberTaken(tx, task, id) ? invalid('number', 'duplicate') : ok(undefined);
}

/**
 * The task's units: those named, then each group's members not named already (lead groups first),
 * marked with their group, so that every reader of task_units sees a member as a unit of the task.
 */
function writeUnits(tx: Tx, taskId: number, task: TaskValues): void {
  tx.run('DELETE FROM task_units WHERE task_id = ?', [taskId]);
  tx.run('DELETE FROM task_unit_groups WHERE task_id = ?', [taskId]);
  const written = new Set<number>();
  const add = (unitId: number, role: UnitRole, groupId: number | null) => {
    if (written.has(unitId)) return;
    written.add(unitId);
    insertRecord(tx, 'task_units', { taskId, unitId, role, groupId }, false);
  };
  for (const unitId of task.leadUnitIds) add(unitId, 'lead', null);
  for (const unitId of task.cooperatingUnitIds) add(unitId, 'cooperating', null);
  const groups: [number, UnitRole][] = [
    ...task.leadGroupIds.map((g): [number, UnitRole] => [g, 'lead']),
    ...task.cooperatingGroupIds.map((g): [number, UnitRole] => [g, 'cooperating']),
  ];
  for (const [groupId, role] of groups) {
    insertRecord(tx, 'task_unit_groups', { taskId, groupId, role }, false);
    for (const unitId of groupMemberIds(tx, groupId)) add(unitId, role, groupId);
  }
}

function writeRelations(tx: Tx, taskId: number, task: TaskValues): void {
  writeUnits(tx, taskId, task);
  tx.run('DELETE FROM task_measures WHERE task_id = ?', [taskId]);
  for (const measureId of task.measureIds) insertRecord(tx, 'task_measures', { taskId, measureId }, false);
}

const TASK: RecordSpec<Task, typeof taskInput> = {
  entity: 'task',
  table: 'tasks',
  schema: taskInput,
  load: loadTask,
  check: checkTask,
  columns: ({
    deadline,
    leadUnitIds: _lead,
    cooperatingUnitIds: _cooperating,
    leadGroupIds: _leadGroups,
    cooperatingGroupIds: _cooperatingGroups,
    measureIds: _measures,
    ...columns
  }) => ({
    ...columns,
    numberKey: naturalKey(columns.number),
    ...deadlineColumns(deadline),
  }),
  relations: writeRelations,
};

/** Reports and close-outs would cascade away with the task, and evidence names it by kind and id: all keep it. */
const HISTORY = [
  { table: 'progress_reports', column: 'task_id' },
  { table: 'close_outs', column: 'task_id' },
];

const historyOf = (db: Reader, id: number): Use[] => [...rowsReferring(db, HISTORY, id), ...evidenceUses(db, 'task', id)];

export function taskService(ctx: LedgerContext) {
  return {
    list: (query: TaskQuery = {}) => listTasks(ctx.db, query),
    counts: (query: TaskQuery = {}) => countTasksByStatus(ctx.db, query),
    /** The task with where it stands: its lead units' latest reports and its check. */
    get: (id: number): Result<TaskDetail> => {
      const task = loadTask(ctx.db, id);
      return found('task', id, task && { ...task, ...standingOf(ctx.db, [id]).get(id)! });
    },
    /** Tasks reported completed by their lead units, waiting for the group to take up their check. */
    awaitingCheck: (query: AwaitingCheckQuery = {}) => awaitingCheck(ctx.db, query),
    create: (input: TaskInput) => saveRecord(ctx, TASK, null, input),
    update: (id: number, input: TaskInput) => saveRecord(ctx, TASK, id, input),
    /** A task with sub-tasks, reports, close-outs or evidence keeps its history: it cannot be deleted. */
    remove: (id: number) => removeUnlessUsed(ctx, 'task', 'tasks', id, loadTask, historyOf),
    /** Puts tasks (with their sub-tasks and measures) under a source, in one transaction. */
    assignSource: (input: SourceAssignment) => ctx.write((tx) => assignSource(tx, input)),
  };
}

export type TaskService = ReturnType<typeof taskService>;
