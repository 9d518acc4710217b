import type { BatchDraft } from '../src/core/documents/model';
import type { Ledger } from '../src/core/ledger';
import type { MonthlyReportRequest } from '../src/core/monthly-report/model';
import type { PetitionQuery } from '../src/core/petitions/model';
import type { TaskQuery } from '../src/core/tasks/model';
import type { IsoDate } from '../src/shared/dates';
import { child } from './ceiling';
import { type Figure, median, must, round, timed } from './figures';
import { type FixtureSize, LEDGER_LARGE } from './fixtures';
import { largeImportFigures } from './large-import';
import { cachedLedger } from './large-ledger';
import type { Bench, Report } from './parts';
import { uiFilterFigures } from './ui-filter';

const RUNS = 15;
const AS_OF = '2025-06-30' as IsoDate;

/** What the ledger screen asks when someone searches among the tasks under way, sorted by deadline. */
export const TASK_QUERY: TaskQuery = { search: '排污口', statuses: ['pending', 'in_progress'], sort: 'deadline', limit: 100 };
/** What the petitions screen asks when someone searches for a nuisance among the open cases. */
export const PETITION_QUERY: PetitionQuery = { search: '异味', completions: ['pending', 'stage_completed'], limit: 100 };
/** A whole receipt number typed into the petitions screen's search: the fixture's numbers share their first eleven characters. */
export const PETITION_NUMBER_QUERY: PetitionQuery = { search: 'D150000202300012345', limit: 100 };
/** The batch of reminders 批量提醒函 offers: one to each unit with tasks overdue (90 in the fixture, up to 100 tasks in each). */
export const REMINDER_BATCH: BatchDraft = { docType: 'reminder', overdueAsOf: AS_OF, issuedOn: AS_OF, replyDue: '2025-07-10' };
/** The monthly report of the fixture's last month of progress. */
export const MONTHLY_REPORT: MonthlyReportRequest = { period: '2023-11', issuedOn: '2023-12-05' };
/** A document composed from thousands of reads takes most of a second: fewer runs than a list's query. */
const DOCUMENT_RUNS = 5;
/** An export of every task or every case takes seconds: timed once. */
const EXPORT_RUNS = 1;

async function medianMs(work: () => unknown, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work))[1]);
  return round(median(times));
}

/** Unlock, load and the dashboard's first figures: what a person waits for after typing the password. */
async function openMs(open: () => Promise<Ledger>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [ledger, ms] = await timed(async () => {
      const opened = await open();
      opened.stats({ asOf: AS_OF });
      return opened;
    });
    ledger.close();
    times.push(ms);
  }
  return round(median(times), 0);
}

/** The same open once per fresh process, as the app makes it (three, the median of each): its processor time and peak memory. */
function openProcessFigures(): Figure[] {
  const runs = [1, 2, 3].map(() => JSON.parse(child('open', 1)) as { cpuMs: number; peakMb: number });
  return [
    { name: 'open_cpu_ms_large', value: round(median(runs.map((run) => run.cpuMs)), 0), unit: 'ms' },
    { name: 'open_peak_mb_large', value: round(median(runs.map((run) => run.peakMb)), 0), unit: 'MB' },
  ];
}

/** Half of the ledger archived as one finished round, in a process of its own (ceiling-child.ts): its time, its peak memory, its file. */
function archiveFigures(): Figure[] {
  const { archiveMs, peakMb, fileMb } = JSON.parse(child('archive', 1)) as { archiveMs: number; peakMb: number; fileMb: number };
  return [
    { name: 'archive_half_ms_large', value: round(archiveMs, 0), unit: 'ms' },
    { name: 'archive_half_peak_mb_large', value: round(peakMb, 0), unit: 'MB' },
    { name: 'archive_half_file_mb_large', value: round(fileMb, 0), unit: 'MB' },
  ];
}

const scaled = (size: FixtureSize, factor: number): FixtureSize => ({
  units: Math.max(20, Math.round(size.units / factor)),
  tasks: size.tasks / factor,
  petitions: size.petitions / factor,
  progressReports: size.progressReports / factor,
});

