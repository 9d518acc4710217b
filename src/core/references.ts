import type { Reader } from './storage/database';

/**
 * Which rows refer to a row, read from the schema's own foreign keys, so that a new table with a
 * reference is covered without touching this code. References that cascade on delete (a unit's
 * contacts, a task's progress reports) are parts of the row, not uses of it, and are left out.
 */
export interface ForeignKey {
  readonly table: string;
  readonly column: string;
}

/** The schema is fixed by its version, so the keys are read once per version and table. */
const cache = new Map<string, ForeignKey[]>();

function foreignKeysTo(db: Reader, target: string): ForeignKey[] {
  const version = db.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0;
  const cacheKey = `${version}:${target}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const tables = db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  const keys: ForeignKey[] = [];
  for (const { name } of tables) {
    for (const fk of db.all<{ table: string; from: string; on_delete: string }>(`SELECT * FROM pragma_foreign_key_list('${name}')`)) {
      if (fk.table === target && fk.on_delete !== 'CASCADE') keys.push({ table: name, column: fk.from });
    }
  }
  cache.set(cacheKey, keys);
  return keys;
}

export interface Use {
  readonly table: string;
  readonly count: number;
}

/** How many rows of each of `keys` hold `id`: the ones that hold any. */
export function rowsReferring(db: Reader, keys: readonly ForeignKey[], id: number): Use[] {
  const uses: Use[] = [];
  for (const key of keys) {
    const count = db.get<{ n: number }>(`SELECT count(*) AS n FROM ${key.table} WHERE ${key.column} = ?`, [id])?.n ?? 0;
    if (count > 0) uses.push({ table: key.table, count });
  }
  return uses;
}

export const referencesTo = (db: Reader, table: string, id: number): Use[] => rowsReferring(db, foreignKeysTo(db, table), id);
