import type { Ledger } from '../src/core/ledger';
import type { IsoDate } from '../src/shared/dates';
import { type Figure, median, round, timed } from './figures';

const RUNS = 10;

/** The dashboard's figures on a large ledger (LARGE: 2,000 tasks, 20,000 petitions, 50,000 reports). */
export async function statsFigures(ledger: Ledger): Promise<Figure[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(() => ledger.stats({ asOf: '2025-06-30' as IsoDate })))[1]);
  return [{ name: 'stats_ms_large', value: round(median(times)), unit: 'ms' }];
}
