import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { Ledger } from '../../../src/core/ledger';
import { migrate } from '../../../src/core/schema/migrations';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { LedgerStore } from '../../../src/core/storage/store';
import { ok } from '../../../src/shared/result';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
let ledger: Ledger;
afterEach(() => ledger?.close());

/** The petition figures counted from the cases themselves, row by row: what the dashboard must agree with. */
function countedFromRows(l: Ledger) {
  const cases = l.context.db.all<{ unit_id: number | null; completion: string; truth: string | null; pollution_kinds: string; fines_yuan: number }>(
    'SELECT unit_id, completion, truth, pollution_kinds, fines_yuan FROM petition_cases',
  );
  const count = <K extends string>(keys: (row: (typeof cases)[number]) => K[]) =>
    cases.reduce<Record<string, number>>((counts, row) => {
      for (const key of keys(row)) counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    }, {});
  return {
    total: cases.length,
    completion: count((row) => [row.completion]),
    truth: count((row) => [row.truth ?? 'unknown']),
    kinds: count((row) => JSON.parse(row.pollution_kinds) as string[]),
    units: count((row) => (row.unit_id === null ? [] : [String(row.unit_id)])),
    fines: cases.reduce((total, row) => total + row.fines_yuan, 0),
  };
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe('the petition figures of a large ledger', () => {
  it('are read from a tally the ledger keeps in step with every case written, changed and removed', async () => {
    ledger = await newLedger();
    const { 生态环境厅: eco, 水利厅: water } = addUnits(ledger, ['生态环境厅', '水利厅']);
    const first = unwrap(ledger.petitions.create({ receiptNumber: 'D1', problem: '粉尘', truth: 'true', finesYuan: 500, unitId: eco }));
    unwrap(ledger.petitions.create({ receiptNumber: 'D2', problem: '噪声', pollutionKinds: ['noise', 'air'], unitId: eco }));
    const third = unwrap(ledger.petitions.create({ receiptNumber: 'D3', problem: '异味', completion: 'completed', finesYuan: 70 }));
    unwrap(ledger.petitions.update(first.id, { receiptNumber: 'D1', problem: '粉尘', truth: 'false', completion: 'completed', finesYuan: 900, unitId: water }));
    unwrap(ledger.petitions.remove(third.id));

    const expected = countedFromRows(ledger);
    const { petitions } = ledger.stats();
    expect(petitions.total).toBe(expected.total);
    expect(nonZero(petitions.byCompletion)).toEqual(expected.completion);
    expect(nonZero(petitions.byTruth)).toEqual(expected.truth);
    expect(nonZero(petitions.byKind)).toEqual(expected.kinds);
    expect(Object.fromEntries(petitions.byUnit.map((row) => [String(row.unit.id), row.total]))).toEqual(expected.units);
    expect(petitions.accountability.finesYuan).toBe(expected.fines);
    // The tally holds a row per combination of the counted columns, never one per case.
    const tally = ledger.context.db.get<{ rows: number; cases: number }>('SELECT count(*) AS rows, sum(cases) AS cases FROM petition_tally');
    expect(tally).toEqual({ rows: 2, cases: 2 });
  });

  it('count the cases of a ledger written before the tally was kept', async () => {
    const path = join(tempDir(), 'v11.duban');
    const { store } = unwrap(await LedgerStore.create(path, { password: 'tally-test-password', kdf: KDF_FLOOR }));
    unwrap(store.write((w) => migrate(w, 11)));
    unwrap(
      store.write((w) => {
        const at = '2026-01-05T09:00:00.000+08:00';
        const insert = 'INSERT INTO petition_cases (receipt_number, problem, completion, fines_yuan, created_at, updated_at) VALUES (?, ?, ?, 10, ?, ?)';
        w.run(insert, ['D1', '噪声', 'pending', at, at]);
        w.run(insert, ['D2', '噪声', 'completed', at, at]);
        w.run(insert, ['D3', '噪声', 'completed', at, at]);
        return ok(undefined);
      }),
    );
    unwrap(store.close());
    ledger = unwrap(await Ledger.open(path, { password: 'tally-test-password' }));
    expect(ledger.stats().petitions).toMatchObject({ total: 3, byCompletion: { pending: 1, completed: 2 }, accountability: { finesYuan: 30 } });
  });
});
