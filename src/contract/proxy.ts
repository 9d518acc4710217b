import type { Result } from '../shared/result';
import type { DubanApi } from './api';
import { CONTRACT, type MethodName, type Namespace } from './methods';

export type Invoke = (method: MethodName, args: unknown[]) => Promise<Result<unknown>>;

/**
 * The contract as an object of functions, each sending `(method, args)` through `invoke`: over
 * Electron's IPC (the preload's one function) in the desktop app, over HTTP to the loopback bridge
 * in a plain browser.
 */
export function contractProxy(invoke: Invoke): DubanApi {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<Result<unknown>>>> = {};
  for (const ns of Object.keys(CONTRACT) as Namespace[]) {
    api[ns] = {};
    for (const method of Object.keys(CONTRACT[ns])) api[ns][method] = (...args) => invoke(`${ns}.${method}` as MethodName, args);
  }
  return api as unknown as DubanApi;
}
