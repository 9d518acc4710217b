import { skipToken, useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { MethodOf, Namespace } from '../../contract/methods';
import { useApi } from './ApiContext';
import { runChange } from './changes';
import { type ArgsOf, contractQuery, type ValueOf } from './contractQuery';

/**
 * Reads a method of the contract while the screen shows, e.g. `useContractQuery('tasks', 'list', [query])`;
 * `null` arguments wait (nothing to ask yet). Reads with the same arguments share one answer.
 */
export function useContractQuery<N extends Namespace, M extends MethodOf<N>>(ns: N, method: M, args: ArgsOf<N, M> | null): UseQueryResult<ValueOf<N, M>> {
  const api = useApi();
  const query = contractQuery(api, ns, method, args ?? ([] as unknown as ArgsOf<N, M>));
  return useQuery(args === null ? { queryKey: query.queryKey, queryFn: skipToken } : query);
}

/**
 * A change through the contract, e.g. `useContractMutation('progress', 'submit')`: `run(...args)`
 * answers the Result (forms show its errors by field) and refreshes what the change touches.
 */
export function useContractMutation<N extends Namespace, M extends MethodOf<N>>(ns: N, method: M) {
  const api = useApi();
  const client = useQueryClient();
  const mutation = useMutation({ mutationFn: (args: ArgsOf<N, M>) => runChange(api, client, ns, method, args) });
  return { run: (...args: ArgsOf<N, M>) => mutation.mutateAsync(args), running: mutation.isPending };
}
