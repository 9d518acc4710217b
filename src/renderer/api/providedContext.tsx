import { createContext, type ReactNode, useContext } from 'react';

/**
 * A context the app always provides (the contract, the session): its provider takes the value, and
 * its hook, used outside the provider, is a programming error rather than a null to check at each use.
 */
export function providedContext<T>(hook: string) {
  const Context = createContext<T | null>(null);
  function Provider({ value, children }: { value: T; children: ReactNode }) {
    return <Context.Provider value={value}>{children}</Context.Provider>;
  }
  function useProvided(): T {
    const value = useContext(Context);
    if (value === null) throw new Error(`${hook} outside its provider`);
    return value;
  }
  return { Provider, useProvided };
}
