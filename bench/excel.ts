import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/core/ledger';
import { KDF_FLOOR } from '../src/core/storage/kdf';
import { type Figure, round } from './figures';
import { BENCH_UNITS, writePetitionWorkbook } from './workbooks';

const PASSWORD = 'benchmark password';

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`benchmark step failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A ledger holding the units the petitions name, closed, ready for a child to open. */
async function unitLedger(path: string): Promise<void> {
  const { ledger } = must(await Ledger.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  for (const name of BENCH_UNITS) must(ledger.units.create({ name, kind: 'city' }));
  must(ledger.close());
}

/** Reads, plans, previews and applies `rows` petition rows in a fresh process: its time and peak memory. */
async function measureImport(dir: string, rows: number): Promise<{ ms: number; peakMb: number }> {
  const ledger = join(dir, `import-${rows}.duban`);
  const workbook = join(dir, `petitions-${rows}.xlsx`);
  await unitLedger(ledger);
  await writePetitionWorkbook(workbook, rows);
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import-child.ts'), ledger, PASSWORD, workbook], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  const measured = JSON.parse(output.trim().split('\n').pop()!) as { ms: number; peakMb: number; created: number };
  if (measured.created !== rows) throw new Error(`the import created ${measured.created} of ${rows} cases`);
  return measured;
}

export async function excelFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-excel-'));
  try {
    const petitions = await measureImport(dir, 2825);
    const large = await measureImport(dir, 50_000);
    return [
      { name: 'import_petitions_2825_ms', value: round(petitions.ms, 0), unit: 'ms' },
      { name: 'import_rows_50000_ms', value: round(large.ms, 0), unit: 'ms' },
      { name: 'import_rows_50000_peak_mb', value: round(large.peakMb, 0), unit: 'MB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
