import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LedgerStore } from '../../../src/core/storage/store';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { ok } from '../../../src/shared/result';
import { failure, unwrap } from '../../helpers/result';
import { exited, spawnTs, waitForLine } from '../../helpers/child';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const PASSWORD = 'crash-test-password';
const ITERATIONS = Number(process.env.DUBAN_CRASH_ITERATIONS ?? 24);

async function newLedger(): Promise<string> {
  const path = join(tempDir(), 'crash.duban');
  const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  unwrap(store.write((w) => ok(w.run('CREATE TABLE t (n INTEGER PRIMARY KEY, pad TEXT)'))));
  unwrap(store.close());
  return path;
}

describe('a writer killed at a random instant', () => {
  it(`leaves a ledger that opens with every acknowledged commit (${ITERATIONS} kills)`, async () => {
    const path = await newLedger();
    let acknowledged = -1;
    for (let i = 0; i < ITERATIONS; i++) {
      const child = spawnTs('test/fixtures/ledger-writer.ts', [path, PASSWORD, 'write', String(15 + (i % 4) * 10)]);
      child.stdout!.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/ack (\d+)/g)) acknowledged = Math.max(acknowledged, Number(match[1]));
      });
      await waitForLine(child, /^ready$/);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 400));
      child.kill('SIGKILL');
      await exited(child);
      // The dead writer's lock is stale: a writable open takes it over.
      const store = unwrap(await LedgerStore.open(path, { password: PASSWORD }));
      const values = store.db.all<{ n: number }>('SELECT n FROM t ORDER BY n').map((r) => r.n);
      expect(values.length, `iteration ${i}`).toBeGreaterThanOrEqual(acknowledged + 1);
      expect(
        values.every((n, index) => n === index),
        `iteration ${i}: rows must be consecutive`,
      ).toBe(true);
      acknowledged = values.length - 1;
      unwrap(store.close());
    }
    // The writers made real progress between kills, so the kills landed amid commits and snapshots.
    expect(acknowledged).toBeGreaterThan(ITERATIONS * 10);
  }, 300_000);
});

describe('the lock', () => {
  it('keeps a second process out while the first writes, and is recognised as stale once it died', async () => {
    const path = await newLedger();
    const holder = spawnTs('test/fixtures/ledger-writer.ts', [path, PASSWORD, 'hold']);
    await waitForLine(holder, /^ready$/);
    const refused = failure(await LedgerStore.open(path, { password: PASSWORD }));
    expect(refused.code).toBe('ledger.in_use');
    expect(refused.params?.pid).toBe(holder.pid);
    // Reading is still possible: the statistics of a ledger open elsewhere.
    unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true })).close();
    holder.kill('SIGKILL');
    await exited(holder);
    unwrap(await LedgerStore.open(path, { password: PASSWORD })).close();
  });

  it('keeps a second window of the same process out', async () => {
    const path = await newLedger();
    const first = unwrap(await LedgerStore.open(path, { password: PASSWORD }));
    expect(failure(await LedgerStore.open(path, { password: PASSWORD })).code).toBe('ledger.in_use');
    first.close();
    unwrap(await LedgerStore.open(path, { password: PASSWORD })).close();
  });
});
