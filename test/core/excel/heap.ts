import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ReadLimits } from '../../../src/core/excel/read/limits';

/**
 * The heap a workbook read takes, measured as the read-limits and fuzz tests check it against the
 * bound limits.ts states: the collector is run before (and after, for what the read holds) through
 * V8's gc, exposed at run time.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap a read holds at most under `limits`, as limits.ts states it, in MB. */
export const heldAtMostMb = (l: ReadLimits): number => (l.maxCells * 84 + l.maxStrings * 40 + l.maxCharacters * 2 + l.maxMerges * 70) / 1024 / 1024 + 4;
/** What the young generation may hold of a read's garbage, not yet collected when the heap is sampled. */
export const GARBAGE_MB = 64;

/**
 * The time a read takes, how far the heap grew above where it was before (sampled while it runs),
 * and what it still holds once the collector has run (with the result alive).
 */
export async function measured<T>(read: () => Promise<T>): Promise<{ result: T; ms: number; heapMb: number; heldMb: number }> {
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  const start = performance.now();
  try {
    const result = await read();
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    gc();
    return { result, ms, heapMb: (peak - before) / 1024 / 1024, heldMb: (process.memoryUsage().heapUsed - before) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}
