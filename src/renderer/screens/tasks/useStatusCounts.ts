import type { TaskQuery, TaskStatus } from '../../../contract/tasks';
import { useContractQuery } from '../../api/useContract';

export type StatusCounts = Readonly<Record<TaskStatus, number>>;

/**
 * How many tasks of each status match the rest of the filter, for the tabs above the ledger. Asked
 * once the rows are shown (the table first); until then the tabs keep the counts they had.
 */
export function useStatusCounts(query: Omit<TaskQuery, 'limit' | 'offset' | 'statuses'>, ready: boolean): StatusCounts | null {
  return useContractQuery('tasks', 'counts', ready ? [query] : null, { keepPrevious: true }).data ?? null;
}
