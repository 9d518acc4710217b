import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditCheck, stillChecking } from '../src/core/audit/model';
import type { ImportOptions, ImportPreview, ImportResult } from '../src/core/excel/import/model';
import { Ledger } from '../src/core/ledger';
import { KDF_FLOOR } from '../src/core/storage/kdf';
import { type Figure, median, must, round, timed } from './figures';
import { type HostProcess, startHostProcess } from './host-process';
import { libreOfficeCsvMs } from './libreoffice';
import { BENCH_UNITS, writePetitionWorkbook } from './workbooks';

const PASSWORD = 'benchmark password';

/** A ledger holding the units the petitions name, closed, ready for a child to open. */
async function unitLedger(path: string): Promise<void> {
  const { ledger } = must(await Ledger.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  for (const name of BENCH_UNITS) must(ledger.units.create({ name, kind: 'city' }));
  must(ledger.close());
}

const workbookOf = (dir: string, rows: number): string => join(dir, `petitions-${rows}.xlsx`);

/**
 * Reads, plans, previews and applies `rows` petition rows as the app does, in a fresh host process
 * (host-process.ts): the time from asking for the preview to the import written, the host's
 * processor time meanwhile, and its peak resident memory from the moment the ledger is open (the
 * key's derivation, 128 MB of its own, is the open's, not the import's).
 */
export async function measureImport(dir: string, rows: number): Promise<{ ms: number; cpuMs: number; peakMb: number; history: HistoryTimes }> {
  const ledger = join(dir, `import-${rows}.duban`);
  const workbook = workbookOf(dir, rows);
  await unitLedger(ledger);
  await writePetitionWorkbook(workbook, rows);
  const host = await startHostProcess();
  try {
    await host.call('session.open', { path: ledger, password: PASSWORD });
    host.resetPeak();
    const cpu = host.cpuMs();
    const [applied, ms] = await importedInHost(host, workbook);
    if (applied.created !== rows) throw new Error(`the import created ${applied.created} of ${rows} cases`);
    const measured = { ms, cpuMs: host.cpuMs() - cpu, peakMb: host.peakMb() };
    return { ...measured, history: await historyTimes(host, rows) };
  } finally {
    await host.stop();
  }
}

/** A workbook previewed and applied as the app does, timed from asking for the preview to the import written. */
export const importedInHost = (host: HostProcess, workbook: string, options?: ImportOptions): Promise<[ImportResult, number]> =>
  timed(async () => {
    // Options left out, not sent as null: the wire writes a missing argument as null, which the contract refuses.
    const preview = await host.call<ImportPreview>('exchange.preview', { path: workbook }, ...(options ? [options] : []));
    return host.call<ImportResult>('exchange.apply', preview.importId);
  });

/** The change history's screen on the ledger an import left: a page of one kind, its chain checked the first time and again. */
interface HistoryTimes {
  readonly pageMs: number;
  readonly verifyMs: number;
  readonly verifyAgainMs: number;
}

/** The chain checked as the screens check it: step after step until whole. */
async function checkWhole(host: HostProcess): Promise<void> {
  for (;;) {
    const check = await host.call<AuditCheck>('audit.verify');
    if (!stillChecking(check)) return;
  }
}

async function historyTimes(host: HostProcess, rows: number): Promise<HistoryTimes> {
  const [page, pageMs] = await timed(() => host.call<unknown[]>('audit.list', { entity: 'petition_case', limit: 100 }));
  if (page.length !== Math.min(100, rows)) throw new Error(`the history's page held ${page.length} entries`);
  const [, verifyMs] = await timed(() => checkWhole(host));
  const [, verifyAgainMs] = await timed(() => checkWhole(host));
  return { pageMs, verifyMs, verifyAgainMs };
}

const SAMPLES = join(import.meta.dirname, '..', 'test', 'fixtures', 'workbooks');
const RUNS = 3;

/**
 * The units' workbooks for a month, on the ledger the samples make: one for each unit with open tasks,
 * written with its tasks, locked columns, lists and instructions, and remembered; the median time and
 * how many workbooks (the samples' tasks decide it, not the bench).
 */
async function measurePackages(dir: string): Promise<{ ms: number; files: number }> {
  const { ledger } = must(await Ledger.create(join(dir, 'packages.duban'), { password: PASSWORD, kdf: KDF_FLOOR }));
  must(await ledger.exchange.imports.importFile({ path: join(SAMPLES, 'units.xlsx') }, {}, false));
  must(
    await ledger.exchange.imports.importFile(
      { path: join(SAMPLES, 'rectification-tasks.xlsx') },
      { createUnits: true, units: { '各盟市人民政府（行政公署）': { action: 'createGroup', members: { by: 'kind', kind: 'city' } } } },
      false,
    ),
  );
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < RUNS; i++) {
    const [exported, ms] = await timed(() => ledger.exchange.packages.export({ period: '2026-11' }));
    const { files: written, withoutTasks } = must(exported);
    if (written.length === 0 || written.length + withoutTasks.length !== ledger.units.list().length)
      throw new Error('every unit should get a workbook or be named as without tasks');
    files = written.length;
    times.push(ms);
  }
  must(ledger.close());
  return { ms: median(times), files };
}

