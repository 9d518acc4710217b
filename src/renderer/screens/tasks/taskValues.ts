import { z } from 'zod';
import { DEADLINE_KINDS, deadlineInput, taskRules, type Task, taskFields, type TaskInput } from '../../../contract/tasks';
import { choice } from '../../../shared/validation';

/**
 * A task as its form holds it. The deadline keeps its date while 立行立改 or 长期坚持 is chosen, so
 * switching back finds the date still there; while none is chosen the date is absent, not '', and
 * the task's rules then say it is missing.
 */
export const taskForm = taskRules(taskFields.extend({ deadline: z.object({ kind: choice(DEADLINE_KINDS), date: z.string().optional() }).pipe(deadlineInput) }));

export type TaskFormValues = z.input<typeof taskForm>;

export const newTaskValues = (parent: Task | null): TaskFormValues => ({
  inspectionId: parent?.inspectionId ?? null,
  parentId: parent?.id ?? null,
  number: '',
  problem: '',
  goal: '',
  responsibleLeader: parent?.responsibleLeader ?? '',
  deadline: parent?.deadline.kind === 'date' ? parent.deadline : { kind: 'date' },
  status: 'pending',
  notes: '',
  leadUnitIds: [...(parent?.leadUnitIds ?? [])],
  cooperatingUnitIds: [...(parent?.cooperatingUnitIds ?? [])],
  leadGroupIds: [...(parent?.leadGroupIds ?? [])],
  cooperatingGroupIds: [...(parent?.cooperatingGroupIds ?? [])],
  measureIds: [],
});

/** What a task holds, as its form starts from it and as undoing its deletion recreates it. */
export const taskInputOf = (task: Task): TaskInput => ({
  inspectionId: task.inspectionId,
  parentId: task.parentId,
  number: task.number,
  problem: task.problem,
  goal: task.goal,
  responsibleLeader: task.responsibleLeader,
  deadline: task.deadline,
  status: task.status,
  notes: task.notes,
  leadUnitIds: [...task.leadUnitIds],
  cooperatingUnitIds: [...task.cooperatingUnitIds],
  leadGroupIds: [...task.leadGroupIds],
  cooperatingGroupIds: [...task.cooperatingGroupIds],
  measureIds: [...task.measureIds],
});
