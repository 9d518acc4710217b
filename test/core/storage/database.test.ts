import { describe, expect, it } from 'vitest';
import { LedgerDatabase, MAX_PREPARED } from '../../../src/core/storage/database';
import { dubanError } from '../../../src/shared/errors';
import { err, ok } from '../../../src/shared/result';
import { databaseWith } from '../../helpers/database';

const FINE = "CREATE TABLE fine (id INTEGER PRIMARY KEY, yuan INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '')";

describe('the database in memory', () => {
  it('reads rows as records, and sees the columns a migration adds', async () => {
    const db = await LedgerDatabase.fromImage();
    const write = (sql: string, params?: (string | number)[]) =>
      db.transaction(
        (w) => ok(w.run(sql, params)),
        () => ok(undefined),
      );
    write('CREATE TABLE unit (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    write('INSERT INTO unit (name) VALUES (?)', ['水利厅']);
    expect(db.all('SELECT * FROM unit')).toEqual([{ id: 1, name: '水利厅' }]);
    write("ALTER TABLE unit ADD COLUMN kind TEXT NOT NULL DEFAULT 'supervised'");
    expect(db.all('SELECT * FROM unit')).toEqual([{ id: 1, name: '水利厅', kind: 'supervised' }]);
    expect(db.all('SELECT * FROM unit WHERE id = ?', [2])).toEqual([]);
    db.close();
  });

  it('tells the caller that a transaction changed too much to record, statement by statement', async () => {
    const db = await LedgerDatabase.fromImage();
    const seen: string[] = [];
    db.transaction(
      (w) => ok(w.run('CREATE TABLE note (text TEXT)')),
      (changes) => {
        seen.push(changes.kind);
        return ok(undefined);
      },
    );
    db.transaction(
      (w) => {
        for (let i = 0; i < 100; i++) w.run('INSERT INTO note VALUES (?)', ['整改进展'.repeat(10)]);
        return ok(undefined);
      },
      (changes) => {
        seen.push(changes.kind);
        return ok(undefined);
      },
      2_000,
    );
    expect(seen).toEqual(['statements', 'whole']);
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM note')?.n).toBe(100);
    db.close();
  });

  it('answers a write with RETURNING with the row as stored, and records it for the journal like any write', async () => {
    const db = await databaseWith(FINE);
    const recorded: unknown[] = [];
    const rows = db.transaction(
      (w) => ok(w.returning('INSERT INTO fine (yuan) VALUES (?) RETURNING *', [3500.0])),
      (changes) => {
        recorded.push(changes);
        return ok(undefined);
      },
    );
    expect(rows).toEqual(ok([{ id: 1, yuan: 3500, note: '' }]));
    expect(recorded).toEqual([{ kind: 'statements', statements: [['INSERT INTO fine (yuan) VALUES (?) RETURNING *', [3500]]] }]);
    const replayed = await databaseWith(FINE);
    expect(replayed.replay({ at: 0, statements: [['INSERT INTO fine (yuan) VALUES (?) RETURNING *', [3500]]] })).toBe(true);
    expect(replayed.all('SELECT * FROM fine')).toEqual([{ id: 1, yuan: 3500, note: '' }]);
    db.close();
    replayed.close();
  });

  it('records each statement with its parameters as they were bound, though the writer reuses its array', async () => {
    const db = await databaseWith(FINE);
    const recorded: unknown[] = [];
    db.transaction(
      (w) => {
        const values: number[] = [100];
        w.run('INSERT INTO fine (yuan) VALUES (?)', values);
        values[0] = 200;
        w.run('INSERT INTO fine (yuan) VALUES (?)', values);
        const named: Record<string, number | string> = { yuan: 300, note: '逾期' };
        w.run('INSERT INTO fine (yuan, note) VALUES ($yuan, $note)', named);
        named.yuan = 400;
        return ok(undefined);
      },
      (changes) => {
        recorded.push(changes);
        return ok(undefined);
      },
    );
    expect(recorded).toEqual([
      {
        kind: 'statements',
        statements: [
          ['INSERT INTO fine (yuan) VALUES (?)', [100]],
          ['INSERT INTO fine (yuan) VALUES (?)', [200]],
          ['INSERT INTO fine (yuan, note) VALUES ($yuan, $note)', { $yuan: 300, $note: '逾期' }],
        ],
      },
    ]);
    expect(db.all('SELECT yuan FROM fine ORDER BY id')).toEqual([{ yuan: 100 }, { yuan: 200 }, { yuan: 300 }]);
    db.close();
  });

  it("does not let an earlier write's new id be read once a write with RETURNING has run", async () => {
    const db = await databaseWith('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)');
    db.transaction(
      (w) => {
        const first = w.run('INSERT INTO note (text) VALUES (?)', ['一']);
        w.returning('INSERT INTO note (text) VALUES (?) RETURNING id', ['二']);
        expect(() => first.lastId).toThrow('lastId read after another statement ran');
        return ok(undefined);
      },
      () => ok(undefined),
    );
    db.close();
  });
  it('keeps its lock and its rollback journal to itself, through a write undone and an image taken or opened', async () => {
    const modes = (db: LedgerDatabase) => ({
      locking: db.get<{ locking_mode: string }>('PRAGMA locking_mode')?.locking_mode,
      journal: db.get<{ journal_mode: string }>('PRAGMA journal_mode')?.journal_mode,
    });
    const held = { locking: 'exclusive', journal: 'truncate' };
    const db = await databaseWith('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)');
    expect(modes(db)).toEqual(held);
    db.transaction(
      (w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['留下'])),
      () => ok(undefined),
    );
    const undone = db.transaction(
      (w) => {
        w.run('INSERT INTO note (text) VALUES (?)', ['撤销']);
        w.run('UPDATE note SET text = ? WHERE id = 1', ['改过']);
        return err(dubanError('ledger.io'));
      },
      () => ok(undefined),
    );
    expect(undone.ok).toBe(false);
    expect(db.all('SELECT text FROM note')).toEqual([{ text: '留下' }]);
    const image = db.image();
    expect(modes(db)).toEqual(held);
    const reopened = await LedgerDatabase.fromImage(image);
    expect(modes(reopened)).toEqual(held);
    expect(reopened.all('SELECT text FROM note')).toEqual([{ text: '留下' }]);
    reopened.close();
    db.close();
  });

  it('keeps at most MAX_PREPARED statements prepared, however many different ones are run, and answers as before', async () => {
    const db = await databaseWith(FINE);
    for (let i = 0; i < MAX_PREPARED + 50; i++) expect(db.get<{ n: number }>(`SELECT ${i} AS n`)!.n).toBe(i);
    expect(db.preparedCount).toBe(MAX_PREPARED);
    expect(db.get<{ n: number }>('SELECT 0 AS n')!.n, 'the first, let go, is prepared again').toBe(0);
    expect(db.preparedCount).toBe(MAX_PREPARED);
    db.close();
  });
});
