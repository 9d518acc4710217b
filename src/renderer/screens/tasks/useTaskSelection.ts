import { useCallback, useState } from 'react';
import type { TaskQuery } from '../../../contract/tasks';
import type { DubanApi } from '../../../contract/api';
import { ok, type Result } from '../../../shared/result';
import { useApi } from '../../api/ApiContext';

/** Ids read at a time when every task the filter shows is selected. */
const PAGE = 1000;

async function idsMatching(api: DubanApi, query: Omit<TaskQuery, 'limit' | 'offset'>): Promise<Result<number[]>> {
  const ids: number[] = [];
  for (;;) {
    const page = await api.tasks.list({ ...query, limit: PAGE, offset: ids.length });
    if (!page.ok) return page;
    ids.push(...page.value.rows.map((task) => task.id));
    if (page.value.rows.length < PAGE || ids.length >= page.value.total) return ok(ids);
  }
}

/**
 * The tasks ticked in the ledger, to act on together (assign a source). A new filter starts with
 * none ticked: a task out of sight is never acted on by surprise.
 */
export function useTaskSelection(query: Omit<TaskQuery, 'limit' | 'offset'>) {
  const api = useApi();
  const key = JSON.stringify(query);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [selectedUnder, setSelectedUnder] = useState(key);
  if (selectedUnder !== key) {
    setSelectedUnder(key);
    setSelected(new Set());
  }

  const toggle = useCallback((id: number, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const selectAll = useCallback(
    async (on: boolean): Promise<void> => {
      if (!on) return setSelected(new Set());
      const ids = await idsMatching(api, JSON.parse(key) as TaskQuery);
      if (ids.ok) setSelected(new Set(ids.value));
    },
    [api, key],
  );

  return { selected, toggle, selectAll, clear: () => setSelected(new Set()) };
}
