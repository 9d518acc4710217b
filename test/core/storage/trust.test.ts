import * as nodeFs from 'node:fs';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { anchorFolder } from '../../../src/core/storage/anchor';
import { listBackups } from '../../../src/core/storage/backups';
import { type Disk, useDisk } from '../../../src/core/storage/disk';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { acquireLock, lockPathOf } from '../../../src/core/storage/lock';
import { LedgerStore, type StoreInfo, type StoreOptions } from '../../../src/core/storage/store';
import { ok, type Result } from '../../../src/shared/result';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

/** Issue 8: each promise of the ledger, attacked where a review found it broken. */
const tempDir = useTempDir();
const PASSWORD = '信任测试用的密码 trust test';

async function ledger(options: StoreOptions = {}, name = 'office.duban') {
  const path = join(tempDir(), name);
  const { store, recoveryKey } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR, ...options }));
  unwrap(store.write((w) => ok(w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'))));
  return { path, store, recoveryKey };
}

const add = (store: LedgerStore, text: string) => unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', [text]))));
const notes = (store: LedgerStore) => store.db.all<{ text: string }>('SELECT text FROM note ORDER BY id').map((r) => r.text);

/** What `duban verify` sees after a crash: the file as it is, opened without the lock. */
async function afterCrash(path: string, options: StoreOptions = {}): Promise<Result<{ notes: string[]; info: StoreInfo }>> {
  const opened = await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true, ...options });
  if (!opened.ok) return opened;
  const result = ok({ notes: notes(opened.value), info: opened.value.info() });
  opened.value.close();
  return result;
}

/** The real file system, except that `fails` says which calls throw which errno. */
function disk(fails: (name: keyof Disk, args: unknown[]) => string | null): Disk {
  return new Proxy(nodeFs as Disk, {
    get(target, name: keyof Disk) {
      const real = target[name] as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const code = fails(name, args);
        if (code) throw Object.assign(new Error(`${code}: injected`), { code });
        return real(...args);
      };
    },
  });
}

describe('1. a backup rotation that fails', () => {
  it('never fails the snapshot nor puts later commits where a crash loses them', async () => {
    const { path, store } = await ledger({ backupPolicy: { recent: 1, dailyDays: 0 } });
    add(store, '快照前');
    unwrap(store.snapshot());
    unwrap(store.snapshot()); // two backups now: rotation wants one gone
    // A backups folder holding what it cannot delete (an antivirus lock does the same on Windows).
    const restore = useDisk(disk((name, args) => (name === 'unlinkSync' && String(args[0]).includes('.backups') ? 'EBUSY' : null)));
    try {
      unwrap(store.snapshot());
    } finally {
      restore();
    }
    expect(store.info().backupWarnings.map((w) => w.code)).toEqual(['ledger.backups_not_removed']);
    add(store, '快照后，崩溃前');
    // The program dies here, without closing: the file alone must hold every acknowledged commit.
    expect(unwrap(await afterCrash(path)).notes).toEqual(['快照前', '快照后，崩溃前']);
    store.close();
  });

  it('keeps the snapshot when the old file cannot be kept as a backup, and says so', async () => {
    const { path, store } = await ledger();
    add(store, '一');
    const restore = useDisk(disk((name, args) => (name === 'linkSync' || (name === 'openSync' && String(args[0]).includes('.backups')) ? 'EACCES' : null)));
    try {
      unwrap(store.snapshot());
    } finally {
      restore();
    }
    expect(store.info().backupWarnings.map((w) => w.code)).toContain('ledger.backup_not_kept');
    add(store, '二');
    expect(unwrap(await afterCrash(path)).notes).toEqual(['一', '二']);
    store.close();
  });

  it('refuses a restore whose present state cannot be kept as a backup (it could not be undone)', async () => {
    const { store } = await ledger();
    add(store, '备份里的');
    unwrap(store.snapshot());
    unwrap(store.snapshot());
    add(store, '现在的');
    const [backup] = listBackups(store.path);
    const restore = useDisk(
      disk((name, args) =>
        name === 'linkSync' || (name === 'openSync' && String(args[0]).includes('.backups') && String(args[1]) === 'wx') ? 'EACCES' : null,
      ),
    );
    try {
      expect(failure(await store.restoreBackup(backup!.path)).code).toBe('ledger.no_permission');
    } finally {
      restore();
    }
    expect(notes(store)).toEqual(['备份里的', '现在的']);
    store.close();
  });
});

