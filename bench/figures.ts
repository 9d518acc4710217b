/** A benchmark figure, printed for people or as one JSON line for scripts (`npm run bench -- --json`). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export async function timed<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** A step's value, or the benchmark stops saying which step failed and why. */
export function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`benchmark step failed: ${JSON.stringify(result.error)}`);
  return result.value;
}
