import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import type { ProgressReportRow } from '../progress/model';
import { choice, count, id, idSet, isoDate, missingOr, optionalId, optionalText, requiredText, text } from '../../shared/validation';

/** 未启动 / 推进中 / 已完成 / 已销号. Only an approved close-out makes a task 'closed'. */
export const TASK_STATUSES = ['pending', 'in_progress', 'completed', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A task in one of these states needs no more work: it is neither overdue nor owed a report. */
export const FINISHED_STATUSES: readonly TaskStatus[] = ['completed', 'closed'];

export const UNIT_ROLES = ['lead', 'cooperating'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

/** 整改时限: a date, 立行立改 (immediate) or 长期坚持 (ongoing). */
export const DEADLINE_KINDS = ['date', 'immediate', 'ongoing'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type Deadline = { readonly kind: 'date'; readonly date: IsoDate } | { readonly kind: 'immediate' } | { readonly kind: 'ongoing' };

export interface Task {
  readonly id: number;
  /** The inspection (its feedback) the task comes from: the task's source. */
  readonly inspectionId: number | null;
  readonly parentId: number | null;
  readonly number: string;
  readonly problem: string;
  readonly goal: string;
  readonly responsibleLeader: string;
  readonly deadline: Deadline;
  readonly status: TaskStatus;
  readonly notes: string;
  /** In the order given: the first lead unit is the one named first in the ledger. */
  readonly leadUnitIds: readonly number[];
  readonly cooperatingUnitIds: readonly number[];
  /** Unit groups the task was given to: each member owes it as if named (docs/schema.md, task_unit_groups). */
  readonly leadGroupIds: readonly number[];
  readonly cooperatingGroupIds: readonly number[];
  readonly measureIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface UnitRef {
  readonly id: number;
  readonly name: string;
  readonly shortName: string;
}

/**
 * Where a task stands between its lead units' report of completion and its close-out: reported
 * (单位报完成，待核查: every lead unit's latest report says completed, and the group has not yet
 * taken it up), then the close-out's check (核查中) and approval (待批准). The group holds it
 * then, not the unit: such a task is not overdue.
 */
export const CHECK_STAGES = ['reported', 'checking', 'approving'] as const;
export type CheckStage = (typeof CHECK_STAGES)[number];

/** What the ledger knows of a task beyond its own fields: the units' latest word on it, and its check. */
export interface TaskStanding {
  readonly checkStage: CheckStage | null;
  /** Each lead unit's latest report, in the order the lead units are named; units yet to report have none. */
  readonly latestReports: readonly ProgressReportRow[];
}

/** A task as its page shows it. */
export type TaskDetail = Task & TaskStanding;

/** A lead unit's latest report as a row of the task table shows it: its state, month and words (the task's page has the rest). */
export type ReportGist = Pick<ProgressReportRow, 'id' | 'unitName' | 'period' | 'state' | 'progress'>;

export const gistOf = ({ id, unitName, period, state, progress }: ProgressReportRow): ReportGist => ({ id, unitName, period, state, progress });

/**
 * A row of the task table: what a list shows, with its lead units' names. A page of them crosses
 * the contract each time the ledger is searched, so the reports are only their gist.
 */
export interface TaskSummary extends Pick<TaskStanding, 'checkStage'> {
  readonly id: number;
  readonly inspectionId: number | null;
  readonly parentId: number | null;
  readonly number: string;
  readonly problem: string;
  readonly responsibleLeader: string;
  readonly deadline: Deadline;
  readonly status: TaskStatus;
  readonly updatedAt: string;
  readonly leadUnits: readonly UnitRef[];
  readonly latestReports: readonly ReportGist[];
}

export interface TaskPage {
  readonly rows: readonly TaskSummary[];
  /** How many tasks match the filter, of which `rows` is one page. */
  readonly total: number;
}

/** A deadline that has passed, on a task not yet completed or closed, nor reported completed and with the group. */
export function isOverdue(task: { readonly deadline: Deadline; readonly status: TaskStatus; readonly checkStage: CheckStage | null }, asOf: IsoDate): boolean {
  return task.deadline.kind === 'date' && task.deadline.date < asOf && !FINISHED_STATUSES.includes(task.status) && task.checkStage === null;
}

export const deadlineInput = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('date'), date: isoDate }), z.object({ kind: z.literal('immediate') }), z.object({ kind: z.literal('ongoing') })],
  missingOr('invalid_choice'),
);