describe('4. a ledger that goes backwards', () => {
  const anchorsIn = (dir: string) => anchorFolder(join(dir, 'anchors'));

  it('is seen when an older copy is put in its place', async () => {
    const anchors = anchorsIn(tempDir());
    const { path, store } = await ledger({ anchors });
    add(store, '一');
    unwrap(store.snapshot());
    const older = readFileSync(path);
    add(store, '二');
    unwrap(store.snapshot());
    add(store, '三');
    store.close();
    const current = readFileSync(path);
    const generation = unwrap(await afterCrash(path, { anchors })).info.generation;

    writeFileSync(path, older);
    expect(unwrap(await afterCrash(path, { anchors })).info.anchor).toMatchObject({ kind: 'rolled_back', seen: generation, found: generation - 2 });
    writeFileSync(path, current);
    expect(unwrap(await afterCrash(path, { anchors })).info.anchor).toEqual({ kind: 'consistent' });
  });

  it('reports a journal trimmed within the same snapshot, and a record replaced', async () => {
    const anchors = anchorsIn(tempDir());
    const { path, store } = await ledger({ anchors });
    unwrap(store.snapshot());
    const start = readFileSync(path).length;
    add(store, '一');
    const afterOne = readFileSync(path).length;
    add(store, '二');
    const whole = readFileSync(path);
    // Still open: the anchor stands at two records of this generation.
    writeFileSync(path, whole.subarray(0, afterOne));
    expect(unwrap(await afterCrash(path, { anchors })).info.anchor).toMatchObject({ kind: 'trimmed', seen: 2, found: 1 });
    writeFileSync(path, whole.subarray(0, start));
    expect(unwrap(await afterCrash(path, { anchors })).info.anchor).toMatchObject({ kind: 'trimmed', seen: 2, found: 0 });
    writeFileSync(path, whole);
    expect(unwrap(await afterCrash(path, { anchors })).info.anchor).toEqual({ kind: 'consistent' });
    store.close();
  });

  it('is not reported for a restore the user asked for, and an altered anchor is not believed', async () => {
    const config = tempDir();
    const anchors = anchorsIn(config);
    const { path, store } = await ledger({ anchors });
    add(store, '备份前');
    unwrap(store.snapshot());
    unwrap(store.snapshot());
    add(store, '之后');
    const [backup] = listBackups(path);
    unwrap(await store.restoreBackup(backup!.path));
    store.close();
    expect(unwrap(await afterCrash(path, { anchors })).info.anchor).toEqual({ kind: 'consistent' });
    const [file] = readdirSync(join(config, 'anchors'));
    const anchor = JSON.parse(readFileSync(join(config, 'anchors', file!), 'utf8'));
    writeFileSync(join(config, 'anchors', file!), JSON.stringify({ ...anchor, generation: 1 }));
    expect(unwrap(await afterCrash(path, { anchors })).info.anchor.kind).toBe('unverifiable');
  });

  it('is kept apart for copies at other places: opening a copy elsewhere is no rollback of the original', async () => {
    const anchors = anchorsIn(tempDir());
    const { path, store } = await ledger({ anchors });
    add(store, '一');
    const copy = join(tempDir(), 'copy.duban');
    unwrap(store.saveCopy(copy));
    store.close();
    const elsewhere = unwrap(await LedgerStore.open(copy, { password: PASSWORD }, { anchors }));
    add(elsewhere, '只在副本里');
    elsewhere.close();
    expect(unwrap(await afterCrash(path, { anchors })).info.anchor).toEqual({ kind: 'consistent' });
  });
});

