import type { Tx } from './context';
import type { Reader, Writer } from './storage/database';

/**
 * The ledger's settings table: values kept by key (column mappings an import remembers, the unit
 * workbooks sent out, the month the office collects). Values are JSON; every change is audited.
 */
export function readSetting<T>(db: Reader, key: string): T | undefined {
  const row = db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as T) : undefined;
}

/** Keys under `prefix`, with their values. */
export function readSettings<T>(db: Reader, prefix: string): { key: string; value: T }[] {
  return db
    .all<{ key: string; value: string }>("SELECT key, value FROM settings WHERE key >= ? AND key < ? || '\uffff' ORDER BY key", [prefix, prefix])
    .map((row) => ({ key: row.key, value: JSON.parse(row.value) as T }));
}

/** Stores a value as it is, unaudited: for the ledger's own bookkeeping and a migration's seed; changes go through writeSetting. */
export function storeSetting(writer: Writer, key: string, value: unknown): void {
  writer.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
}

export function writeSetting(tx: Tx, key: string, value: unknown): void {
  const before = readSetting<unknown>(tx, key);
  storeSetting(tx, key, value);
  tx.audit({
    action: before === undefined ? 'create' : 'update',
    entity: 'settings',
    entityId: null,
    before: before === undefined ? null : { key, value: before },
    after: { key, value },
  });
}
