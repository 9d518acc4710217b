import { describe, expect, it } from 'vitest';
import type { LedgerDatabase, Writer } from '../../../src/core/storage/database';
import { BULK_ROWS, withIndexesAfter } from '../../../src/core/storage/bulk-load';
import { err, ok, type Result } from '../../../src/shared/result';
import { dubanError } from '../../../src/shared/errors';
import { databaseWith } from '../../helpers/database';

const TABLE = 'CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, a INTEGER, b TEXT)';
const INDEXES = ['CREATE INDEX t_a ON t (a)', 'CREATE INDEX t_ab ON t (a, b) WHERE b IS NOT NULL'];

async function table(rows: number): Promise<LedgerDatabase> {
  const db = await databaseWith(TABLE);
  inTransaction(db, (w) => {
    for (const index of INDEXES) w.run(index);
    insert(w, 0, rows);
    return ok(undefined);
  });
  return db;
}

function inTransaction<T>(db: LedgerDatabase, work: (w: Writer) => Result<T>): Result<T> {
  return db.transaction(work, () => ok(undefined));
}

function insert(w: Writer, from: number, rows: number): void {
  for (let i = from; i < from + rows; i++) w.run('INSERT INTO t (k, a, b) VALUES (?, ?, ?)', [`k${i}`, i % 7, i % 3 ? `b${i}` : null]);
}

const indexes = (db: Pick<Writer, 'all'>) =>
  db.all<{ name: string; sql: string | null }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name");
const declared = (db: Pick<Writer, 'all'>) => indexes(db).filter((index) => index.sql !== null);

/** Loads `rows` more rows through `withIndexesAfter`: the indexes seen while they went in, and the answer. */
function load(db: LedgerDatabase, rows: number, fail = false) {
  let during: string[] = [];
  const result = inTransaction(db, (w) =>
    withIndexesAfter(w, 't', rows, () => {
      insert(w, 100_000, rows);
      during = declared(w).map((index) => index.name);
      return fail ? err(dubanError('duplicate')) : ok(rows);
    }),
  );
  return { during, result };
}

describe('rows that at least double a table', () => {
  it('go in without its declared indexes, which are built after them as the schema declares them', async () => {
    const db = await table(10);
    const before = indexes(db);
    const { during, result } = load(db, BULK_ROWS);
    expect(result).toEqual(ok(BULK_ROWS));
    expect(during).toEqual([]);
    expect(
      indexes(db)
        .map((index) => [index.name, index.sql])
        .sort(),
    ).toEqual(before.map((index) => [index.name, index.sql]).sort());
    expect(db.get<{ integrity_check: string }>('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    const plan = db.all<{ detail: string }>('EXPLAIN QUERY PLAN SELECT id FROM t WHERE a = 3').map((row) => row.detail);
    expect(plan.join(' ')).toMatch(/USING (COVERING )?INDEX t_a/);
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM t WHERE a = 3')!.n).toBe(
      Array.from({ length: 10 + BULK_ROWS }, (_, i) => (i < 10 ? i : 100_000 + i - 10) % 7).filter((a) => a === 3).length,
    );
  });

  it('still meet the UNIQUE constraint as each goes in', async () => {
    const db = await table(0);
    expect(() =>
      inTransaction(db, (w) =>
        withIndexesAfter(w, 't', BULK_ROWS, () => {
          insert(w, 0, BULK_ROWS);
          insert(w, 5, 1);
          return ok(undefined);
        }),
      ),
    ).toThrow(/UNIQUE/);
    expect(declared(db).map((index) => index.name)).toEqual(['t_a', 't_ab']);
  });

  it('leave the indexes where they were when the write fails and its transaction is undone', async () => {
    const db = await table(0);
    const { during, result } = load(db, 2 * BULK_ROWS, true);
    expect(result.ok).toBe(false);
    expect(during).toEqual([]);
    expect(declared(db).map((index) => index.name)).toEqual(['t_a', 't_ab']);
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM t')!.n).toBe(0);
  });
});

describe('rows that do not double a table, or are few', () => {
  it('go in with its indexes kept', async () => {
    expect(load(await table(BULK_ROWS + 1), BULK_ROWS).during).toEqual(['t_a', 't_ab']);
    expect(load(await table(0), BULK_ROWS - 1).during).toEqual(['t_a', 't_ab']);
  });
});
