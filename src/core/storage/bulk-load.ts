import type { Result } from '../../shared/result';
import type { Reader, Writer } from './database';

/**
 * Rows written into a table whose indexes are built after them, when the rows at least double the
 * table: SQLite keeps every index in order as each row goes in, a search and an insert per index per
 * row, where an index built afterwards sorts its keys once. 50,000 petition cases into an empty
 * ledger: their six indexes kept 0.8 s of the writes', built after 0.2 s (docs/performance.md).
 *
 * Only the indexes the schema declares with CREATE INDEX are put off: a UNIQUE constraint's own
 * index is what refuses a duplicate as the row goes in. Everything happens in the caller's
 * transaction, so a write that fails rolls the indexes back with the rows; statements run meanwhile
 * read without them, so `write` must not look the table up by an index put off (a primary key and
 * UNIQUE columns are still there).
 */
export function withIndexesAfter<T>(writer: Writer, table: string, incoming: number, write: () => Result<T>): Result<T> {
  const indexes = incoming >= BULK_ROWS && incoming >= rowsOf(writer, table) ? declaredIndexes(writer, table) : [];
  return setAsideWhile(writer, 'INDEX', indexes, write);
}

/** An index or a trigger as sqlite_master keeps it: made again from its own SQL. */
export interface SchemaObject {
  readonly name: string;
  readonly sql: string;
}

/** Drops `objects` while `write` runs and makes them again from their own SQL once it has written. */
export function setAsideWhile<T>(writer: Writer, kind: 'INDEX' | 'TRIGGER', objects: readonly SchemaObject[], write: () => Result<T>): Result<T> {
  for (const object of objects) writer.run(`DROP ${kind} ${object.name}`);
  const written = write();
  if (written.ok) for (const object of objects) writer.run(object.sql);
  return written;
}

/** Fewer rows than this go in with their indexes kept: dropping and building them, and SQLite preparing every statement again after, would cost more. */
export const BULK_ROWS = 1_000;

/** How many rows `table` holds. */
export const rowsOf = (reader: Reader, table: string): number => reader.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;

/** The table's indexes made by CREATE INDEX (not UNIQUE), as the schema declares them. */
const declaredIndexes = (writer: Writer, table: string): SchemaObject[] =>
  writer.all(
    `SELECT m.name, m.sql FROM pragma_index_list(?) AS i JOIN sqlite_master AS m ON m.type = 'index' AND m.name = i.name
     WHERE i.origin = 'c' AND i."unique" = 0 ORDER BY m.rowid`,
    [table],
  );
