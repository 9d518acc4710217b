import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerDatabase, type Writer } from '../../../src/core/storage/database';
import type { SqlValue } from '../../../src/core/storage/journal';
import { insertRow, rowShape } from '../../../src/core/storage/row-shape';
import { ok } from '../../../src/shared/result';
import { databaseWith } from '../../helpers/database';

/** Every kind of column SQLite tells apart: its affinities, literal defaults and one that is not. */
const TABLE = `CREATE TABLE r (
  id INTEGER PRIMARY KEY,
  t TEXT,
  tn TEXT NOT NULL DEFAULT 'pending',
  vc VARCHAR(20) DEFAULT NULL,
  i INTEGER DEFAULT 0,
  i7 INTEGER DEFAULT '7',
  re REAL DEFAULT 1.5,
  nu NUMERIC DEFAULT -2,
  b BLOB,
  untyped,
  ts TEXT DEFAULT CURRENT_TIMESTAMP
)`;
const COLUMNS = ['t', 'tn', 'vc', 'i', 'i7', 're', 'nu', 'b', 'untyped', 'ts'];

/** Runs `work` in a transaction, noting the SQL each `returning` is asked. */
function inTransaction<T>(db: LedgerDatabase, work: (w: Writer) => T): { value: T; asked: string[] } {
  const asked: string[] = [];
  let value!: T;
  db.transaction(
    (w) => {
      const returning: Writer['returning'] = (sql, params) => {
        asked.push(sql);
        return w.returning(sql, params);
      };
      value = work({ ...w, returning });
      return ok(undefined);
    },
    () => ok(undefined),
  );
  return { value, asked };
}

const value: fc.Arbitrary<SqlValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('12', ' 3.5', '1e3', 'abc', ''),
  fc.integer(),
  fc.constantFrom(-0, 2 ** 31, 0.1, -1e300),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
);

describe('a row inserted through its table’s shape', () => {
  it('is the row SQLite stored, column for column in the table’s order, whatever the values and the columns left out', async () => {
    const db = await databaseWith(TABLE);
    fc.assert(
      fc.property(fc.subarray(COLUMNS), fc.array(value, { minLength: COLUMNS.length, maxLength: COLUMNS.length }), (given, values) => {
        const columns = given.includes('tn') ? given : [...given, 'tn'];
        const params = columns.map((column) => (column === 'tn' ? (values[0] ?? 'x') : values[COLUMNS.indexOf(column)]!));
        const { value: row } = inTransaction(db, (w) => insertRow(w, rowShape(w, 'r')!, columns, params));
        expect(row).toStrictEqual(Object.values(db.get<Record<string, SqlValue>>('SELECT * FROM r WHERE id = ?', [row[0] as number])!));
        expect(row).toHaveLength(1 + COLUMNS.length);
      }),
      { numRuns: 400 },
    );
    db.close();
  });

  it('reads back only its id when the values are what the columns store', async () => {
    const db = await databaseWith(TABLE);
    const { value: row, asked } = inTransaction(db, (w) =>
      insertRow(w, rowShape(w, 'r')!, ['t', 'tn', 'i', 'i7', 're', 'b', 'untyped', 'ts'], ['问题', '已办结', 3, 7, 2, 'x', 4, '2026-03-02']),
    );
    expect(asked).toEqual([expect.stringMatching(/RETURNING id$/)]);
    expect(row).toStrictEqual([1, '问题', '已办结', null, 3, 7, 2, -2, 'x', 4, '2026-03-02']);
    db.close();
  });

  it('is read back whole when SQLite converts a value, or fills in a default it converts or that is not a constant', async () => {
    const db = await databaseWith(TABLE);
    const converted = inTransaction(db, (w) => insertRow(w, rowShape(w, 'r')!, ['tn', 'i', 'ts'], ['x', '12', 'now']));
    expect(converted.asked).toEqual([expect.stringMatching(/RETURNING \*$/)]);
    const at = (column: string): number => 1 + COLUMNS.indexOf(column);
    expect(converted.value[at('i')]).toBe(12);
    const defaulted = inTransaction(db, (w) => insertRow(w, rowShape(w, 'r')!, ['tn', 'ts'], ['x', 'now']));
    expect(defaulted.asked).toEqual([expect.stringMatching(/RETURNING \*$/)]);
    expect(defaulted.value[at('i7')]).toBe(7);
    const stamped = inTransaction(db, (w) => insertRow(w, rowShape(w, 'r')!, ['tn', 'i7'], ['x', 7]));
    expect(stamped.asked).toEqual([expect.stringMatching(/RETURNING \*$/)]);
    expect(stamped.value[at('ts')]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    db.close();
  });
});
