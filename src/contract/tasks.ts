import { method } from './define';
import { sourceAssignment, type Task, type TaskDetail, taskInput, type TaskPage, taskQuery, type TaskStatus } from '../core/tasks/model';
import { id } from './common';
import { z } from 'zod';
export * from '../core/tasks/model';

export const tasks = {
  list: method(z.tuple([taskQuery.optional()])).returns<TaskPage>(),
  /** How many tasks of each status match the query's other conditions. */
  counts: method(z.tuple([taskQuery.optional()])).returns<Record<TaskStatus, number>>(),
  /** The task, with its lead units' latest reports and where its check stands. */
  get: method(z.tuple([id])).returns<TaskDetail>(),
  create: method(z.tuple([taskInput])).returns<Task>(),
  update: method(z.tuple([id, taskInput])).returns<Task>(),
  remove: method(z.tuple([id])).returns<void>(),
  /** Puts tasks imported before their source existed under it, with their sub-tasks and measures without a source. */
  assignSource: method(z.tuple([sourceAssignment])).returns<{ tasks: number }>(),
};