describe('9. what a crashed save leaves beside the ledger', () => {
  it('is removed when the ledger is next opened for writing, and other files are left alone', async () => {
    const { path, store } = await ledger();
    unwrap(store.putBlob(Buffer.from('扫描件')));
    unwrap(store.snapshot());
    store.close();
    const dir = join(path, '..');
    const leftovers = [
      join(dir, '.office.duban.0123456789ab.tmp'),
      join(`${path}.blobs`, '.0123456789abcdef0123456789abcdef.a1b2c3d4e5f6.tmp'),
      join(`${path}.backups`, '.office-x.duban.a1b2c3d4e5f6.tmp'),
    ];
    for (const file of leftovers) writeFileSync(file, 'old key slots and data');
    const others = [join(dir, '.other.duban.0123456789ab.tmp'), join(dir, 'notes.txt')];
    for (const file of others) writeFileSync(file, 'not ours');
    unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true })).close();
    expect(leftovers.every((file) => existsSync(file))).toBe(true); // reading never removes anything
    unwrap(await LedgerStore.open(path, { password: PASSWORD })).close();
    expect(leftovers.filter((file) => existsSync(file))).toEqual([]);
    expect(others.every((file) => existsSync(file))).toBe(true);
  });
});

describe('10. the snapshot rule while a ledger is open', () => {
  it('snapshots once the journal outgrows its threshold, without closing', async () => {
    const { path, store } = await ledger();
    const generation = store.info().generation;
    const line = '整改进展：已完成排查，建立问题清单和整改台账。'.repeat(40);
    for (let i = 0; store.info().generation === generation && i < 2000; i++) add(store, `${i} ${line}`);
    expect(store.info().generation).toBe(generation + 1);
    expect(store.info().journalBytes).toBeLessThan(1024 * 1024);
    expect(unwrap(await afterCrash(path)).notes.length).toBe(notes(store).length);
    store.close();
  });
});

describe('11. smaller holes', () => {
  it('does not take an empty lock file for stale while its writer may still be writing it', async () => {
    const path = join(tempDir(), 'race.duban');
    writeFileSync(lockPathOf(path), ''); // created, not yet written (a file system without hard links)
    expect(failure(acquireLock(path)).code).toBe('ledger.in_use_unknown');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathOf(path), old, old); // long abandoned: a crash
    unwrap(acquireLock(path)).release();
  });

  it('writes the lock whole: its holder is named from the first instant', async () => {
    const path = join(tempDir(), 'whole.duban');
    const lock = unwrap(acquireLock(path));
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(readdirSync(join(path, '..')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    lock.release();
  });

  it('makes new attachment and backup folders durable in their parent', async () => {
    const synced: string[] = [];
    const { path, store } = await ledger();
    const directoryFds = new Map<number, string>();
    const restore = useDisk(
      new Proxy(nodeFs as Disk, {
        get(target, name: keyof Disk) {
          const real = target[name] as (...args: unknown[]) => unknown;
          return (...args: unknown[]) => {
            const result = real(...args);
            if (name === 'openSync' && args[1] === 'r' && statSync(String(args[0])).isDirectory()) directoryFds.set(result as number, String(args[0]));
            if (name === 'fsyncSync' && directoryFds.has(args[0] as number)) synced.push(directoryFds.get(args[0] as number)!);
            return result;
          };
        },
      }),
    );
    try {
      unwrap(store.putBlob(Buffer.from('照片')));
      unwrap(store.snapshot());
    } finally {
      restore();
    }
    const parent = join(path, '..');
    // The parent is synced after each new folder appears in it.
    expect(synced.filter((dir) => dir === parent).length).toBeGreaterThanOrEqual(3);
    expect(synced).toContain(`${path}.blobs`);
    expect(synced).toContain(`${path}.backups`);
    store.close();
  });

  it('drops its keys when closed', async () => {
    const { store } = await ledger();
    const keys = store as unknown as { dataKey: Buffer; integrityKey: Buffer };
    const dataKey = keys.dataKey;
    const integrityKey = keys.integrityKey;
    expect(dataKey.some((b) => b !== 0)).toBe(true);
    store.close();
    expect(dataKey.every((b) => b === 0)).toBe(true);
    expect(integrityKey.every((b) => b === 0)).toBe(true);
  });
});
