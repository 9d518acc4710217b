import type { Deadline, DeadlineKind, Task, TaskInput, TaskStatus } from '../../../contract/tasks';
import type { IsoDate } from '../../../shared/dates';

/**
 * The task form's values. The deadline keeps its date while 立行立改 or 长期坚持 is chosen, so
 * switching back finds the date still there (the core's rules ignore it then).
 */
export interface TaskValues extends Record<string, unknown> {
  inspectionId: number | null;
  parentId: number | null;
  number: string;
  problem: string;
  goal: string;
  responsibleLeader: string;
  /** The date is absent, not '', while none is chosen: the rules then say it is missing. */
  deadline: { kind: DeadlineKind; date?: string };
  status: TaskStatus;
  notes: string;
  leadUnitIds: number[];
  cooperatingUnitIds: number[];
  leadGroupIds: number[];
  cooperatingGroupIds: number[];
  measureIds: number[];
}

export const newTaskValues = (parent: Task | null): TaskValues => ({
  inspectionId: parent?.inspectionId ?? null,
  parentId: parent?.id ?? null,
  number: '',
  problem: '',
  goal: '',
  responsibleLeader: parent?.responsibleLeader ?? '',
  deadline: parent?.deadline.kind === 'date' ? { kind: 'date', date: parent.deadline.date } : { kind: 'date' },
  status: 'pending',
  notes: '',
  leadUnitIds: [...(parent?.leadUnitIds ?? [])],
  cooperatingUnitIds: [...(parent?.cooperatingUnitIds ?? [])],
  leadGroupIds: [...(parent?.leadGroupIds ?? [])],
  cooperatingGroupIds: [...(parent?.cooperatingGroupIds ?? [])],
  measureIds: [],
});

export const taskValuesOf = (task: Task): TaskValues => ({
  inspectionId: task.inspectionId,
  parentId: task.parentId,
  number: task.number,
  problem: task.problem,
  goal: task.goal,
  responsibleLeader: task.responsibleLeader,
  deadline: task.deadline.kind === 'date' ? { kind: 'date', date: task.deadline.date } : { kind: task.deadline.kind },
  status: task.status,
  notes: task.notes,
  leadUnitIds: [...task.leadUnitIds],
  cooperatingUnitIds: [...task.cooperatingUnitIds],
  leadGroupIds: [...task.leadGroupIds],
  cooperatingGroupIds: [...task.cooperatingGroupIds],
  measureIds: [...task.measureIds],
});

const deadlineOf = ({ kind, date }: TaskValues['deadline']): Deadline => (kind === 'date' ? { kind, date: date as IsoDate } : { kind });

export const taskInputFrom = (values: TaskValues): TaskInput => ({ ...values, deadline: deadlineOf(values.deadline) });

/** What recreates a deleted task (undo): everything it held but its id and times. */
export const taskInputOf = (task: Task): TaskInput => taskInputFrom(taskValuesOf(task));
