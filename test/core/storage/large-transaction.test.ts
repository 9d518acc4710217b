import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../src/core/storage/durable-fs';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { LedgerStore } from '../../../src/core/storage/store';
import { ok } from '../../../src/shared/result';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());
vi.mock('../../../src/core/storage/durable-fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/core/storage/durable-fs')>();
  return { ...actual, writeFileAtomic: vi.fn(actual.writeFileAtomic) };
});

const tempDir = useTempDir();
const PASSWORD = '正确的密码 correct horse';
/** Rows enough to pass the 4 MB a journal record may hold before a snapshot is worth more. */
const ROWS = 3_000;
const LINE = '整改进展：已完成排查，建立问题清单和整改台账。'.repeat(20);

async function ledgerWithNotes() {
  const path = join(tempDir(), 'bulk.duban');
  const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  unwrap(store.write((w) => ok(w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'))));
  unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['导入前的一条']))));
  return { path, store };
}

const bulkInsert = (store: LedgerStore) =>
  store.write((w) => {
    for (let i = 0; i < ROWS; i++) w.run('INSERT INTO note (text) VALUES (?)', [`${i} ${LINE}`]);
    return ok(undefined);
  });

const count = (store: LedgerStore): number => store.db.get<{ n: number }>('SELECT count(*) AS n FROM note')!.n;

describe('a transaction too large for one journal record (an import)', () => {
  it('is saved as a fresh snapshot: durable, whole, and the journal empty after it', async () => {
    const { path, store } = await ledgerWithNotes();
    const generation = store.info().generation;
    unwrap(bulkInsert(store));
    expect(store.info()).toMatchObject({ generation: generation + 1, journalRecords: 0 });
    expect(readFileSync(path).includes(Buffer.from('整改进展'))).toBe(false);
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['导入后的一条']))));
    const reader = unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true }));
    expect(count(reader)).toBe(ROWS + 2);
    reader.close();
    store.close();
  });

  it('collects the garbage its work let go before the snapshot is sealed, where V8 lets it', async () => {
    const { store } = await ledgerWithNotes();
    const snapshotsBefore: number[] = [];
    const gc = vi.fn(() => void snapshotsBefore.push(vi.mocked(writeFileAtomic).mock.calls.length));
    vi.stubGlobal('gc', gc);
    try {
      const written = vi.mocked(writeFileAtomic).mock.calls.length;
      unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['一条']))));
      expect(gc).not.toHaveBeenCalled();
      unwrap(bulkInsert(store));
      expect(snapshotsBefore).toEqual([written]);
      expect(vi.mocked(writeFileAtomic).mock.calls.length).toBe(written + 1);
    } finally {
      vi.unstubAllGlobals();
      store.close();
    }
  });

  it('leaves the ledger as it was, on disk and in memory, when the snapshot cannot be written', async () => {
    const { path, store } = await ledgerWithNotes();
    const before = store.info();
    vi.mocked(writeFileAtomic).mockImplementationOnce(() => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    expect(failure(bulkInsert(store)).code).toBe('ledger.disk_full');
    expect(count(store)).toBe(1);
    expect(store.info()).toMatchObject({ generation: before.generation, journalRecords: before.journalRecords });
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['之后照常保存']))));
    store.close();
    const reopened = unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true }));
    expect(reopened.db.all<{ text: string }>('SELECT text FROM note ORDER BY id').map((r) => r.text)).toEqual(['导入前的一条', '之后照常保存']);
    reopened.close();
  });
});
