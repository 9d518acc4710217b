import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Namespace } from '../../contract/methods';
import type { DubanError } from '../../shared/errors';
import { useApi } from '../api/ApiContext';
import {
  askFirstPage,
  type AskedPages,
  askPages,
  type ListQuery,
  PAGE,
  type PagedMethod,
  pageQuery,
  pagesAsked,
  pagesHolding,
  type RowOf,
} from '../api/pagedQuery';

export interface PagedRows<T> {
  /** How many rows match, or null before the first answer. */
  readonly total: number | null;
  readonly error: DubanError | null;
  /** The query (as JSON) that the rows shown answer, or null while it is still being read. */
  readonly settledKey: string | null;
  rowAt(index: number): T | undefined;
  /** The rows in view: the pages holding them are read if they are not yet. */
  onRange(first: number, last: number): void;
}

/**
 * The rows matching a query, read page by page as a table scrolls: a list of 20,000 never travels
 * whole. Each page is a read of the contract (pagedQuery.ts), so a change to what the list shows
 * reads the pages again. Pages are asked by the rows in view, not one after another: End, or the
 * scroll bar dragged down, reads the last page alone.
 */
export function usePagedRows<N extends Namespace, M extends PagedMethod<N>>(ns: N, method: M, query: ListQuery<N, M>): PagedRows<RowOf<N, M>> {
  const api = useApi();
  const key = JSON.stringify(query);
  const [asked, setAsked] = useState<AskedPages>({ key, pages: [0] });
  const pages = pagesAsked(asked, key);
  const answers = useQueries({ queries: pages.map((page) => pageQuery(api, ns, method, query, page)) });
  // While a new query's first page is asked, the count of the last one stays: the table keeps its
  // height and shows its rows as placeholders rather than flashing empty.
  const first = useQuery({ ...pageQuery(api, ns, method, query, 0), placeholderData: keepPreviousData });

  const onRange = useCallback((from: number, to: number) => setAsked((current) => askPages(current, key, pagesHolding(from, to))), [key, setAsked]);

  return {
    total: first.data?.total ?? null,
    error: answers.find((answer) => answer.error)?.error ?? null,
    settledKey: first.data && !first.isPlaceholderData ? key : null,
    rowAt: (index) => {
      const at = pages.indexOf(Math.floor(index / PAGE));
      return at < 0 ? undefined : answers[at]?.data?.rows[index % PAGE];
    },
    onRange,
  };
}

/** `askFirstPage` for a screen: called with the query a change of its filter is about to show. */
export function useAskFirstPage<N extends Namespace, M extends PagedMethod<N>>(ns: N, method: M): (query: ListQuery<N, M>) => void {
  const api = useApi();
  const client = useQueryClient();
  return useCallback((query: ListQuery<N, M>) => askFirstPage(client, api, ns, method, query), [client, api, ns, method]);
}
