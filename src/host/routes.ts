import type { PlatformHandlers } from '../contract/api';
import { checkCall } from '../contract/check';
import { CONTRACT, METHOD_NAMES, type MethodName } from '../contract/methods';
import type { Result } from '../shared/result';

export type Route = (args: readonly unknown[]) => Promise<Result<unknown>>;
export type Routes = Readonly<Record<MethodName, Route>>;

/**
 * Every method of the contract, routed: the platform's to the shell, the rest to the core. The
 * shells register exactly these, so they cannot drift from the contract.
 */
export function contractRoutes(platform: PlatformHandlers, core: (method: MethodName, args: readonly unknown[]) => Promise<Result<unknown>>): Routes {
  const routes = {} as Record<MethodName, Route>;
  for (const method of METHOD_NAMES) {
    const [ns, name] = method.split('.') as [keyof typeof CONTRACT, string];
    routes[method] =
      ns === 'platform'
        ? async (args) => (platform as unknown as Record<string, (...a: readonly unknown[]) => unknown>)[name]!(...args) as Promise<Result<unknown>>
        : (args) => core(method, args);
  }
  return routes;
}

/** Checks a call from a renderer (known method, arguments of the declared shape) and routes it. */
export async function dispatch(routes: Routes, method: unknown, args: unknown): Promise<Result<unknown>> {
  const call = checkCall(method, args);
  return call.ok ? routes[call.value.method](call.value.args) : call;
}
