import { useCallback, useEffect, useRef, useState } from 'react';
import type { DubanApi } from '../../contract/api';
import type { DubanError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { useApi } from '../api/ApiContext';

/** Rows fetched at a time: one page of the core's list, several screens' worth of rows. */
const PAGE = 200;

const NO_PAGES: ReadonlyMap<number, never> = new Map<number, never>();

export interface PagedRows<T> {
  /** How many rows match, or null before the first answer. */
  readonly total: number | null;
  readonly error: DubanError | null;
  rowAt(index: number): T | undefined;
  /** The rows in view: the pages holding them are fetched if they are not yet. */
  onRange(first: number, last: number): void;
  /** Reads the rows again, after a change the query does not show. */
  reload(): void;
}

type Lister<T, Q> = (api: DubanApi, query: Q & { limit: number; offset: number }) => Promise<Result<{ readonly rows: readonly T[]; readonly total: number }>>;

/**
 * The rows matching a query, read page by page as a table scrolls: a list of 20,000 never travels
 * whole. A new query starts afresh; an answer to an older query is dropped. `list` must not change
 * between renders (a function defined outside the component).
 */
export function usePagedRows<T, Q>(list: Lister<T, Q>, query: Q): PagedRows<T> {
  const api = useApi();
  const key = JSON.stringify(query);
  const generation = useRef(0);
  const asked = useRef(new Set<number>());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<DubanError | null>(null);
  const [version, setVersion] = useState(0);
  // The pages read for one query at one version: a new version starts afresh, as a new query does.
  const reading = `${version}:${key}`;
  const [read, setRead] = useState<{ readonly of: string; readonly pages: ReadonlyMap<number, readonly T[]> }>({ of: reading, pages: NO_PAGES });
  const pages = read.of === reading ? read.pages : NO_PAGES;

  const fetchPage = useCallback(
    (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const mine = generation.current;
      void list(api, { ...(JSON.parse(key) as Q), limit: PAGE, offset: page * PAGE }).then((result) => {
        if (mine !== generation.current) return;
        if (!result.ok) return setError(result.error);
        setError(null);
        setTotal(result.value.total);
        setRead((current) => ({ of: reading, pages: new Map(current.of === reading ? current.pages : NO_PAGES).set(page, result.value.rows) }));
      });
    },
    [api, key, list, reading],
  );

  useEffect(() => {
    generation.current += 1;
    asked.current = new Set();
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
    reload: useCallback(() => {
      setTotal(null);
      setVersion((v) => v + 1);
    }, []),
  };
}
