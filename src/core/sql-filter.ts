import type { SqlValue } from './storage/journal';
import { matchingSql, type SearchIndex, type SearchMatch } from './storage/search-index';

/**
 * A WHERE clause built from the filters a list screen sends: each condition with its named
 * parameters, and text search as LIKE over several columns (the user's % and _ taken literally).
 */
export interface SqlFilter {
  where(condition: string, values?: Record<string, SqlValue>): void;
  /** Any of `columns` contains `text`. */
  contains(columns: readonly string[], text: string): void;
  /** `WHERE …`, or nothing when no condition was given. */
  readonly clause: string;
  readonly params: Record<string, SqlValue>;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function sqlFilter(): SqlFilter {
  const conditions: string[] = [];
  const params: Record<string, SqlValue> = {};
  const where = (condition: string, values: Record<string, SqlValue> = {}): void => {
    conditions.push(condition);
    Object.assign(params, values);
  };
  return {
    where,
    contains: (columns, text) => where(`(${columns.map((column) => `${column} LIKE $search ESCAPE '\\'`).join(' OR ')})`, { search: `%${escapeLike(text)}%` }),
    get clause() {
      return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    },
    params,
  };
}

/**
 * A search among `columns` (of the rows `id` names): through the bigram index, LIKE confirming the
 * rows only when the index was asked for the search's rarest bigrams alone; LIKE alone for a single
 * character. Exactly the rows LIKE finds, either way.
 */
export function whereSearched(filter: SqlFilter, on: { index: SearchIndex; id: string; columns: readonly string[] }, match: SearchMatch, search: string): void {
  if (match.kind === 'index') filter.where(matchingSql(on.index, on.id, '$match'), { match: match.expression });
  if (match.kind === 'like' || match.confirm) filter.contains(on.columns, search);
}
