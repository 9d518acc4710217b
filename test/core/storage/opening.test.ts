import * as nodeFs from 'node:fs';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openChunks, sealChunks } from '../../../src/core/storage/chunks';
import { random } from '../../../src/core/storage/crypto';
import { type Disk, useDisk } from '../../../src/core/storage/disk';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { LedgerStore } from '../../../src/core/storage/store';
import { ok } from '../../../src/shared/result';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/** What opening did, in order: the key's derivation starting and ending, and each read of the ledger file. */
const events: string[] = [];
vi.mock('../../../src/core/storage/kdf', async () => {
  const memoised = await (await import('../../helpers/fast-kdf')).memoisedKdf();
  return {
    ...memoised,
    deriveKey: (...args: Parameters<typeof memoised.deriveKey>) => {
      events.push('derive started');
      return memoised.deriveKey(...args).then((key) => {
        events.push('derive done');
        return key;
      });
    },
  };
});

const tempDir = useTempDir();
const PASSWORD = '正确的密码 correct horse';

/** The real disk, noting every read of `path`: how many bytes, and whether the whole file was read at once. */
function readsOf(path: string): Disk {
  const files = new Map<number, string>();
  return {
    ...nodeFs,
    openSync: (...args: Parameters<typeof nodeFs.openSync>) => {
      const fd = nodeFs.openSync(...args);
      files.set(fd, String(args[0]));
      return fd;
    },
    readSync: ((fd: number, buffer: NodeJS.ArrayBufferView, ...rest: never[]) => {
      const bytes = (nodeFs.readSync as (...a: unknown[]) => number)(fd, buffer, ...rest);
      if (files.get(fd) === path) events.push(`read ${bytes}`);
      return bytes;
    }) as typeof nodeFs.readSync,
    readFileSync: ((file: nodeFs.PathOrFileDescriptor, options?: never) => {
      if (file === path) events.push('read whole file');
      return nodeFs.readFileSync(file, options);
    }) as typeof nodeFs.readFileSync,
  };
}

/** A ledger of several snapshot chunks (1 MiB each), closed. */
async function ledgerOfSeveralChunks(): Promise<string> {
  const path = join(tempDir(), 'office.duban');
  const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  unwrap(store.write((w) => ok(w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'))));
  unwrap(
    store.write((w) =>
      ok(w.run('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO note (text) SELECT hex(randomblob(500)) FROM n')),
    ),
  );
  unwrap(store.close());
  return path;
}

describe('opening a ledger', () => {
  it('reads the file while the key is derived, each byte once and never the whole file into a buffer of its own', async () => {
    const path = await ledgerOfSeveralChunks();
    events.length = 0;
    const restore = useDisk(readsOf(path));
    const store = unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true }));
    restore();
    expect(store.db.get<{ n: number }>('SELECT count(*) AS n FROM note')?.n).toBe(3000);
    store.close();

    expect(events).not.toContain('read whole file');
    const reads = events.filter((e) => e.startsWith('read ')).map((e) => Number(e.slice(5)));
    expect(reads.reduce((a, b) => a + b, 0)).toBe(statSync(path).size);
    // The snapshot (the largest read) is read after the derivation started and before it is done.
    const largest = `read ${Math.max(...reads)}`;
    expect(events.indexOf('derive started')).toBeLessThan(events.indexOf(largest));
    expect(events.indexOf(largest)).toBeLessThan(events.indexOf('derive done'));
  });
});

describe('a sealed snapshot', () => {
  const key = random(32);
  const context = Buffer.from('ledger and generation');
  const CHUNK = 1024;
  const plaintext = random(CHUNK * 3 + 100);
  const sealed = (): Buffer => Buffer.concat([...sealChunks(key, plaintext, CHUNK, context)]);

  it('is decrypted in place: the plaintext is the front of the buffer it was read into, not a second copy', () => {
    const buffer = sealed();
    const opened = openChunks(key, buffer, plaintext.length, CHUNK, context);
    expect(opened?.equals(plaintext)).toBe(true);
    expect(opened?.buffer).toBe(buffer.buffer);
    expect(opened?.byteOffset).toBe(buffer.byteOffset);
  });

  it('that fails in its last chunk leaves none of the chunks before it readable', () => {
    const buffer = sealed();
    buffer[buffer.length - 1]! ^= 1;
    expect(openChunks(key, buffer, plaintext.length, CHUNK, context)).toBeNull();
    expect(buffer.every((byte) => byte === 0)).toBe(true);
  });
});
