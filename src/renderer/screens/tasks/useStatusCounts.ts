import { useEffect, useState } from 'react';
import type { TaskQuery, TaskStatus } from '../../../contract/tasks';
import { useApi } from '../../api/ApiContext';

export type StatusCounts = Readonly<Record<TaskStatus, number>>;

/**
 * How many tasks of each status match the rest of the filter, for the tabs above the ledger. Asked
 * after the rows (the table first), and dropped when the filter changes.
 */
export function useStatusCounts(query: Omit<TaskQuery, 'limit' | 'offset' | 'statuses'>, ready: boolean): StatusCounts | null {
  const api = useApi();
  const key = JSON.stringify(query);
  const [counts, setCounts] = useState<{ key: string; value: StatusCounts } | null>(null);

  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    void api.tasks.counts(JSON.parse(key) as TaskQuery).then((result) => {
      if (!cancelled && result.ok) setCounts({ key, value: result.value });
    });
    return () => {
      cancelled = true;
    };
  }, [api, key, ready]);

  return counts?.key === key ? counts.value : null;
}
