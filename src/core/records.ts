import { dubanError } from '../shared/errors';
import type { z } from 'zod';
import { err, ok, type Result } from '../shared/result';
import { invalid, validate } from '../shared/validation';
import type { EntityName } from './entities';
import type { LedgerContext, Tx } from './context';
import { referencesTo, type Use } from './references';
import type { Reader } from './storage/database';
import type { SqlValue } from './storage/journal';
import { insertRow, type RowShape, rowShape, updatedValues } from './storage/row-shape';
import { RecordJson } from './audit/model';

/**
 * Mapping between rows (snake_case columns) and records (camelCase properties), and the audited
 * change that every service uses to record what an entity looked like before and after.
 */
export type Row = Record<string, SqlValue>;
type Value = SqlValue | boolean | undefined;

/** Names are converted on every row read and written; the few there are are converted once. */
function memoised(convert: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let converted = known.get(name);
    if (converted === undefined) known.set(name, (converted = convert(name)));
    return converted;
  };
}

/** A record's property as its row's column. */
export const snake = memoised((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const camel = memoised((name) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

/** A row as a record; the named columns hold 0/1 and become booleans. */
export function fromRow<T>(row: Row, booleans: readonly string[] = []): T {
  const record: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    const key = camel(column);
    record[key] = booleans.includes(key) ? value === 1 : value;
  }
  return record as T;
}

/**
 * A row as a record whose JSON columns (snake_case, as named) are parsed; they come last, in the
 * order named, where the record has always had them (the audit's entries show it so).
 */
export function fromRowWithJson<T>(row: Row, json: readonly string[]): T {
  const record: Record<string, unknown> = {};
  for (const column in row) if (!json.includes(column)) record[camel(column)] = row[column];
  for (const column of json) record[camel(column)] = JSON.parse(row[column] as string);
  return record as T;
}

/**
 * The defined values' columns and values, booleans as 0/1, then the `stamps` columns holding `at`;
 * one pass, without copying the values, as an import makes it for every row.
 */
function columnsOf(values: Record<string, Value>, stamps: readonly string[] = [], at = ''): [string[], SqlValue[]] {
  const columns: string[] = [];
  const params: SqlValue[] = [];
  for (const key in values) {
    const value = values[key];
    if (value === undefined || stamps.includes(key)) continue;
    columns.push(snake(key));
    params.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
  for (const stamp of stamps) {
    columns.push(snake(stamp));
    params.push(at);
  }
  return [columns, params];
}

const insertSql = (table: string, columns: readonly string[]): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

const CREATED = ['createdAt', 'updatedAt'];
const UPDATED = ['updatedAt'];

const stampedColumns = (tx: Tx, values: Record<string, Value>, stamped: boolean) => columnsOf(values, stamped ? CREATED : [], tx.at);

/** Inserts a record into `table`, stamping created_at and updated_at when `stamped`; the new id. */
export function insertRecord(tx: Tx, table: string, values: Record<string, Value>, stamped = true): number {
  const [columns, params] = stampedColumns(tx, values, stamped);
  return tx.run(insertSql(table, columns), params).lastId;
}

/**
 * Updates a record's columns among `values` whose stored value differs, stamping updated_at when
 * `stamped`; 1 when the record exists (changed or not), 0 when it does not. A column set to what it holds
 * costs its indexes and triggers as much as a change: an import's cases, saved whole each month,
 * mostly change a column or two. The stored value counts as the same only when it is the very value
 * bound (`Object.is`): one SQLite would convert (a number into a text column, a boolean) is written.
 */
export function updateRecord(tx: Tx, table: string, id: number, values: Record<string, Value>, stamped = true): number {
  const [columns, params] = columnsOf(values, stamped ? UPDATED : [], tx.at);
  if (columns.length === 0) return exists(tx, table, id) ? 1 : 0;
  const stored = tx.get<Row>(`SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`, [id]);
  if (!stored) return 0;
  setChanged(tx, table, id, stored, columns, params);
  return 1;
}

/** Sets the columns whose value differs from the row `stored` holds (read with at least those columns); the columns set and their values. */
function setChanged(tx: Tx, table: string, id: number, stored: Row, columns: readonly string[], params: readonly SqlValue[]): [string[], SqlValue[]] {
  const changed: string[] = [];
  const values: SqlValue[] = [];
  columns.forEach((column, i) => {
    if (Object.is(stored[column], params[i])) return;
    changed.push(column);
    values.push(params[i]!);
  });
  if (changed.length > 0) tx.run(`UPDATE ${table} SET ${changed.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`, [...values, id]);
  return [changed, values];
}

export const deleteRecord = (tx: Tx, table: string, id: number): number => tx.run(`DELETE FROM ${table} WHERE id = ?`, [id]).changes;

export const exists = (db: Reader, table: string, id: number): boolean => db.get(`SELECT 1 AS x FROM ${table} WHERE id = ?`, [id]) !== undefined;

/** What `audited` changed: the entity's id, and the entity as saved (undefined once deleted). */
export interface Audited<E> {
  readonly id: number;
  readonly after: E | undefined;
}

/**
 * Runs `change` and records in the audit log the entity as `load` sees it before and after.
 * `change` returns the entity's id (a new one for a creation); the action follows from what exists.
 */
export function audited<E>(tx: Tx, entity: EntityName, id: number | null, load: (db: Reader, id: number) => E | undefined, change: () => number): Audited<E> {
  return auditedFrom(tx, entity, id === null ? undefined : load(tx, id), load, change);
}

/** `audited`, the entity as it was already loaded (undefined for a creation). */
function auditedFrom<E>(tx: Tx, entity: EntityName, before: E | undefined, load: (db: Reader, id: number) => E | undefined, change: () => number): Audited<E> {
  const changedId = change();
  const after = load(tx, changedId);
  recordChange(tx, entity, changedId, before, after);
  return { id: changedId, after };
}

function recordChange<E>(tx: Tx, entity: EntityName, id: number, before: E | undefined, after: E | undefined): void {
  tx.audit({
    action: before === undefined ? 'create' : after === undefined ? 'delete' : 'update',
    entity,
    entityId: id,
    before: before ?? null,
    after: after ?? null,
  });
}

/** Records an existing record's change (an update, or its deletion) as `audited` does. */
export function auditedChange<E>(tx: Tx, entity: EntityName, id: number, load: (db: Reader, id: number) => E | undefined, change: () => void): void {
  audited(tx, entity, id, load, () => {
    change();
    return id;
  });
}

/** A reference a record makes: the field holding it, the table it names, the id or ids (null: none chosen). */
export type Reference = readonly [field: string, table: string, ids: number | null | readonly number[]];

/** The first reference that names a row its table lacks, as that field's error (a list's names the id). */
export function checkReferences(db: Reader, references: readonly Reference[]): Result<void> {
  for (const [field, table, ids] of references) {
    const list = ids === null ? [] : typeof ids === 'number' ? [ids] : ids;
    const missing = list.find((id) => !exists(db, table, id));
    if (missing !== undefined) return typeof ids === 'number' ? invalid(field, 'unknown_reference') : invalid(field, 'unknown_reference', { id: missing });
  }
  return ok(undefined);
}

export const notFound = (entity: EntityName, id: number) => err(dubanError('not_found', { entity, id }));

/** The entity, or a not-found error naming it. */
export function found<E>(entity: EntityName, id: number, value: E | undefined): Result<E> {
  return value === undefined ? notFound(entity, id) : ok(value);
}

/**
 * Deletes an entity unless other rows refer to it (then `in_use`, naming the tables), recording the
 * deletion in the audit log with the entity as it was. `alsoUsedBy` names uses the foreign keys do
 * not show: history that would cascade away with the row, or rows that refer to it by kind and id.
 */
export function removeUnlessUsed<E>(
  ctx: LedgerContext,
  entity: EntityName,
  table: string,
  id: number,
  load: (db: Reader, id: number) => E | undefined,
  alsoUsedBy: (db: Reader, id: number) => Use[] = () => [],
): Result<void> {
  return ctx.write((tx) => {
    if (!load(tx, id)) return notFound(entity, id);
    const uses = [...referencesTo(tx, table, id), ...alsoUsedBy(tx, id)];
    if (uses.length > 0) return err(dubanError('in_use', { entity, uses: uses.map((u) => `${u.table}:${u.count}`).join(',') }));
    auditedChange(tx, entity, id, load, () => deleteRecord(tx, table, id));
    return ok(undefined);
  });
}

/** How one kind of record is validated, stored and reloaded; see `saveRecord`. */
export interface RecordSpec<E, S extends z.ZodType> {
  readonly entity: EntityName;
  readonly table: string;
  readonly schema: S;
  readonly load: (db: Reader, id: number) => E | undefined;
  /** Rules that need the ledger (uniqueness, references), checked inside the transaction. */
  readonly check?: (tx: Tx, values: z.output<S>, id: number | null) => Result<void>;
  /** The row's own columns, when the input also holds related rows (default: all of it). */
  readonly columns?: (values: z.output<S>) => Record<string, Value>;
  /** Writes the related rows (contacts, units of a task) once the row has its id. */
  readonly relations?: (tx: Tx, id: number, values: z.output<S>) => void;
}

/** A kind of record that is its row alone (no related rows): the row's columns, its JSON columns parsed. */
export interface RowRecordSpec<E, S extends z.ZodType> extends RecordSpec<E, S> {
  /** The columns (snake_case) holding JSON, in the order the record has them, last (see `fromRowWithJson`). */
  readonly json: readonly string[];
  readonly relations?: never;
}

/** One property of a record as its JSON: the key written out (with the comma before it), its column among the row's. */
interface RecordField {
  readonly prefix: string;
  readonly column: number;
  readonly json: boolean;
}

/** A table's shape, and how a row of it is written as its record's JSON; null when its rows cannot be foreseen. */
interface Layout {
  readonly shape: RowShape;
  readonly fields: readonly RecordField[];
}

/** The record's properties in the order `fromRowWithJson` gives them: the row's own columns, then its JSON ones as named. */
function layoutOf(shape: RowShape, json: readonly string[]): Layout {
  const names = shape.columns.map((column) => column.name);
  const order = [...names.filter((name) => !json.includes(name)), ...json];
  const fields = order.map((name, i) => ({
    prefix: `${i > 0 ? ',' : ''}${JSON.stringify(camel(name))}:`,
    column: names.indexOf(name),
    json: json.includes(name),
  }));
  return { shape, fields };
}

/**
 * The JSON text of the record `fromRowWithJson` makes of the row stored, without making it: the text
 * `JSON.stringify` gives an object is its properties' keys and values, each as `JSON.stringify` gives
 * it, in order (no value here is undefined).
 */
function recordJson(fields: readonly RecordField[], stored: readonly SqlValue[]): string {
  let text = '{';
  for (const field of fields) {
    const value = stored[field.column]!;
    text += field.prefix + JSON.stringify(field.json ? JSON.parse(value as string) : value);
  }
  return `${text}}`;
}

/** Each transaction's layouts, worked out once however many rows it creates (an import: tens of thousands). */
const layouts = new WeakMap<Tx, Map<object, Layout | null>>();

function layoutFor<E, S extends z.ZodType>(tx: Tx, spec: RowRecordSpec<E, S>): Layout | null {
  let known = layouts.get(tx);
  if (!known) layouts.set(tx, (known = new Map()));
  if (!known.has(spec)) {
    const shape = rowShape(tx, spec.table);
    known.set(spec, shape && layoutOf(shape, spec.json));
  }
  return known.get(spec)!;
}

/** Inserts the row; the new id and its record's JSON text, from the values where the table's shape foresees the row. */
function insertedJson<E, S extends z.ZodType>(tx: Tx, spec: RowRecordSpec<E, S>, columns: string[], params: SqlValue[]): [number, string] {
  const layout = layoutFor(tx, spec);
  if (layout) {
    const stored = insertRow(tx, layout.shape, columns, params);
    return [stored[layout.shape.idColumn] as number, recordJson(layout.fields, stored)];
  }
  const row = tx.returning<Row>(`${insertSql(spec.table, columns)} RETURNING *`, params)[0]!;
  return [row.id as number, rowJson(null, spec.json, row)];
}

/** A stored row's record as JSON text: written from the row where the table's layout is known, else the record made and stringified. */
const rowJson = (layout: Layout | null, json: readonly string[], row: Row): string =>
  layout ? recordJson(layout.fields, Object.values(row)) : JSON.stringify(fromRowWithJson(row, json));

/**
 * Creates a record from values already validated against `spec.schema` (an import's plan did, row
 * by row): checked against the ledger, inserted, and audited with the row as written — the entry
 * `saveRecord` makes, without validating again, and reading back only the new id where the table's
 * shape tells the rest (storage/row-shape.ts). The new id: an import has no use for the record.
 */
export function createValidated<E, S extends z.ZodType>(tx: Tx, spec: RowRecordSpec<E, S>, values: z.output<S>): Result<number> {
  const checked = spec.check?.(tx, values, null) ?? ok(undefined);
  if (!checked.ok) return checked;
  const [columns, params] = stampedColumns(tx, spec.columns ? spec.columns(values) : (values as Record<string, Value>), true);
  const [id, json] = insertedJson(tx, spec, columns, params);
  recordChange(tx, spec.entity, id, undefined, new RecordJson(json));
  return ok(id);
}

/**
 * Updates a record from values already validated against `spec.schema` (an import's plan did): checked
 * against the ledger, its changed columns set, and audited with the row as it was and as written — the
 * entry `saveRecord` makes, reading the row once where the table's shape tells how it is stored after.
 */
export function updateValidated<E, S extends z.ZodType>(tx: Tx, spec: RowRecordSpec<E, S>, id: number, values: z.output<S>): Result<number> {
  const stored = (): Row | undefined => tx.get<Row>(`SELECT * FROM ${spec.table} WHERE id = ?`, [id]);
  const before = stored();
  if (!before) return notFound(spec.entity, id);
  const checked = spec.check?.(tx, values, id) ?? ok(undefined);
  if (!checked.ok) return checked;
  const [columns, params] = columnsOf(spec.columns ? spec.columns(values) : (values as Record<string, Value>), UPDATED, tx.at);
  const [changed, written] = setChanged(tx, spec.table, id, before, columns, params);
  const layout = layoutFor(tx, spec);
  const foreseen = layout && updatedValues(layout.shape, Object.values(before), changed, written);
  const after = foreseen ? recordJson(layout.fields, foreseen) : rowJson(layout, spec.json, stored()!);
  recordChange(tx, spec.entity, id, new RecordJson(rowJson(layout, spec.json, before)), new RecordJson(after));
  return ok(id);
}

/** Validates `input` and creates (id null) or replaces the record, audited, in one transaction. */
export function saveRecord<E, S extends z.ZodType>(ctx: LedgerContext, spec: RecordSpec<E, S>, id: number | null, input: unknown): Result<E> {
  const valid = validate(spec.schema, input);
  if (!valid.ok) return valid;
  const values = valid.value;
  return ctx.write((tx) => {
    const before = id === null ? undefined : spec.load(tx, id);
    if (id !== null && before === undefined) return notFound(spec.entity, id);
    const checked = spec.check?.(tx, values, id) ?? ok(undefined);
    if (!checked.ok) return checked;
    const columns = spec.columns ? spec.columns(values) : (values as Record<string, Value>);
    // The record loaded to find it is the audit's before, and its last load the record as saved: the answer.
    const { after } = auditedFrom(tx, spec.entity, before, spec.load, () => {
      const rowId = id ?? insertRecord(tx, spec.table, columns);
      if (id !== null) updateRecord(tx, spec.table, id, columns);
      spec.relations?.(tx, rowId, values);
      return rowId;
    });
    return ok(after!);
  });
}
