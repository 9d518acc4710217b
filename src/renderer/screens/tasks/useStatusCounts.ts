import { useEffect, useState } from 'react';
import { TASK_STATUSES, type TaskQuery, type TaskStatus } from '../../../core/tasks/model';
import { useApi } from '../../api/ApiContext';

export type StatusCounts = Readonly<Record<TaskStatus, number>>;

/**
 * How many tasks of each status match the rest of the filter, for the tabs above the ledger. Asked
 * after the rows (the table first), one status at a time, and dropped when the filter changes.
 */
export function useStatusCounts(query: Omit<TaskQuery, 'limit' | 'offset' | 'statuses'>, ready: boolean): StatusCounts | null {
  const api = useApi();
  const key = JSON.stringify(query);
  const [counts, setCounts] = useState<{ key: string; value: StatusCounts } | null>(null);

  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    void (async () => {
      const value: Partial<Record<TaskStatus, number>> = {};
      for (const status of TASK_STATUSES) {
        const page = await api.tasks.list({ ...(JSON.parse(key) as TaskQuery), statuses: [status], limit: 1 });
        if (cancelled || !page.ok) return;
        value[status] = page.value.total;
      }
      setCounts({ key, value: value as StatusCounts });
    })();
    return () => {
      cancelled = true;
    };
  }, [api, key, ready]);

  return counts?.key === key ? counts.value : null;
}
