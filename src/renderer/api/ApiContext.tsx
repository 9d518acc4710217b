import { createContext, type ReactNode, useContext } from 'react';
import type { DubanApi } from '../../contract/api';

const ApiContext = createContext<DubanApi | null>(null);

export function ApiProvider({ api, children }: { api: DubanApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): DubanApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