const UNIT_FIELDS: readonly PropertyKey[] = ['leadUnitIds', 'leadGroupIds', 'cooperatingUnitIds'];

/** The rules below are checked whenever the units were read, whatever else is wrong: a form shows every missing field at once. */
const unitsRead = (payload: z.core.ParsePayload): boolean => !payload.issues.some((issue) => UNIT_FIELDS.includes(issue.path?.[0] ?? ''));

/**
 * The rules of a task across its fields (of `taskInput`, and of a form of its own too): someone
 * leads it, a unit or a group; and no unit both leads it and co-operates on it.
 */
export const taskRules = <S extends z.ZodType<{ leadUnitIds: number[]; leadGroupIds: number[]; cooperatingUnitIds: number[] }>>(schema: S) =>
  schema
    .refine((task) => task.leadUnitIds.length > 0 || task.leadGroupIds.length > 0, { error: 'required', path: ['leadUnitIds'], when: unitsRead })
    .refine((task) => !task.cooperatingUnitIds.some((unitId) => task.leadUnitIds.includes(unitId)), {
      error: 'lead_and_cooperating',
      path: ['cooperatingUnitIds'],
      when: unitsRead,
    });

export const taskFields = z.object({
  inspectionId: optionalId,
  parentId: optionalId,
  number: requiredText(40),
  problem: requiredText(4000),
  goal: optionalText(4000),
  responsibleLeader: optionalText(100),
  deadline: deadlineInput,
  status: choice(TASK_STATUSES).default('pending'),
  notes: optionalText(4000),
  leadUnitIds: idSet(20),
  cooperatingUnitIds: idSet(100).default([]),
  leadGroupIds: idSet(20).default([]),
  cooperatingGroupIds: idSet(20).default([]),
  measureIds: idSet(200).default([]),
});

export const taskInput = taskRules(taskFields);

export type TaskInput = z.input<typeof taskInput>;

/** Tasks given a source after the fact (imported before their 督察来源 was entered). */
export const sourceAssignment = z.object({
  taskIds: idSet(20_000).refine((ids) => ids.length > 0, { error: 'required' }),
  inspectionId: id,
});
export type SourceAssignment = z.input<typeof sourceAssignment>;

export const TASK_SORTS = ['number', 'deadline', 'status', 'updatedAt'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

/**
 * What the task table asks for. `parentId`: null for top-level tasks only, an id for the sub-tasks
 * of one task, absent for all. `role` narrows `unitId` to the units leading or co-operating.
 */
export const taskQuery = z.object({
  unitId: id.optional(),
  role: z.enum([...UNIT_ROLES, 'any']).default('any'),
  statuses: z.array(choice(TASK_STATUSES)).optional(),
  /** null: the tasks without a source. */
  inspectionId: z.union([id, z.null()]).optional(),
  parentId: z.union([id, z.null()]).optional(),
  deadlineKind: choice(DEADLINE_KINDS).optional(),
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
  overdueAsOf: isoDate.optional(),
  /** The tasks at this stage of the group's check (task_check_stages). */
  checkStage: choice(CHECK_STAGES).optional(),
  search: text(200).optional(),
  sort: choice(TASK_SORTS).default('number'),
  descending: z.boolean().default(false),
  limit: count.min(1).max(1000).default(100),
  offset: count.default(0),
});

export type TaskQuery = z.input<typeof taskQuery>;

/** Which tasks reported completed and awaiting the group's check to list: all, one unit's (as a lead unit), or one task. */
export const awaitingCheckQuery = z.object({ unitId: id.optional(), taskId: id.optional() });
export type AwaitingCheckQuery = z.input<typeof awaitingCheckQuery>;
