import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../../src/core/ledger';
import { exited, spawnTs, waitForLine } from '../../helpers/child';
import { ledgerFactory, TEST_PASSWORD } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
const ROWS = 1200;
const KILLS = Number(process.env.DUBAN_IMPORT_KILLS ?? 5);

async function taskWorkbook(dir: string): Promise<string> {
  const rows = Array.from({ length: ROWS }, (_, i) => [
    String(i + 1),
    `第${i + 1}项问题：入河排污口排查整治进展滞后，部分排污口未完成溯源`,
    `第${(i % 12) + 1}责任单位`,
    '2024年12月底前',
    '序时推进',
  ]);
  const path = join(dir, 'tasks.xlsx');
  writeFileSync(path, await sheetBytes([['序号', '督察反馈问题', '责任单位', '整改时限', '整改进展'], ...rows]));
  return path;
}

/** Runs the import in a child; kills it `after` ms past planning (never, when null). */
async function runImport(ledgerPath: string, workbook: string, after: number | null): Promise<number | null> {
  const child = spawnTs('test/fixtures/import-writer.ts', [ledgerPath, TEST_PASSWORD, workbook]);
  let took: number | null = null;
  child.stdout!.on('data', (chunk: Buffer) => {
    const match = /applied (\d+)/.exec(chunk.toString());
    if (match) took = Number(match[1]);
  });
  await waitForLine(child, /^planned$/);
  if (after !== null) {
    await new Promise((resolve) => setTimeout(resolve, after));
    child.kill('SIGKILL');
  }
  await exited(child);
  return took;
}

async function countsIn(path: string): Promise<{ tasks: number; units: number }> {
  const ledger = unwrap(await Ledger.open(path, { password: TEST_PASSWORD }));
  try {
    unwrap(ledger.verify());
    const count = (table: string) => ledger.context.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
    return { tasks: count('tasks'), units: count('units') };
  } finally {
    ledger.close();
  }
}

describe('an import killed at a random instant', () => {
  it(`leaves the ledger as it was or with the whole import, never half (${KILLS} kills)`, async () => {
    const dir = tempDir();
    const workbook = await taskWorkbook(dir);
    const empty = await newLedger();
    const template = empty.store.path;
    unwrap(empty.close());
    const fresh = (name: string) => {
      const path = join(dir, `${name}.duban`);
      copyFileSync(template, path);
      return path;
    };
    const took = await runImport(fresh('whole'), workbook, null);
    expect(took).not.toBeNull();
    expect(await countsIn(join(dir, 'whole.duban'))).toEqual({ tasks: ROWS, units: 12 });
    // Kills spread over the apply (and a little past it), each at a random instant within its stretch.
    const outcomes: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      const path = fresh(`killed-${i}`);
      await runImport(path, workbook, ((i + Math.random()) / KILLS) * (took! + 200));
      const { tasks, units } = await countsIn(path);
      expect([0, ROWS], `kill ${i}`).toContain(tasks);
      expect(units, `kill ${i}`).toBe(tasks === 0 ? 0 : 12);
      outcomes.push(tasks);
    }
    // The first kills landed while the import was being written.
    expect(outcomes[0]).toBe(0);
  }, 300_000);
});
