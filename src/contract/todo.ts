import { method } from './define';
import type { Todo } from '../core/todo/model';
import { isoDate } from '../shared/validation';
import { z } from 'zod';
export * from '../core/todo/model';

/** 待办 on the home page: replies due, workbooks late, close-outs to check, completions reported. */
export const todo = {
  list: method(z.tuple([isoDate.optional()])).returns<Todo>(),
};
