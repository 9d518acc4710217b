import type { Result } from '../../shared/result';
import { invalid } from '../../shared/validation';
import { ok } from '../../shared/result';
import type { LedgerContext } from '../context';
import { found, fromRow, insertRecord, type RecordSpec, removeUnlessUsed, type Row, saveRecord } from '../records';
import type { Reader } from '../storage/database';
import type { SqlValue } from '../storage/journal';
import { type Unit, type UnitContact, type UnitInput, unitInput, type UnitKind } from './model';
import type { UnitRef } from '../tasks/model';

export interface UnitFilter {
  readonly kind?: UnitKind;
  readonly includeArchived?: boolean;
}

const ORDER = "ORDER BY sort_order, CASE kind WHEN 'resident' THEN 0 WHEN 'supervised' THEN 1 ELSE 2 END, name";

function contactsOf(db: Reader, unitId: number): UnitContact[] {
  return db.all<UnitContact>('SELECT name, position, phone FROM unit_contacts WHERE unit_id = ? ORDER BY sort_order, id', [unitId]);
}

function toUnit(db: Reader, row: Row): Unit {
  const unit = fromRow<Omit<Unit, 'contacts'>>(row, ['archived']);
  return { ...unit, contacts: contactsOf(db, unit.id) };
}

export function loadUnit(db: Reader, id: number): Unit | undefined {
  const row = db.get<Row>('SELECT * FROM units WHERE id = ?', [id]);
  return row ? toUnit(db, row) : undefined;
}

/** A unit as lists name it: its id and its full and short names. */
export const unitRef = ({ id, name, shortName }: Unit): UnitRef => ({ id, name, shortName });

const selectUnits = (columns: string, filter: UnitFilter): { sql: string; params: Record<string, SqlValue> } => {
  const where = [filter.includeArchived ? '1' : 'archived = 0', filter.kind ? 'kind = $kind' : '1'].join(' AND ');
  return { sql: `SELECT ${columns} FROM units WHERE ${where} ${ORDER}`, params: filter.kind ? { kind: filter.kind } : {} };
};

export function listUnits(db: Reader, filter: UnitFilter = {}): Unit[] {
  const { sql, params } = selectUnits('*', filter);
  return db.all<Row>(sql, params).map((row) => toUnit(db, row));
}

/** The ids of the units `listUnits` would list, in its order, without reading each unit's contacts. */
export function listUnitIds(db: Reader, filter: UnitFilter = {}): number[] {
  const { sql, params } = selectUnits('id', filter);
  return db.all<{ id: number }>(sql, params).map((row) => row.id);
}

/** A unit by its full name or its short name, compared without spaces. */
export function findUnitByName(db: Reader, name: string): Unit | undefined {
  const key = name.replace(/\s+/g, '');
  if (!key) return undefined;
  const row = db.get<Row>(
    "SELECT * FROM units WHERE replace(name, ' ', '') = $key OR (short_name <> '' AND replace(short_name, ' ', '') = $key) ORDER BY archived LIMIT 1",
    { key },
  );
  return row ? toUnit(db, row) : undefined;
}

const UNIT: RecordSpec<Unit, typeof unitInput> = {
  entity: 'unit',
  table: 'units',
  schema: unitInput,
  load: loadUnit,
  check: (tx, values, id) =>
    tx.get('SELECT 1 AS x FROM units WHERE name = ? AND id <> ?', [values.name, id ?? 0]) ? invalid('name', 'duplicate') : ok(undefined),
  columns: ({ contacts: _contacts, ...columns }) => columns,
  relations: (tx, unitId, { contacts }) => {
    tx.run('DELETE FROM unit_contacts WHERE unit_id = ?', [unitId]);
    contacts.forEach((contact, index) => insertRecord(tx, 'unit_contacts', { unitId, ...contact, sortOrder: index }, false));
  },
};

export function unitService(ctx: LedgerContext) {
  return {
    list: (filter?: UnitFilter) => listUnits(ctx.db, filter),
    get: (id: number): Result<Unit> => found('unit', id, loadUnit(ctx.db, id)),
    findByName: (name: string) => findUnitByName(ctx.db, name),
    create: (input: UnitInput) => saveRecord(ctx, UNIT, null, input),
    update: (id: number, input: UnitInput) => saveRecord(ctx, UNIT, id, input),
    /** A unit that tasks, reports or cases refer to cannot be deleted: archive it instead. */
    remove: (id: number) => removeUnlessUsed(ctx, 'unit', 'units', id, loadUnit),
  };
}

export type UnitService = ReturnType<typeof unitService>;
