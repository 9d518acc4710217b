import type { IsoDate } from '../src/shared/dates';
import { timed } from './figures';
import { roundsOf } from './fixtures';
import { cachedLedger } from './large-ledger';

/**
 * One step of the ceiling, in a process of its own so that its peak memory is its own:
 * `build N` makes (once) the ledger of N rounds; `open N` opens it as the app does (unlock, load,
 * the dashboard's figures) and prints the time, the processor time and the process's peak resident
 * memory as JSON.
 */
const [step, rounds] = [process.argv[2], Number(process.argv[3])];
const cached = await cachedLedger(rounds === 1 ? 'large' : `large-x${rounds}`, roundsOf(rounds));
if (step === 'open') {
  const cpu = process.cpuUsage();
  const [ledger, ms] = await timed(async () => {
    const opened = await cached.open();
    opened.stats({ asOf: '2025-06-30' as IsoDate });
    return opened;
  });
  const { user, system } = process.cpuUsage(cpu);
  ledger.close();
  process.stdout.write(`${JSON.stringify({ openMs: ms, cpuMs: (user + system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}