/** task_query_ms at 1×, 10× and 100× of 200 tasks, and how it grows: 0 is constant, 1 linear. */
async function growthFigures(largeMs: number, report: Report): Promise<void> {
  const times: number[] = [];
  for (const factor of [100, 10]) {
    const ledger = await (await cachedLedger(`large-${factor}`, scaled(LEDGER_LARGE, factor))).open();
    times.push(await medianMs(() => must(ledger.tasks.list(TASK_QUERY))));
    ledger.close();
    report({ name: `task_query_ms_${LEDGER_LARGE.tasks / factor}`, value: times.at(-1)!, unit: 'ms' });
  }
  times.push(largeMs);
  report({ name: 'task_query_ms_20000', value: largeMs, unit: 'ms' });
  const exponent = (from: number, to: number): number => round(Math.log(times[to]! / times[from]!) / Math.log(10 ** (to - from)));
  report({ name: 'task_query_growth_1x_10x', value: exponent(0, 1), unit: 'exponent' });
  report({ name: 'task_query_growth_10x_100x', value: exponent(1, 2), unit: 'exponent' });
  report({ name: 'task_query_growth_1x_100x', value: exponent(0, 2), unit: 'exponent' });
}

/** The lists' queries and the dashboard on one open ledger, each figure printed as it is measured; the task query's time for the growth. */
async function ledgerFigures(ledger: Ledger, bench: Bench): Promise<number | undefined> {
  let taskMs: number | undefined;
  const measure = (name: string, work: () => unknown, runs?: number) =>
    bench.part(name, async (report) => report({ name, value: await medianMs(work, runs), unit: 'ms' }));
  await bench.part('task_query_ms', async (report) => {
    taskMs = await medianMs(() => must(ledger.tasks.list(TASK_QUERY)));
    report({ name: 'task_query_ms', value: taskMs, unit: 'ms' });
  });
  await measure('task_counts_ms', () => must(ledger.tasks.counts(TASK_QUERY)));
  await measure('petition_query_ms', () => must(ledger.petitions.rows(PETITION_QUERY)));
  await measure('petition_query_number_ms', () => must(ledger.petitions.rows(PETITION_NUMBER_QUERY)));
  await measure('stats_ms_large', () => ledger.stats({ asOf: AS_OF }));
  await measure('reminder_batch_preview_ms_large', () => must(ledger.documents.previewBatch(REMINDER_BATCH)), DOCUMENT_RUNS);
  await measure('monthly_report_preview_ms_large', () => must(ledger.monthlyReport.preview(MONTHLY_REPORT)), DOCUMENT_RUNS);
  await measure('export_tasks_ms_large', async () => must(await ledger.exchange.export({ kind: 'tasks' })), EXPORT_RUNS);
  await measure('export_petitions_ms_large', async () => must(await ledger.exchange.export({ kind: 'petitions' })), EXPORT_RUNS);
  return taskMs;
}

/**
 * The lists and the dashboard on a province-level ledger: 20,000 tasks, 200,000 petitions, 100,000
 * reports. Each part prints its figures as it measures them; a part that fails (the browser run,
 * after many minutes) loses only its own.
 */
export async function largeFigures(bench: Bench): Promise<void> {
  const cached = await cachedLedger('large', LEDGER_LARGE);
  await bench.part('open_ms_large', async (report) => report({ name: 'open_ms_large', value: await openMs(cached.open), unit: 'ms' }));
  const ledger = await cached.open();
  const taskMs = await ledgerFigures(ledger, bench).finally(() => ledger.close());
  await bench.part('open_process', (report) => openProcessFigures().forEach(report));
  await bench.part('import_large', async (report) => (await largeImportFigures(cached)).forEach(report));
  await bench.part('archive_large', (report) => archiveFigures().forEach(report));
  await bench.part('task_query_growth', (report) => {
    if (taskMs === undefined) throw new Error('task_query_ms was not measured');
    return growthFigures(taskMs, report);
  });
  await bench.part('ui_filter_ms', (report) => uiFilterFigures().forEach(report));
}
