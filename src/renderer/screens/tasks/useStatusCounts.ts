import type { TaskQuery, TaskStatus } from '../../../contract/tasks';
import { useContractQuery } from '../../api/useContract';

export type StatusCounts = Readonly<Record<TaskStatus, number>>;

/** How many tasks of each status match the rest of the filter, for the tabs above the ledger. Asked after the rows (the table first). */
export function useStatusCounts(query: Omit<TaskQuery, 'limit' | 'offset' | 'statuses'>, ready: boolean): StatusCounts | null {
  return useContractQuery('tasks', 'counts', ready ? [query] : null).data ?? null;
}
