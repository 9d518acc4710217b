import { naturalKey } from '../../shared/natural-order';
import type { Writer } from '../storage/database';
import { TASK_ORDER_KEYS } from '../tasks/order';

/**
 * Schema version 16 (large ledgers): the task list's page read along an index instead of sorting
 * every task in JavaScript. number_key holds the number's natural key ("1.10" after "1.9"), which
 * SQLite cannot work out itself; the writer keeps it, and fillTaskNumberKeys gives existing tasks theirs.
 * The dashboard finds the tasks that may be with the group for their check (a report of completion)
 * without reading every report.
 */
export const V16_TASKS = [
  `ALTER TABLE tasks ADD COLUMN number_key TEXT NOT NULL DEFAULT ''`,
  ...Object.entries(TASK_ORDER_KEYS).map(([sort, keys]) => `CREATE INDEX tasks_order_${sort} ON tasks (${[...keys, 'number_key'].join(', ')})`),
  `CREATE INDEX progress_reports_completed ON progress_reports (task_id) WHERE state = 'completed'`,
];

export function fillTaskNumberKeys(writer: Writer): void {
  for (const { id, number } of writer.all<{ id: number; number: string }>('SELECT id, number FROM tasks')) {
    writer.run('UPDATE tasks SET number_key = ? WHERE id = ?', [naturalKey(number), id]);
  }
}
