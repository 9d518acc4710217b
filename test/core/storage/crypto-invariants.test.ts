import * as nodeFs from 'node:fs';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../../src/core/storage/backups';
import { getBlob, listBlobFiles } from '../../../src/core/storage/blobs';
import { type Disk, useDisk } from '../../../src/core/storage/disk';
import { parseHeader } from '../../../src/core/storage/header';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { readLedger } from '../../../src/core/storage/ledger-file';
import { LedgerFileReader } from '../../../src/core/storage/sealed-file';
import { unwrapDataKey, type Unlock } from '../../../src/core/storage/slots';
import { LedgerStore } from '../../../src/core/storage/store';
import { ok } from '../../../src/shared/result';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

/** Every AES-GCM seal the storage makes, by key and nonce: whole (`seal`), or as ciphertext and tag (a snapshot's and an attachment's chunks). */
const seals: { key: string; nonce: string; what: string }[] = [];
let sealing = 'setup';
vi.mock('../../../src/core/storage/crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/core/storage/crypto')>();
  const noted = (key: Uint8Array, nonce: Uint8Array) =>
    seals.push({ key: Buffer.from(key).toString('hex'), nonce: Buffer.from(nonce).toString('hex'), what: sealing });
  return {
    ...actual,
    seal: (key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array) => {
      noted(key, nonce);
      return actual.seal(key, nonce, plaintext, aad);
    },
    sealedParts: (key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array) => {
      noted(key, nonce);
      return actual.sealedParts(key, nonce, plaintext, aad);
    },
  };
});

const tempDir = useTempDir();
const P1 = '第一个密码 first password';
const P2 = '第二个密码 second password';

const add = (store: LedgerStore, text: string) => store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', [text])));

/** The real disk, but the next append is written half and fails — and, with `keep`, is not cut back either (the process dies there). */
function tornAppend(keep: boolean): Disk {
  let torn = false;
  return new Proxy(nodeFs as Disk, {
    get(target, name: keyof Disk) {
      const real = target[name] as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        if (name === 'writeSync' && !torn && typeof args[4] === 'number') {
          torn = true;
          const bytes = args[1] as Buffer;
          real(args[0], bytes, args[2], Math.floor((args[3] as number) / 2), args[4]);
          throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
        }
        if (name === 'ftruncateSync' && keep) throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
        return real(...args);
      };
    },
  });
}

function duplicates(): string[] {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const { key, nonce, what } of seals) {
    const pair = `${key}/${nonce}`;
    if (seen.has(pair)) twice.push(`${seen.get(pair)} and ${what}`);
    else seen.set(pair, what);
  }
  return twice;
}

