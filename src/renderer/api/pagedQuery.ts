import type { QueryClient } from '@tanstack/react-query';
import type { DubanApi } from '../../contract/api';
import type { MethodOf, Namespace } from '../../contract/methods';
import { type ArgsOf, contractQuery, type ValueOf } from './contractQuery';

/** Rows fetched at a time: one page of the core's list, several screens' worth of rows. */
export const PAGE = 200;

type Page<T> = { readonly rows: readonly T[]; readonly total: number };

/** The methods of a namespace that answer one page of a list and how many rows match (`tasks.list`, `exchange.rows`). */
export type PagedMethod<N extends Namespace> = { [M in MethodOf<N>]: ValueOf<N, M> extends Page<unknown> ? M : never }[MethodOf<N>];
export type RowOf<N extends Namespace, M extends MethodOf<N>> = ValueOf<N, M> extends Page<infer T> ? T : never;
/** What a paged list is asked, less the page: that is the table's to choose. */
export type ListQuery<N extends Namespace, M extends MethodOf<N>> = Omit<NonNullable<ArgsOf<N, M>[0]>, 'limit' | 'offset'>;

/**
 * How long a page just read is not read again by a table that starts showing it: longer than a
 * screen takes to render a change of its filter (its first page is asked ahead, `askFirstPage`).
 * A change to what the list shows refreshes it at any time (changes.ts).
 */
const PAGE_FRESH_MS = 5_000;

/**
 * One page of a list as a read of the contract, keyed like any other (`[namespace, method, query
 * with limit and offset]`), so a change refreshes it with the rest of its namespace.
 */
export function pageQuery<N extends Namespace, M extends PagedMethod<N>>(api: DubanApi, ns: N, method: M, query: ListQuery<N, M>, page: number) {
  const args = [{ ...query, limit: PAGE, offset: page * PAGE }] as unknown as ArgsOf<N, M>;
  const read = contractQuery(api, ns, method, args);
  return { ...read, staleTime: PAGE_FRESH_MS } as typeof read & { queryFn: () => Promise<Page<RowOf<N, M>>>; staleTime: number };
}

/**
 * Asks for a changed query's first page at once, before the screen renders the change (which takes
 * longer than the core's answer on a long list): the table's read of that page, keyed alike, finds
 * it on its way instead of asking again.
 */
export function askFirstPage<N extends Namespace, M extends PagedMethod<N>>(
  client: QueryClient,
  api: DubanApi,
  ns: N,
  method: M,
  query: ListQuery<N, M>,
): void {
  void client.prefetchQuery(pageQuery(api, ns, method, query, 0));
}

/** The pages holding rows `first` to `last`. */
export const pagesHolding = (first: number, last: number): number[] =>
  Array.from({ length: Math.floor(last / PAGE) - Math.floor(first / PAGE) + 1 }, (_, i) => Math.floor(first / PAGE) + i);

/** The pages asked of one query (the one whose key is `key`): the first always, then those scrolled to. */
export interface AskedPages {
  readonly key: string;
  readonly pages: readonly number[];
}

export const pagesAsked = (asked: AskedPages, key: string): readonly number[] => (asked.key === key ? asked.pages : [0]);

/** `asked` with `wanted` added; a new query starts from its first page. Unchanged when nothing is new (no render). */
export function askPages(asked: AskedPages, key: string, wanted: readonly number[]): AskedPages {
  const pages = pagesAsked(asked, key);
  const missing = wanted.filter((page) => !pages.includes(page));
  return asked.key === key && missing.length === 0 ? asked : { key, pages: [...pages, ...missing] };
}
