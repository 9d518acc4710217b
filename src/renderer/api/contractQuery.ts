import type { DubanApi } from '../../contract/api';
import type { MethodOf, Namespace } from '../../contract/methods';
import type { Result } from '../../shared/result';

type Call<N extends Namespace, M extends MethodOf<N>> = DubanApi[N][M];
export type ArgsOf<N extends Namespace, M extends MethodOf<N>> = Call<N, M> extends (...args: infer A) => unknown ? A : never;
export type ValueOf<N extends Namespace, M extends MethodOf<N>> = Call<N, M> extends (...args: never[]) => Promise<Result<infer R>> ? R : never;

/** How the screens call any method: the typed entry points are above, this is the one untyped step. */
export const callOf = (api: DubanApi, ns: Namespace, method: string) =>
  (api[ns] as unknown as Record<string, (...args: unknown[]) => Promise<Result<unknown>>>)[method]!;

/**
 * A read of the contract as a query: keyed `[namespace, method, ...args]`, so that invalidating
 * `[namespace]` refreshes every read of it; an error Result becomes the query's error.
 */
export function contractQuery<N extends Namespace, M extends MethodOf<N>>(api: DubanApi, ns: N, method: M, args: ArgsOf<N, M>) {
  return {
    queryKey: [ns, method, ...args] as const,
    queryFn: async (): Promise<ValueOf<N, M>> => {
      const result = await callOf(api, ns, method)(...args);
      if (!result.ok) throw result.error;
      return result.value as ValueOf<N, M>;
    },
  };
}
