import type { IsoDate } from '../../shared/dates';
import { type Deadline, type DeadlineKind, FINISHED_STATUSES } from './model';

/** How a task's values are held in its table's columns, for the service and the queries alike. */
export const deadlineOf = (kind: DeadlineKind, date: IsoDate | null): Deadline => (kind === 'date' ? { kind, date: date! } : { kind });

export const deadlineColumns = (deadline: Deadline) => ({
  deadlineKind: deadline.kind,
  deadlineDate: deadline.kind === 'date' ? deadline.date : null,
});

/** The SQL condition "the task is still open", kept in step with FINISHED_STATUSES. */
export const openTaskSql = (alias: string): string => `${alias}.status NOT IN (${FINISHED_STATUSES.map((s) => `'${s}'`).join(', ')})`;
