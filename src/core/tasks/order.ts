import { TASK_STATUSES, type TaskSort } from './model';

/**
 * The task list's orders as SQL over the table `tasks`. Schema 16 indexes these same expressions,
 * so that a page is read along an index; the query's text must stay the index's for SQLite to see it.
 * number_key is the number's natural key (naturalKey), kept by the writer: "1.10" after "1.9".
 */
const rank = (column: string, values: readonly string[]): string => `(CASE ${column} ${values.map((value, i) => `WHEN '${value}' THEN ${i}`).join(' ')} END)`;

/** What each sort orders by before the number; deadlines run 立行立改, then by date, then 长期坚持. */
export const TASK_ORDER_KEYS: Record<TaskSort, readonly string[]> = {
  number: [],
  deadline: [rank('deadline_kind', ['immediate', 'date', 'ongoing']), 'deadline_date'],
  status: [rank('status', TASK_STATUSES)],
  updatedAt: ['updated_at'],
};

/** The ORDER BY of a page (the table's columns unqualified); ties go by number, then by id, ascending as the list has always shown them. */
export function orderByOf(sort: TaskSort, descending: boolean): string {
  const direction = descending ? ' DESC' : '';
  const keys = TASK_ORDER_KEYS[sort].map((key) => `${key}${direction}`);
  const number = sort === 'number' ? `number_key${direction}` : 'number_key';
  return `ORDER BY ${[...keys, number, 'id'].join(', ')}`;
}
