import { readFileSync } from 'node:fs';
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

const ROWS = 4_000;
const KB = 1024;

/**
 * A preview is held until it is applied: the sheet read, and the plan of every row (its preview, what
 * applying writes). The bench's 50,000-row import keeps it while its rows are written, so what a row
 * holds is most of that import's peak (docs/performance.md). The figure includes the code compiled on
 * the way, spread over the rows: tens of bytes a row.
 */
describe('a previewed petition import', () => {
  it('holds each planned row in under 1.5 KB besides the sheet (1.9 KB before), and applies', async () => {
    ledger = await newLedger();
    addUnits(ledger, BENCH_UNITS);
    const path = join(dir(), 'petitions.xlsx');
    await writePetitionWorkbook(path, ROWS);
    const sheet = await measured(() => readWorkbook(readFileSync(path)));
    const previewed = await measured(() => ledger.exchange.imports.preview({ path }));
    const planHeldPerRow = ((previewed.heldMb - sheet.heldMb) * KB * KB) / ROWS;
    expect(planHeldPerRow).toBeLessThan(1.5 * KB);
    const { importId, counts } = unwrap(previewed.result);
    expect(counts.create).toBe(ROWS);
    expect(unwrap(ledger.exchange.imports.apply(importId)).created).toBe(ROWS);
  }, 60_000);
});
