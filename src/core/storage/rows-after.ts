import type { Reader } from './database';

/**
 * A table's rows after the one with id `after`, in id order, read `page` at a time and `most` in
 * all: for walking tables too large to hold at once (the audit chain, a province's hundreds of
 * thousands of entries), each page found from the last id by the primary key.
 */
export function* rowsAfter<T extends { id: number }>(db: Reader, table: string, after: number, page: number, most = Infinity): Generator<T> {
  for (let last = after, left = most; left > 0;) {
    const asked = Math.min(page, left);
    const rows = db.all<T>(`SELECT * FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`, [last, asked]);
    yield* rows;
    if (rows.length < asked) return;
    last = rows[rows.length - 1]!.id;
    left -= rows.length;
  }
}