describe('no (key, nonce) pair is ever used twice', () => {
  it('across a failed append, a torn append after a crash, a password change, a restore and snapshots', async () => {
    const path = join(tempDir(), 'nonces.duban');
    const { store } = unwrap(await LedgerStore.create(path, { password: P1, kdf: KDF_FLOOR }));
    unwrap(store.write((w) => ok(w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)'))));
    unwrap(add(store, '一'));

    sealing = 'a failed append';
    let restore = useDisk(tornAppend(false));
    expect(add(store, '写到一半失败').ok).toBe(false);
    restore();
    sealing = 'the commit after it';
    unwrap(add(store, '二'));

    sealing = 'an append torn by a crash';
    restore = useDisk(tornAppend(true));
    expect(add(store, '崩溃时写了一半').ok).toBe(false);
    restore();
    expect(store.info().mustReopen).not.toBeNull();
    // The process died there: its lock is stale, the file ends in half a record.
    const copy = join(tempDir(), 'after-crash.duban');
    cpSync(path, copy);
    sealing = 'the first commit after reopening';
    const reopened = unwrap(await LedgerStore.open(copy, { password: P1 }));
    expect(reopened.info().tornTail).toBe(true);
    unwrap(add(reopened, '三'));
    store.close();

    sealing = 'an attachment';
    unwrap(reopened.putBlob(Buffer.from('扫描件'.repeat(1000))));
    sealing = 'snapshots';
    unwrap(reopened.snapshot());
    unwrap(add(reopened, '四'));
    unwrap(reopened.snapshot());
    sealing = 'a password change';
    unwrap(await reopened.changePassword({ password: P1 }, P2, KDF_FLOOR));
    unwrap(add(reopened, '五'));
    sealing = 'a restore';
    const [backup] = listBackups(copy);
    unwrap(await reopened.restoreBackup(backup!.path));
    unwrap(add(reopened, '六'));
    sealing = 'a new recovery key';
    unwrap(await reopened.replaceRecoveryKey(P2, KDF_FLOOR));
    unwrap(add(reopened, '七'));
    reopened.close();

    expect(seals.length).toBeGreaterThan(20);
    expect(duplicates()).toEqual([]);
  });
});

/** The data key an earlier file opens with an earlier secret, or null. */
async function keyOf(file: Buffer, unlock: Unlock): Promise<Buffer | null> {
  const parsed = parseHeader(file);
  if (!parsed.ok) return null;
  const key = await unwrapDataKey(parsed.value, unlock);
  return key.ok ? key.value.dataKey : null;
}

/** Whether `dataKey` decrypts anything of the ledger at `path` as it is now: its file, attachments and backups. */
function readsAnything(path: string, dataKey: Buffer): string[] {
  const opened: string[] = [];
  const files = [path, ...readdirSync(`${path}.backups`).map((name) => join(`${path}.backups`, name))];
  for (const file of files) {
    const sealed = unwrap(unwrap(LedgerFileReader.open(file)).readSealed());
    if (readLedger(sealed, dataKey).ok) opened.push(file);
  }
  const { ledgerId, keyEpoch } = unwrap(parseHeader(readFileSync(path))).header;
  for (const blob of unwrap(listBlobFiles(path))) {
    if (getBlob(path, { dataKey, ledgerId, epoch: keyEpoch }, blob.blobId).ok) opened.push(blob.fileName);
  }
  return opened;
}

describe('after a new data key', () => {
  it('no earlier file opened with an earlier secret reads the ledger, its attachments or its backups', async () => {
    const dir = tempDir();
    const path = join(dir, 'revoked.duban');
    const { store, recoveryKey: r1 } = unwrap(await LedgerStore.create(path, { password: P1, kdf: KDF_FLOOR }));
    unwrap(store.write((w) => ok(w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)'))));
    unwrap(store.putBlob(Buffer.from('旧密钥下的附件')));
    unwrap(store.snapshot());
    unwrap(add(store, '改密码前'));
    const earlier = [readFileSync(path), ...readdirSync(`${path}.backups`).map((name) => readFileSync(join(`${path}.backups`, name)))];

    const change = unwrap(await store.changePassword({ password: P1 }, P2, KDF_FLOOR));
    expect(change).toEqual({ recoveryKey: null, backupsNotResealed: [] });
    for (const file of earlier) {
      const oldKey = (await keyOf(file, { password: P1 }))!;
      expect(oldKey).not.toBeNull();
      expect(readsAnything(path, oldKey)).toEqual([]);
    }
    // The printed recovery key goes on opening the ledger: it was not revoked.
    expect(await keyOf(readFileSync(path), { recoveryKey: r1 })).not.toBeNull();

    const afterPassword = [readFileSync(path)];
    const { recoveryKey: r2 } = unwrap(await store.replaceRecoveryKey(P2, KDF_FLOOR));
    for (const file of [...earlier, ...afterPassword]) {
      const oldKey = (await keyOf(file, { recoveryKey: r1 }))!;
      expect(readsAnything(path, oldKey)).toEqual([]);
    }
    expect(await keyOf(readFileSync(path), { recoveryKey: r1 })).toBeNull();
    expect(await keyOf(readFileSync(path), { recoveryKey: r2! })).not.toBeNull();
    expect(unwrap(store.getBlob(unwrap(listBlobFiles(path))[0]!.blobId)).toString()).toBe('旧密钥下的附件');
    store.close();
  });
});
