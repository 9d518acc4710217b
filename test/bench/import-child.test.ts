import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, unitLedger } from '../../bench/excel';
import { writePetitionWorkbook } from '../../bench/workbooks';

const CHILD = join(import.meta.dirname, '..', '..', 'bench', 'import-child.ts');
let dir = '';

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the bench's import", () => {
  it('runs as the desktop app runs it: the built core worker asked through the contract, the ledger written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-import-child-'));
    const ledger = join(dir, 'units.duban');
    const workbook = join(dir, 'petitions.xlsx');
    await unitLedger(ledger);
    await writePetitionWorkbook(workbook, 40);
    const output = execFileSync(process.execPath, ['--import', 'tsx', CHILD, ledger, PASSWORD, workbook], { encoding: 'utf8' });
    const measured = JSON.parse(output.trim().split('\n').pop()!);
    expect(measured.created).toBe(40);
    expect(measured.peakMb).toBeGreaterThan(0);
    expect(measured.cpuMs).toBeGreaterThan(0);
  }, 60_000);
});
