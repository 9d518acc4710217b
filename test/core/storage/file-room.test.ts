import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LedgerDatabase, loadSqlEngine } from '../../../src/core/storage/database';
import { FILE_ROOM_BYTES, givenRoom } from '../../../src/core/storage/file-room';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { readLedger } from '../../../src/core/storage/ledger-file';
import { LedgerFileReader } from '../../../src/core/storage/sealed-file';
import { unwrapDataKey } from '../../../src/core/storage/slots';
import { LedgerStore } from '../../../src/core/storage/store';
import { err, ok } from '../../../src/shared/result';
import { dubanError } from '../../../src/shared/errors';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();

/** The image of a small database: a table and one row. */
async function smallImage(): Promise<Uint8Array> {
  const db = await LedgerDatabase.fromImage();
  db.transaction(
    (w) => {
      w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
      return ok(w.run('INSERT INTO note (text) VALUES (?)', ['导入前的一条']));
    },
    () => ok(undefined),
  );
  const image = db.image();
  db.close();
  return image;
}

describe("sql.js's in-memory file, given room to grow", () => {
  // sql.js grows its file by an eighth at a time, copying it whole each time: an import's commit of
  // 80 MB copied it some 40 times. With room given up front, the pages are written where they lie.
  it('is written in place: a commit of megabytes lands in the room given with the image', async () => {
    const image = await smallImage();
    const given = givenRoom(image);
    // What sql.js takes as its file's buffer (see file-room.ts).
    const file = given.slice(0, given.length);
    expect(file.length).toBeGreaterThan(8 * 1024 * 1024);
    const engine = await loadSqlEngine();
    const db = new LedgerDatabase(new engine.Database(given));
    db.transaction(
      (w) => {
        for (let i = 0; i < 2_000; i++) w.run('INSERT INTO note (text) VALUES (?)', [`${i} ${'整改进展'.repeat(100)}`]);
        return ok(undefined);
      },
      () => ok(undefined),
    );
    const written = db.image();
    expect(written.length).toBeGreaterThan(2 * 1024 * 1024);
    // The pages past the first (whose header a copy stamps anew) are in the room, as the copy holds them.
    const pages = (bytes: Uint8Array) => Buffer.from(bytes.subarray(image.length, written.length));
    expect(pages(file).equals(pages(written))).toBe(true);
    expect(pages(file).some((byte) => byte !== 0)).toBe(true);
    db.close();
  });

  it('holds the same database as the image it was given', async () => {
    const image = await smallImage();
    const db = LedgerDatabase.fromImageNow(image);
    expect(db.all('SELECT text FROM note')).toEqual([{ text: '导入前的一条' }]);
    expect(Buffer.from(db.image()).equals(Buffer.from(image))).toBe(true);
    db.close();
  });

  it('is, for a ledger opened from its file, the very bytes the file was read and decrypted into: no copy, and room', async () => {
    const path = join(tempDir(), '督办台账.duban');
    const { store } = unwrap(await LedgerStore.create(path, { password: '正确的密码 correct horse', kdf: KDF_FLOOR }));
    unwrap(store.write((w) => ok(w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'))));
    unwrap(store.close());
    const reader = unwrap(LedgerFileReader.open(path));
    const { dataKey } = unwrap(await unwrapDataKey(reader.parsed, { password: '正确的密码 correct horse' }));
    const file = unwrap(reader.readSealed());
    const { image } = unwrap(readLedger(file, dataKey));
    expect(image.buffer).toBe(file.snapshot.buffer);
    expect(givenRoom(image)).toBe(image);
    expect(image.slice(0, image.length).length).toBeGreaterThanOrEqual(image.length + FILE_ROOM_BYTES);
  });
});

const PASSWORD = '正确的密码 correct horse';
const NOTES = 'SELECT text FROM note ORDER BY id';

/** A ledger with a table of notes, closed and opened again: its database is the file read with room. */
async function reopenedStore(): Promise<{ path: string; store: LedgerStore }> {
  const path = join(tempDir(), '督办台账.duban');
  const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  unwrap(store.write((w) => ok(w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'))));
  unwrap(store.close());
  return { path, store: unwrap(await LedgerStore.open(path, { password: PASSWORD })) };
}

const addNotes = (store: LedgerStore, count: number, text: string) =>
  store.write((w) => {
    for (let i = 0; i < count; i++) w.run('INSERT INTO note (text) VALUES (?)', [`${text} ${i} ${'整改进展'.repeat(100)}`]);
    return ok(undefined);
  });

async function notesIn(path: string): Promise<string[]> {
  const store = unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true }));
  const texts = store.db.all<{ text: string }>(NOTES).map((row) => row.text);
  unwrap(store.close());
  return texts;
}

describe('a snapshot of a ledger opened from its file', () => {
  // A large import's snapshot copied its 80 MB database once more (sql.js's export) to seal it: sealed from the file itself, it is not held twice.
  it("is sealed from sql.js's own file, without a copy of the database", async () => {
    const { path, store } = await reopenedStore();
    unwrap(addNotes(store, 3, '第一批'));
    const exported = vi.spyOn((await loadSqlEngine()).Database.prototype, 'export');
    unwrap(store.snapshot());
    expect(exported).not.toHaveBeenCalled();
    exported.mockRestore();
    const written = store.db.all<{ text: string }>(NOTES).map((row) => row.text);
    unwrap(store.close());
    expect(await notesIn(path)).toEqual(written);
  });

  // A rollback that grew the file leaves sql.js writing a new buffer: the room given is no longer its file.
  it('holds what was committed, and only that, after a rollback that grew the file', async () => {
    const { path, store } = await reopenedStore();
    const refused = store.write((w) => {
      for (let i = 0; i < 2_000; i++) w.run('INSERT INTO note (text) VALUES (?)', [`撤回 ${i} ${'整改进展'.repeat(100)}`]);
      return err(dubanError('not_found', { entity: 'task', id: 1 }));
    });
    expect(refused.ok).toBe(false);
    unwrap(store.snapshot());
    expect(await notesIn(path)).toEqual([]);
    unwrap(addNotes(store, 2, '撤回之后'));
    unwrap(store.snapshot());
    unwrap(store.close());
    expect((await notesIn(path)).map((text) => text.split(' ').slice(0, 2).join(' '))).toEqual(['撤回之后 0', '撤回之后 1']);
  });
});
