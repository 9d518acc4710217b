import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BENCH_UNITS, writePetitionWorkbook } from '../../../bench/workbooks';
import { readWorkbook } from '../../../src/core/excel/read/workbook';
import type { Ledger } from '../../../src/core/ledger';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { measured } from './heap';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const dir = useTempDir();
const newLedger = ledgerFactory(dir);
let ledger: Ledger;
afterEach(() => ledger?.close());

const KB = 1024;
const FEW = 2_000;
const MANY = 10_000;

/**
 * A preview is held until it is applied: the sheet read, and the plan of every row (its preview, what
 * applying writes). The bench's 50,000-row import keeps it while its rows are written, so what a row
 * holds is most of that import's peak (docs/performance.md). Measured as what the larger of two imports
 * holds beyond the smaller, both after a first import has paid what is paid once (the code compiled and
 * optimised on the way, caches filled): spread over the rows, that share made one import's figure vary
 * from run to run (1.1 KB a row alone, 1.6 in a full CI run).
 */
describe('a previewed petition import', () => {
  it('holds each planned row in under 1.25 KB besides the sheet (1.6 KB before), and applies', async () => {
    ledger = await newLedger();
    addUnits(ledger, BENCH_UNITS);
    ledger.exchange.imports.discard((await heldByPreview(MANY)).importId);
    const few = await heldByPreview(FEW);
    const many = await heldByPreview(MANY);
    const planHeldPerRow = ((many.planMb - few.planMb) * KB * KB) / (MANY - FEW);
    expect(planHeldPerRow).toBeLessThan(1.25 * KB);
    expect(many.counts.create).toBe(MANY);
    expect(unwrap(ledger.exchange.imports.apply(many.importId)).created).toBe(MANY);
  }, 60_000);
});

/** What the preview of a workbook of `rows` cases holds besides the sheet it read, in MB. */
async function heldByPreview(rows: number) {
  const path = join(dir(), `petitions-${rows}.xlsx`);
  if (!existsSync(path)) await writePetitionWorkbook(path, rows);
  const sheet = await measured(() => readWorkbook(readFileSync(path)));
  const previewed = await measured(() => ledger.exchange.imports.preview({ path }));
  return { ...unwrap(previewed.result), planMb: previewed.heldMb - sheet.heldMb };
}
