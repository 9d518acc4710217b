import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type Figure, round } from './figures';

/** What "opens on this machine" means (issue 13): within 5 s, in at most 1.5 GB. */
export const CEILING = { openMs: 5_000, peakMb: 1_536 };
const MOST_ROUNDS = 12;

/** A step of ceiling-child.ts in a fresh process: what it printed. */
export function child(step: 'build' | 'open' | 'archive', rounds: number): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ceiling-child.ts'), step, String(rounds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the ceiling's ${step} of ${rounds} rounds failed`);
  return run.stdout;
}

/**
 * `npm run bench -- ceiling`: ledgers of 1, 2, 3 … rounds of the large fixture (20,000 tasks,
 * 200,000 petitions, 100,000 reports each), each opened in a fresh process, until one needs more
 * than 1.5 GB (memory is the wall; time only grows with size); ceiling_rounds is the largest size
 * up to which every step opened within 5 s and 1.5 GB.
 */
export function ceilingFigures(): Figure[] {
  const figures: Figure[] = [];
  let fits = 0;
  for (let rounds = 1; rounds <= MOST_ROUNDS; rounds++) {
    child('build', rounds);
    const { openMs, peakMb } = JSON.parse(child('open', rounds)) as { openMs: number; peakMb: number };
    figures.push(
      { name: `ceiling_open_ms_${rounds}x`, value: round(openMs, 0), unit: 'ms' },
      { name: `ceiling_peak_mb_${rounds}x`, value: round(peakMb, 0), unit: 'MB' },
    );
    if (peakMb > CEILING.peakMb) break;
    if (openMs <= CEILING.openMs && fits === rounds - 1) fits = rounds;
  }
  return [{ name: 'ceiling_rounds', value: fits, unit: 'rounds' }, ...figures];
}