/** How the import time grows with the rows: 1 is in proportion; the worse of the two tenfold steps. */
const growthExponent = (times: readonly [number, number, number]): number => Math.max(Math.log10(times[1] / times[0]), Math.log10(times[2] / times[1]));

/** The 50,000-row import against LibreOffice's conversion of the same file, when soffice is there. */
function againstLibreOffice(dir: string, importMs: number): Figure[] {
  const libreOfficeMs = libreOfficeCsvMs(workbookOf(dir, 50_000), workbookOf(dir, 500), dir);
  if (libreOfficeMs === null) return [];
  return [
    { name: 'libreoffice_csv_50000_ms', value: round(libreOfficeMs, 0), unit: 'ms' },
    { name: 'import_vs_libreoffice_50000', value: round(importMs / libreOfficeMs), unit: '×' },
  ];
}

export async function excelFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-excel-'));
  try {
    const petitions = await measureImport(dir, 2825);
    const base = await measureImport(dir, 500);
    const tenfold = await measureImport(dir, 5_000);
    const large = await measureImport(dir, 50_000);
    const packages = await measurePackages(dir);
    return [
      { name: 'import_petitions_2825_ms', value: round(petitions.ms, 0), unit: 'ms' },
      { name: 'import_rows_500_ms', value: round(base.ms, 0), unit: 'ms' },
      { name: 'import_rows_5000_ms', value: round(tenfold.ms, 0), unit: 'ms' },
      { name: 'import_rows_50000_ms', value: round(large.ms, 0), unit: 'ms' },
      { name: 'import_growth_exponent', value: round(growthExponent([base.ms, tenfold.ms, large.ms])), unit: '' },
      // The processor time of the same: on a machine busy with other work it reads apart from the wall time.
      { name: 'import_rows_50000_cpu_ms', value: round(large.cpuMs, 0), unit: 'ms' },
      { name: 'import_rows_50000_peak_mb', value: round(large.peakMb, 0), unit: 'MB' },
      // The change history the import left, 50,000 entries: a page of the cases' changes, the chain checked once and again.
      { name: 'history_page_ms_50000', value: round(large.history.pageMs, 1), unit: 'ms' },
      { name: 'history_verify_ms_50000', value: round(large.history.verifyMs, 0), unit: 'ms' },
      { name: 'history_verify_again_ms_50000', value: round(large.history.verifyAgainMs, 1), unit: 'ms' },
      ...againstLibreOffice(dir, large.ms),
      { name: 'export_unit_packages_ms', value: round(packages.ms, 0), unit: 'ms' },
      { name: 'export_unit_packages_files', value: packages.files, unit: '' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
