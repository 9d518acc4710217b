import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { DubanApi } from '../../contract/api';
import type { DubanError } from '../../shared/errors';
import type { Result } from '../../shared/result';

const ApiContext = createContext<DubanApi | null>(null);

export function ApiProvider({ api, children }: { api: DubanApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): DubanApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: DubanError | null;
  readonly loading: boolean;
  reload(): void;
}

/**
 * Calls the contract when the screen shows (and whenever `deps` change); `reload` after a change.
 * A slower, older answer never overwrites a newer one.
 */
export function useLoad<T>(load: (api: DubanApi) => Promise<Result<T>>, deps: readonly unknown[]): Loaded<T> {
  const api = useApi();
  const [state, setState] = useState<{ data: T | undefined; error: DubanError | null; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const call = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    void load(api).then((result) => {
      if (call !== latest.current) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : { data: undefined, error: result.error, loading: false });
    });
    // `load` is a new function each render: `deps` say when to call again.
  }, [api, version, ...deps]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
