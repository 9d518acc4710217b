import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AuditChange, RecordJson } from '../../../src/core/audit/model';
import type { Tx } from '../../../src/core/context';
import { fromRowWithJson, type Row, type RowRecordSpec, updateRecord, updateValidated } from '../../../src/core/records';
import type { LedgerDatabase, Writer } from '../../../src/core/storage/database';
import type { SqlValue } from '../../../src/core/storage/journal';
import { makeDate } from '../../../src/shared/dates';
import { ok } from '../../../src/shared/result';
import { databaseWith } from '../../helpers/database';

/** Every affinity SQLite tells apart, and a trigger that counts the updates naming its column. */
const TABLE = `CREATE TABLE r (
  id INTEGER PRIMARY KEY,
  t TEXT,
  i INTEGER,
  re REAL,
  nu NUMERIC,
  b BLOB,
  untyped,
  updated_at TEXT
)`;
const COUNTED = [
  'CREATE TABLE fired (n INTEGER)',
  'INSERT INTO fired VALUES (0)',
  'CREATE TRIGGER r_i_update AFTER UPDATE OF i ON r BEGIN UPDATE fired SET n = n + 1; END',
];
const COLUMNS = ['t', 'i', 're', 'nu', 'b', 'untyped'] as const;

type Value = SqlValue | boolean;
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('12', ' 3.5', '1e3', '5.0', '-0', ''),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(-0, 0.5, 5, 5.0, 2 ** 53, 1e21, Number.NaN),
  fc.boolean(),
  fc.constant(null),
);
const row = fc.record(Object.fromEntries(COLUMNS.map((c) => [c, value])) as Record<(typeof COLUMNS)[number], fc.Arbitrary<Value>>);

/** The table, its trigger and the count it keeps. */
async function table(): Promise<LedgerDatabase> {
  const db = await databaseWith(TABLE);
  write(db, (tx) => COUNTED.forEach((sql) => tx.run(sql)));
  return db;
}

/** Runs `work` as a transaction of the app's, at a fixed moment, noting its audit entries in `audited`. */
function write(db: LedgerDatabase, work: (tx: Tx) => void, at = '2026-03-02T09:30:00.000+08:00', audited: AuditChange[] = []): void {
  db.transaction(
    (writer: Writer) => {
      work({ ...writer, at, today: makeDate(2026, 3, 2)!, audit: (change) => audited.push(change) });
      return ok(undefined);
    },
    () => ok(undefined),
  );
}

/** The row exactly as stored: each value quoted, so 5 and 5.0, '5' and 5, -0 and 0 read apart. */
const stored = (db: LedgerDatabase, id: number) =>
  db.get<Record<string, SqlValue>>(`SELECT ${[...COLUMNS, 'updated_at'].map((c) => `quote(${c}) AS ${c}`).join(', ')} FROM r WHERE id = ?`, [id]);

const fired = (db: LedgerDatabase): number => db.get<{ n: number }>('SELECT n FROM fired')!.n;

