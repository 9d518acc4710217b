import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LedgerStore } from '../../../src/core/storage/store';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { parseHeader, PREAMBLE_BYTES } from '../../../src/core/storage/header';
import { ok } from '../../../src/shared/result';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const PASSWORD = 'tamper-test-password';

let original: Buffer;
let headerLength: number;
let snapshotEnd: number;
let recordEnds: number[];

/** A ledger with a snapshot and three journal records, as bytes. */
beforeAll(async () => {
  const path = join(tempDir(), 'base.duban');
  const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  unwrap(store.write((w) => ok(w.run('CREATE TABLE t (v TEXT)'))));
  unwrap(store.snapshot());
  snapshotEnd = readFileSync(path).length;
  recordEnds = [];
  for (const v of ['一', '二', '三']) {
    unwrap(store.write((w) => ok(w.run('INSERT INTO t VALUES (?)', [v]))));
    recordEnds.push(readFileSync(path).length);
  }
  original = readFileSync(path);
  headerLength = unwrap(parseHeader(original)).length;
  store.close(); // the bytes above keep their journal; closing snapshots only the file on disk
});

async function openBytes(bytes: Buffer) {
  const path = join(tempDir(), 'case.duban');
  writeFileSync(path, bytes);
  const result = await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true });
  if (result.ok) {
    const values = result.value.db.all<{ v: string }>('SELECT v FROM t').map((r) => r.v);
    const info = result.value.info();
    result.value.close();
    return { ok: true as const, values, info };
  }
  return result;
}

describe('a damaged or altered ledger file', () => {
  it('opens untouched, with every journalled commit', async () => {
    const opened = await openBytes(original);
    expect(opened.ok && opened.values).toEqual(['一', '二', '三']);
  });

  it('is refused for every single-bit flip of the header, never as a wrong password', async () => {
    const codes = new Map<string, number>();
    for (let bit = 0; bit < headerLength * 8; bit++) {
      const bytes = Buffer.from(original);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      const result = await openBytes(bytes);
      expect(result.ok, `bit ${bit} was accepted`).toBe(false);
      const code = failure(result as never).code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    // A flip in the magic is still recognised as a damaged ledger, not as some other file.
    expect([...codes.keys()]).toEqual(['ledger.damaged']);
  });

  it('is refused when the KDF parameters were lowered, even with the checksum recomputed', async () => {
    const bytes = Buffer.from(original);
    // Walk the header's fields to the first key slot (type 0x10); its third byte is log2(N).
    let at = PREAMBLE_BYTES;
    while (bytes[at] !== 0x10) at += 3 + bytes.readUInt16LE(at + 1);
    const logN = at + 3 + 2;
    expect(bytes[logN]).toBe(KDF_FLOOR.logN);
    bytes[logN] = KDF_FLOOR.logN - 1;
    expect(failure((await openBytes(bytes)) as never).code).toBe('ledger.damaged');
    const bodyEnd = headerLength - 64;
    createHash('sha256').update(bytes.subarray(0, bodyEnd)).digest().copy(bytes, bodyEnd);
    expect(failure((await openBytes(bytes)) as never).code).toBe('ledger.kdf_weakened');
  });

  it('is refused when cut inside the header or the snapshot', async () => {
    for (const length of [0, 7, 13, headerLength - 1, headerLength, headerLength + 17, snapshotEnd - 1]) {
      const result = await openBytes(original.subarray(0, length));
      expect(result.ok, `cut at ${length}`).toBe(false);
      expect(['ledger.damaged', 'ledger.not_a_ledger']).toContain(failure(result as never).code);
    }
  });

  it('is refused for a flipped byte in the snapshot or in a journal record before the last', async () => {
    for (const at of [headerLength + 3, snapshotEnd - 2, snapshotEnd + 6, recordEnds[0]! + 10, recordEnds[1]! - 1]) {
      const bytes = Buffer.from(original);
      bytes[at]! ^= 0x40;
      const result = await openBytes(bytes);
      expect(result.ok, `flip at ${at}`).toBe(false);
      expect(failure(result as never).code).toBe('ledger.damaged');
    }
  });

  it('is refused for a flipped byte in the last journal record', async () => {
    const bytes = Buffer.from(original);
    bytes[recordEnds[2]! - 20]! ^= 1;
    expect(failure((await openBytes(bytes)) as never).code).toBe('ledger.damaged');
  });

  it('drops an append cut short by a crash, keeping every complete commit', async () => {
    for (const cut of [recordEnds[2]! - 1, recordEnds[1]! + 3, recordEnds[1]! + 1]) {
      const opened = await openBytes(original.subarray(0, cut));
      expect(opened.ok && opened.values, `cut at ${cut}`).toEqual(['一', '二']);
      expect(opened.ok && opened.info.tornTail).toBe(true);
    }
  });

  it('drops a last record that a power cut left as zeros', async () => {
    const bytes = Buffer.from(original);
    bytes.fill(0, recordEnds[1]! + 4);
    const opened = await openBytes(bytes);
    expect(opened.ok && opened.values).toEqual(['一', '二']);
  });

  it('is refused when two records are swapped', async () => {
    const first = original.subarray(snapshotEnd, recordEnds[0]);
    const second = original.subarray(recordEnds[0], recordEnds[1]);
    const swapped = Buffer.concat([original.subarray(0, snapshotEnd), second, first, original.subarray(recordEnds[1])]);
    expect(failure((await openBytes(swapped)) as never).code).toBe('ledger.damaged');
  });
});
