import { loadavg } from 'node:os';
import type { IsoDate, Period } from '../src/shared/dates';
import { median, round } from './figures';
import { LEDGER_LARGE } from './fixtures';
import { cachedLedger } from './large-ledger';

/**
 * `node --import tsx bench/stats-cpu.ts`: the dashboard's figures on the large ledger alone, in
 * processor time (median of 20 calls), which a machine shared with other work disturbs less than
 * wall time. Twice: for the month the bench counts (no reports yet) and for a month every task
 * reported on (2023-11 in the fixture), since who has not reported is found from the month's reports.
 */
const CALLS = 20;
const AS_OF = '2025-06-30' as IsoDate;

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const ledger = await (await cachedLedger('large', LEDGER_LARGE)).open();
try {
  for (const period of [undefined, '2023-11' as Period]) {
    ledger.stats({ asOf: AS_OF, period });
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const started = cpuMs();
      ledger.stats({ asOf: AS_OF, period });
      times.push(cpuMs() - started);
    }
    const name = period ? `stats_cpu_ms_large_${period}` : 'stats_cpu_ms_large';
    process.stdout.write(`${JSON.stringify({ name, value: round(median(times)), unit: 'ms', load: round(loadavg()[0]!) })}\n`);
  }
} finally {
  ledger.close();
}
