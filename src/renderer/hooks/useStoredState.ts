import { useCallback, useState } from 'react';

/** For a remembered list of names (the columns shown). */
export const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * A screen's own choice (the columns shown), remembered on this machine between runs. Nothing of
 * the ledger goes here: only how the screens are arranged.
 */
export function useStoredState<T>(key: string, initial: T, isValid: (value: unknown) => value is T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(`duban.${key}`) ?? 'null');
      return isValid(stored) ? stored : initial;
    } catch {
      return initial;
    }
  });
  const store = useCallback(
    (next: T) => {
      setValue(next);
      localStorage.setItem(`duban.${key}`, JSON.stringify(next));
    },
    [key],
  );
  return [value, store];
}
