import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importedInHost } from './excel';
import { type Figure, round } from './figures';
import { startHostProcess } from './host-process';
import type { CachedLedger } from './large-ledger';
import { BENCH_PASSWORD } from './storage';
import { writePetitionWorkbook } from './workbooks';

/** The inspectors' ledger of the samples' size; its receipt numbers are the fixture's first cases'. */
const ROWS = 2_825;

/**
 * The office's import of the inspectors' petition ledger into a province's ledger, in the app's host
 * process on a copy of the large fixture: first the cases' text rewritten by the inspectors' own
 * (each case taken out of the search index and indexed again), then the same ledger a month on (the
 * handling moved on, the text as it was). Both update the 2,825 cases among 200,000.
 */
export async function largeImportFigures(cached: CachedLedger): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-large-import-'));
  try {
    const ledger = join(dir, 'large.duban');
    copyFileSync(cached.path, ledger);
    const workbooks = [join(dir, 'petitions.xlsx'), join(dir, 'petitions-next-month.xlsx')] as const;
    await writePetitionWorkbook(workbooks[0], ROWS);
    await writePetitionWorkbook(workbooks[1], ROWS, 1);
    const host = await startHostProcess();
    try {
      await host.call('session.open', { path: ledger, password: BENCH_PASSWORD });
      const times: number[] = [];
      for (const workbook of workbooks) {
        const [applied, ms] = await importedInHost(host, workbook, { createUnits: true });
        if (applied.updated !== ROWS) throw new Error(`the import updated ${applied.updated} of ${ROWS} cases`);
        times.push(ms);
      }
      return [
        { name: 'import_rewrite_2825_ms_large', value: round(times[0]!, 0), unit: 'ms' },
        { name: 'import_next_month_2825_ms_large', value: round(times[1]!, 0), unit: 'ms' },
      ];
    } finally {
      await host.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
