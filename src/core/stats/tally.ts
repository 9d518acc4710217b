/** Counts per key, every key of `keys` present (0 where no row names it). */
export function tally<K extends string>(
  keys: readonly K[],
  rows: readonly { readonly key: string | null; readonly n: number }[],
  nullKey?: K,
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const { key, n } of rows) {
    const k = (key ?? nullKey) as K | undefined;
    if (k !== undefined && k in counts) counts[k] += n;
  }
  return counts;
}

export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