describe('a record updated', () => {
  it('stores exactly what setting every column would, whatever the values it held and is given', async () => {
    const db = await table();
    fc.assert(
      fc.property(row, row, (before, after) => {
        const ids: number[] = [];
        write(db, (tx) => {
          for (let twin = 0; twin < 2; twin++) {
            const bound = COLUMNS.map((c) => (typeof before[c] === 'boolean' ? Number(before[c]) : before[c]) as SqlValue);
            ids.push(tx.run(`INSERT INTO r (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`, bound).lastId);
          }
        });
        const [mine, every] = ids as [number, number];
        write(db, (tx) => {
          expect(updateRecord(tx, 'r', mine, after)).toBe(1);
          const params = COLUMNS.map((c) => (typeof after[c] === 'boolean' ? Number(after[c]) : after[c]) as SqlValue);
          tx.run(`UPDATE r SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [...params, tx.at, every]);
        });
        expect(stored(db, mine)).toStrictEqual(stored(db, every));
      }),
      { numRuns: 500 },
    );
    db.close();
  });

  it('sets only the columns whose stored value differs, and none when nothing does', async () => {
    const db = await table();
    let id = 0;
    write(db, (tx) => {
      id = tx.run("INSERT INTO r (t, i, re, updated_at) VALUES ('问题', 3, 1.5, '2026-01-01')").lastId;
    });
    write(db, (tx) => expect(updateRecord(tx, 'r', id, { t: '问题已改', i: 3, re: 1.5 })).toBe(1));
    expect(fired(db), 'i was not set: its trigger did not fire').toBe(0);
    expect(stored(db, id)).toMatchObject({ t: "'问题已改'", i: '3', updated_at: "'2026-03-02T09:30:00.000+08:00'" });
    write(db, (tx) => expect(updateRecord(tx, 'r', id, { i: 4 })).toBe(1));
    expect(fired(db)).toBe(1);
    // The same values in the same transaction's moment: nothing to write, the row still there.
    write(db, (tx) => expect(updateRecord(tx, 'r', id, { t: '问题已改', i: 4 })).toBe(1));
    expect(fired(db)).toBe(1);
    write(db, (tx) => expect(updateRecord(tx, 'r', id + 1, { i: 5 })).toBe(0));
    write(db, (tx) => expect(updateRecord(tx, 'r', id + 1, {}, false)).toBe(0));
    write(db, (tx) => expect(updateRecord(tx, 'r', id, {}, false)).toBe(1));
    db.close();
  });
});

/** A record that is its row, one column JSON, the others of every affinity. */
const RECORDS = `CREATE TABLE p (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  some_count INTEGER DEFAULT 0,
  amount REAL,
  kinds TEXT NOT NULL DEFAULT '[]',
  note,
  created_at TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT ''
)`;
interface Values {
  title: string;
  someCount: SqlValue;
  amount: number | null;
  kinds: unknown[];
  note: SqlValue;
}
const SPEC: RowRecordSpec<unknown, z.ZodType<Values>> = {
  entity: 'petition_case',
  table: 'p',
  schema: z.any(),
  load: () => undefined,
  json: ['kinds'],
  columns: (values) => ({ ...values, kinds: JSON.stringify(values.kinds) }),
};
const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"引号"\\\n', '12', '😀', ''));
const number = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0.5, 1e21, 5));
const record: fc.Arbitrary<Values> = fc.record({
  title: text,
  someCount: fc.oneof(number, text, fc.constant(null)),
  amount: fc.oneof(number, fc.constant(null)),
  kinds: fc.array(fc.jsonValue(), { maxLength: 2 }),
  note: fc.oneof(text, number, fc.constant(null)),
});

describe('a record updated from validated values', () => {
  it('is audited as the JSON of its row before and after, byte for byte, whether the row after was foreseen or read back', async () => {
    const db = await databaseWith(RECORDS);
    const row = (id: number) => db.get<Row>('SELECT * FROM p WHERE id = ?', [id])!;
    fc.assert(
      fc.property(record, record, (first, then) => {
        let id = 0;
        write(db, (tx) => {
          id = tx.run('INSERT INTO p (title, some_count, amount, kinds, note) VALUES (?, ?, ?, ?, ?)', [
            first.title,
            first.someCount,
            first.amount,
            JSON.stringify(first.kinds),
            first.note,
          ]).lastId;
        });
        const before = JSON.stringify(fromRowWithJson(row(id), SPEC.json));
        const audited: AuditChange[] = [];
        write(db, (tx) => expect(updateValidated(tx, SPEC, id, then)).toEqual({ ok: true, value: id }), undefined, audited);
        expect(audited).toHaveLength(1);
        expect(audited[0]).toMatchObject({ action: 'update', entity: 'petition_case', entityId: id });
        expect((audited[0]!.before as RecordJson).text).toBe(before);
        expect((audited[0]!.after as RecordJson).text).toBe(JSON.stringify(fromRowWithJson(row(id), SPEC.json)));
      }),
      { numRuns: 400 },
    );
    write(db, (tx) =>
      expect(updateValidated(tx, SPEC, 9_999, { title: '', someCount: null, amount: null, kinds: [], note: null })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      }),
    );
    db.close();
  });
});
