import type { SqlValue } from './storage/journal';

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
