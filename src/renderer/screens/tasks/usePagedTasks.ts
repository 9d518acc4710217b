import { useCallback, useEffect, useRef, useState } from 'react';
import type { TaskQuery, TaskSummary } from '../../../core/tasks/model';
import type { DubanError } from '../../../shared/errors';
import { useApi } from '../../api/ApiContext';

/** Rows fetched at a time: one page of the core's list, several screens' worth of rows. */
const PAGE = 200;

export interface PagedTasks {
  /** How many tasks match, or null before the first answer. */
  readonly total: number | null;
  readonly error: DubanError | null;
  rowAt(index: number): TaskSummary | undefined;
  /** The rows in view: the pages holding them are fetched if they are not yet. */
  onRange(first: number, last: number): void;
}

/**
 * The tasks matching a query, read page by page as the table scrolls: a ledger of 20,000 tasks
 * never travels whole. A new query starts afresh; an answer to an older query is dropped.
 */
export function usePagedTasks(query: Omit<TaskQuery, 'limit' | 'offset'>): PagedTasks {
  const api = useApi();
  const key = JSON.stringify(query);
  const generation = useRef(0);
  const asked = useRef(new Set<number>());
  const [pages, setPages] = useState<ReadonlyMap<number, readonly TaskSummary[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<DubanError | null>(null);

  const fetchPage = useCallback(
    (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const mine = generation.current;
      void api.tasks.list({ ...(JSON.parse(key) as TaskQuery), limit: PAGE, offset: page * PAGE }).then((result) => {
        if (mine !== generation.current) return;
        if (!result.ok) return setError(result.error);
        setError(null);
        setTotal(result.value.total);
        setPages((all) => new Map(all).set(page, result.value.rows));
      });
    },
    [api, key],
  );

  useEffect(() => {
    generation.current += 1;
    asked.current = new Set();
    setPages(new Map());
    fetchPage(0);
  }, [fetchPage]);

  const onRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) fetchPage(page);
    },
    [fetchPage],
  );

  return {
    total,
    error,
    rowAt: (index) => pages.get(Math.floor(index / PAGE))?.[index % PAGE],
    onRange,
  };
}
