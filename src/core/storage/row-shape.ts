import type { Reader, Writer } from './database';
import type { SqlValue } from './journal';

/**
 * What a table stores for an INSERT's values, worked out without reading the row back: an import
 * audits tens of thousands of new rows, and `RETURNING *` read each one out of SQLite again. SQLite
 * converts a value to its column's affinity (the text '12' in an INTEGER column becomes 12) and fills
 * the columns left out with their defaults; the shape foresees the row only where neither changes
 * anything — a string into a TEXT column, a number into a numeric one, a left-out column whose default
 * is a constant of its kind — and otherwise the row is read back as before.
 */
type Affinity = 'text' | 'numeric' | 'blob';

interface ColumnShape {
  readonly name: string;
  readonly affinity: Affinity;
  /** What the column holds when left out; undefined when SQLite would work it out at each insert or convert it. */
  readonly fallback: SqlValue | undefined;
}

export interface RowShape {
  readonly table: string;
  readonly columns: readonly ColumnShape[];
  /** Where the id is among the columns. */
  readonly idColumn: number;
  /** The INSERTs of each set of columns given, by their names, and the last one made. */
  readonly inserts: Map<string, Insert>;
  last: Insert | null;
}

interface Insert {
  readonly columns: readonly string[];
  /** Returning the id alone, or the whole row. */
  readonly id: string;
  readonly row: string;
  /** For each of the table's columns, where the values give it; -1: left out. */
  readonly given: readonly number[];
}

/** SQLite's rules for a declared type's affinity (datatype3.html, 3.1); INTEGER, REAL and NUMERIC store numbers alike here. */
function affinityOf(declared: string): Affinity {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'numeric';
  if (/CHAR|CLOB|TEXT/.test(type)) return 'text';
  if (type === '' || type.includes('BLOB')) return 'blob';
  return 'numeric';
}

/** A number SQLite gives back as it was bound (sql.js binds -0 as the integer 0). */
const plainNumber = (value: SqlValue): boolean => typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0);

/** Whether a column of `affinity` stores `value` unchanged, as sql.js reads it back. */
function keptAsIs(affinity: Affinity, value: SqlValue): boolean {
  if (value === null) return true;
  if (affinity === 'text') return typeof value === 'string';
  if (affinity === 'numeric') return plainNumber(value);
  return typeof value === 'string' || plainNumber(value);
}

const LITERAL = /^(?:'(?:[^']|'')*'|[-+]?\d+(?:\.\d+)?|NULL)$/i;

function fallbackOf(db: Reader, affinity: Affinity, declared: string | null): SqlValue | undefined {
  if (declared === null) return null;
  if (!LITERAL.test(declared)) return undefined;
  const value = db.get<{ v: SqlValue }>(`SELECT ${declared} AS v`)!.v;
  return keptAsIs(affinity, value) ? value : undefined;
}

interface ColumnInfo {
  name: string;
  type: string;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

/** The table's shape, or null when its rows cannot be foreseen: no `id INTEGER PRIMARY KEY`, or hidden or generated columns. */
export function rowShape(db: Reader, table: string): RowShape | null {
  const info = db.all<ColumnInfo>('SELECT name, type, dflt_value, pk, hidden FROM pragma_table_xinfo(?)', [table]);
  const keys = info.filter((column) => column.pk > 0);
  if (keys.length !== 1 || keys[0]!.name !== 'id' || keys[0]!.type.toUpperCase() !== 'INTEGER') return null;
  if (info.some((column) => column.hidden !== 0)) return null;
  const columns = info.map(({ name, type, dflt_value }) => {
    const affinity = affinityOf(type);
    return { name, affinity, fallback: name === 'id' ? null : fallbackOf(db, affinity, dflt_value) };
  });
  return { table, columns, idColumn: info.findIndex((column) => column.name === 'id'), inserts: new Map(), last: null };
}

/** The INSERT of `columns`; a TEXT column's value is cast to text, which it is already, so that it is bound cheaply (database.ts). */
function insertOf(shape: RowShape, columns: readonly string[]): Insert {
  // An import gives the same columns row after row: they are compared with the last ones before they are joined into a key.
  const last = shape.last;
  if (last && sameColumns(last.columns, columns)) return last;
  const key = columns.join(',');
  let insert = shape.inserts.get(key);
  if (insert === undefined) {
    const text = new Set(shape.columns.filter((column) => column.affinity === 'text').map((column) => column.name));
    const sql = `INSERT INTO ${shape.table} (${columns.join(', ')}) VALUES (${columns.map((column) => (text.has(column) ? 'CAST(? AS TEXT)' : '?')).join(', ')})`;
    const given = shape.columns.map((column) => columns.indexOf(column.name));
    insert = { columns: [...columns], id: `${sql} RETURNING id`, row: `${sql} RETURNING *`, given };
    shape.inserts.set(key, insert);
  }
  shape.last = insert;
  return insert;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The values as stored, in the table's order of columns (the id not known yet: null); null when SQLite would have changed one or worked one out. */
function foreseenValues(shape: RowShape, given: readonly number[], params: readonly SqlValue[]): SqlValue[] | null {
  const stored: SqlValue[] = new Array<SqlValue>(shape.columns.length);
  for (let i = 0; i < shape.columns.length; i++) {
    const column = shape.columns[i]!;
    const value = given[i]! < 0 ? column.fallback : params[given[i]!]!;
    if (value === undefined || !keptAsIs(column.affinity, value)) return null;
    stored[i] = value;
  }
  return stored;
}

/**
 * The row `stored` (its values in the table's order of columns) once `columns` are set to `params`;
 * null when SQLite would convert one of them (the row is then read back).
 */
export function updatedValues(shape: RowShape, stored: readonly SqlValue[], columns: readonly string[], params: readonly SqlValue[]): SqlValue[] | null {
  const row = [...stored];
  for (let i = 0; i < columns.length; i++) {
    const at = shape.columns.findIndex((column) => column.name === columns[i]);
    if (at < 0 || !keptAsIs(shape.columns[at]!.affinity, params[i]!)) return null;
    row[at] = params[i]!;
  }
  return row;
}

/**
 * Inserts `params` into `columns` (SQL names, no id) of the shape's table: the row as stored, its
 * values in the table's order of columns — foreseen, the new id read back alone, or the whole row
 * read back where SQLite converts a value or works one out.
 */
export function insertRow(writer: Writer, shape: RowShape, columns: readonly string[], params: readonly SqlValue[]): SqlValue[] {
  const insert = insertOf(shape, columns);
  const stored = foreseenValues(shape, insert.given, params);
  if (!stored) return Object.values(writer.returning<Record<string, SqlValue>>(insert.row, params)[0]!);
  stored[shape.idColumn] = writer.returning<{ id: number }>(insert.id, params)[0]!.id;
  return stored;
}
