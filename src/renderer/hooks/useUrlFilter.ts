import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list screen's filter kept in the address (?unit=3&state=concluded), so that the dashboard can
 * link to the list behind a number and the back button restores what was shown. Values are text;
 * an empty one is left out of the address.
 */
export function useUrlFilter<K extends string>(keys: readonly K[]): [Readonly<Record<K, string>>, (change: Partial<Record<K, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>, [params, keys]);
  const change = useCallback(
    (next: Partial<Record<K, string>>) => {
      const merged = { ...filter, ...next };
      setParams(Object.fromEntries(Object.entries<string>(merged).filter(([, value]) => value !== '')), { replace: true });
    },
    [filter, setParams],
  );
  return [filter, change];
}

/** A positive whole number from the address, or undefined. */
export const idParam = (value: string): number | undefined => (/^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined);
