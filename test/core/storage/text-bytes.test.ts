import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type LedgerDatabase, loadSqlEngine } from '../../../src/core/storage/database';
import type { SqlValue } from '../../../src/core/storage/journal';
import { ok } from '../../../src/shared/result';
import { databaseWith } from '../../helpers/database';

afterEach(() => vi.restoreAllMocks());

const write = (db: LedgerDatabase, sql: string, params: SqlValue[]): void => {
  db.transaction(
    (w) => ok(w.run(sql, params)),
    () => ok(undefined),
  );
};

/** What each `bind` of sql.js's statements was given, while `work` runs. */
async function boundDuring(work: () => void): Promise<unknown[][]> {
  const probe = new (await loadSqlEngine()).Database();
  const bind = vi.spyOn(Object.getPrototypeOf(probe.prepare('SELECT 1')) as { bind: (values?: unknown) => boolean }, 'bind');
  probe.close();
  work();
  return bind.mock.calls.map(([values]) => (Array.isArray(values) ? values : []));
}

const TABLE = 'CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, n INTEGER)';
const CAST = 'INSERT INTO t (a, b, n) VALUES (CAST(? AS TEXT), ?, ?)';

describe('a string bound where the SQL casts it to text', () => {
  it('goes to SQLite as its UTF-8 bytes, not through sql.js’s own encoder; the other slots as they are', async () => {
    const db = await databaseWith(TABLE);
    const bound = await boundDuring(() => write(db, CAST, ['锅炉烟囱冒黑烟', '夜间施工', 3]));
    const insert = bound.find((values) => values.length === 3)!;
    expect(insert[0]).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(insert[0] as Uint8Array)).toBe('锅炉烟囱冒黑烟');
    expect(insert.slice(1)).toEqual(['夜间施工', 3]);
    db.close();
  });

  it('is stored exactly as a string bound plainly is: text, the same characters, whatever they are', async () => {
    const db = await databaseWith(TABLE);
    // Lone surrogates included: sql.js writes their code units, which the standard encoder would replace.
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'a\u0000b', '\ud800x', "it's ?"));
    fc.assert(
      fc.property(fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.constant(null)), (value) => {
        write(db, 'DELETE FROM t', []);
        write(db, CAST, [value, value, null]);
        const [row] = db.all<{ a: SqlValue; b: SqlValue; same: number; kind: string }>('SELECT a, b, a IS b AS same, typeof(a) AS kind FROM t');
        expect(row!.same).toBe(1);
        expect(row!.kind).toBe(value === null ? 'null' : 'text');
      }),
      { numRuns: 300 },
    );
    db.close();
  });

  it('is recorded for the journal as the string it was', async () => {
    const db = await databaseWith(TABLE);
    let recorded: unknown;
    db.transaction(
      (w) => ok(w.run(CAST, ['问责', 'x', 1])),
      (changes) => {
        recorded = changes;
        return ok(undefined);
      },
    );
    expect(recorded).toEqual({ kind: 'statements', statements: [[CAST, ['问责', 'x', 1]]] });
    db.close();
  });
});
