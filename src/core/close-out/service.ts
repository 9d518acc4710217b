import type { IsoDate } from '../../shared/dates';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { invalid, outOfOrder, validate } from '../../shared/validation';
import type { z } from 'zod';
import type { LedgerContext, Tx } from '../context';
import { hasEvidence } from '../evidence/service';
import { auditedChange, found, fromRow, notFound, type RecordSpec, type Row, saveRecord, updateRecord } from '../records';
import type { Reader } from '../storage/database';
import { sqlFilter } from '../sql-filter';
import type { SqlValue } from '../storage/journal';
import type { TaskStatus } from '../tasks/model';
import { loadTask } from '../tasks/service';
import {
  ACTIVE_CLOSE_OUT_STATES,
  type CloseOut,
  type CloseOutDecision,
  closeOutDecision,
  type CloseOutFilter,
  type CloseOutRejection,
  closeOutRejection,
  type CloseOutReopening,
  closeOutReopening,
  type CloseOutRequest,
  closeOutRequest,
  type CloseOutState,
  lastStepDate,
} from './model';

export function loadCloseOut(db: Reader, id: number): CloseOut | undefined {
  const row = db.get<Row>('SELECT * FROM close_outs WHERE id = ?', [id]);
  return row ? fromRow<CloseOut>(row) : undefined;
}

export function listCloseOuts(db: Reader, filter: CloseOutFilter = {}): CloseOut[] {
  const where = sqlFilter();
  if (filter.taskId !== undefined) where.where('task_id = $taskId', { taskId: filter.taskId });
  if (filter.states) where.where('state IN (SELECT value FROM json_each($states))', { states: JSON.stringify(filter.states) });
  return db.all<Row>(`SELECT * FROM close_outs ${where.clause} ORDER BY id`, where.params).map((row) => fromRow<CloseOut>(row));
}

const transitionError = (from: string, to: CloseOutState) => err(dubanError('invalid_transition', { entity: 'close_out', from, to }));

/** A closed task needs no request, and a task has at most one request being decided. */
const REQUEST: RecordSpec<CloseOut, typeof closeOutRequest> = {
  entity: 'close_out',
  table: 'close_outs',
  schema: closeOutRequest,
  load: loadCloseOut,
  check: (tx, { taskId }) => {
    const task = tx.get<{ status: TaskStatus }>('SELECT status FROM tasks WHERE id = ?', [taskId]);
    if (!task) return invalid('taskId', 'unknown_reference');
    if (task.status === 'closed') return transitionError('closed', 'requested');
    const active = tx.get<{ state: CloseOutState }>('SELECT state FROM close_outs WHERE task_id = ? AND state IN (SELECT value FROM json_each(?))', [
      taskId,
      JSON.stringify(ACTIVE_CLOSE_OUT_STATES),
    ]);
    return active ? transitionError(active.state, 'requested') : ok(undefined);
  },
  columns: (request) => ({ ...request, state: 'requested' }),
};

/** One step of the state machine: the states it leaves, the one it reaches, and what it records. */
interface Step<V extends { readonly on: IsoDate }> {
  readonly from: readonly CloseOutState[];
  readonly to: CloseOutState;
  readonly schema: z.ZodType<V>;
  readonly columns: (values: V) => Record<string, SqlValue>;
  /** What must hold in the ledger for the step to be taken. */
  readonly requires?: (tx: Tx, closeOut: CloseOut) => Result<void>;
  /** What the step does beyond the close-out itself. */
  readonly effect?: (tx: Tx, closeOut: CloseOut) => void;
}

const CHECK: Step<z.output<typeof closeOutDecision>> = {
  from: ['requested'],
  to: 'checked',
  schema: closeOutDecision,
  columns: ({ on, by, note }) => ({ checkedOn: on, checkedBy: by, checkNote: note }),
};

const APPROVE: Step<z.output<typeof closeOutDecision>> = {
  from: ['checked'],
  to: 'approved',
  schema: closeOutDecision,
  columns: ({ on, by, note }) => ({ approvedOn: on, approvedBy: by, approvalNote: note }),
  // Evidence on the request or on the task itself; the form shows the error beside the attachments.
  requires: (tx, { id, taskId }) =>
    hasEvidence(tx, [
      { kind: 'close_out', id },
      { kind: 'task', id: taskId },
    ])
      ? ok(undefined)
      : invalid('evidence', 'required'),
  effect: (tx, { taskId }) => {
    auditedChange(tx, 'task', taskId, loadTask, () => updateRecord(tx, 'tasks', taskId, { status: 'closed' }));
  },
};

const REJECT: Step<z.output<typeof closeOutRejection>> = {
  from: ['requested', 'checked'],
  to: 'rejected',
  schema: closeOutRejection,
  columns: ({ on, reason }) => ({ rejectedOn: on, rejectionReason: reason }),
};

/** 撤销销号: the task goes back to work, so that its evidence can change and a new request be made. */
const REOPEN: Step<z.output<typeof closeOutReopening>> = {
  from: ['approved'],
  to: 'reopened',
  schema: closeOutReopening,
  columns: ({ on, by, reason }) => ({ reopenedOn: on, reopenedBy: by, reopenReason: reason }),
  effect: (tx, { taskId }) => {
    auditedChange(tx, 'task', taskId, loadTask, () => updateRecord(tx, 'tasks', taskId, { status: 'in_progress' }));
  },
};

function advance<V extends { readonly on: IsoDate }>(ctx: LedgerContext, step: Step<V>, id: number, input: unknown): Result<CloseOut> {
  const valid = validate(step.schema, input);
  if (!valid.ok) return valid;
  return ctx.write((tx) => {
    const closeOut = loadCloseOut(tx, id);
    if (!closeOut) return notFound('close_out', id);
    if (!step.from.includes(closeOut.state)) return transitionError(closeOut.state, step.to);
    if (valid.value.on < lastStepDate(closeOut)) return outOfOrder('on', valid.value.on, lastStepDate(closeOut));
    const ready = step.requires?.(tx, closeOut) ?? ok(undefined);
    if (!ready.ok) return ready;
    auditedChange(tx, 'close_out', id, loadCloseOut, () => updateRecord(tx, 'close_outs', id, { state: step.to, ...step.columns(valid.value) }));
    step.effect?.(tx, closeOut);
    return ok(loadCloseOut(tx, id)!);
  });
}

export function closeOutService(ctx: LedgerContext) {
  return {
    list: (filter?: CloseOutFilter) => listCloseOuts(ctx.db, filter),
    get: (id: number): Result<CloseOut> => found('close_out', id, loadCloseOut(ctx.db, id)),
    request: (input: CloseOutRequest) => saveRecord(ctx, REQUEST, null, input),
    check: (id: number, input: CloseOutDecision) => advance(ctx, CHECK, id, input),
    /** Needs evidence; closes the task in the same transaction. */
    approve: (id: number, input: CloseOutDecision) => advance(ctx, APPROVE, id, input),
    reject: (id: number, input: CloseOutRejection) => advance(ctx, REJECT, id, input),
    /** Audited like every step, with its reason; the evidence is no longer frozen. */
    reopen: (id: number, input: CloseOutReopening) => advance(ctx, REOPEN, id, input),
  };
}

export type CloseOutService = ReturnType<typeof closeOutService>;
