import { keepPreviousData, skipToken, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DubanApi } from '../../contract/api';
import type { MethodOf, Namespace } from '../../contract/methods';
import { useApi } from './ApiContext';
import { changesOf } from './changes';
import { type ArgsOf, contractQuery, type ValueOf } from './contractQuery';

/**
 * Reads a method of the contract while the screen shows, e.g. `useContractQuery('tasks', 'list', [query])`;
 * `null` arguments wait (nothing to ask yet). Reads with the same arguments share one answer.
 * `keepPrevious` shows the last answer while new arguments are asked (a list searched as one types).
 */
export function useContractQuery<N extends Namespace, M extends MethodOf<N>>(
  ns: N,
  method: M,
  args: ArgsOf<N, M> | null,
  { keepPrevious = false, askAgainWhile }: { keepPrevious?: boolean; askAgainWhile?: (value: ValueOf<N, M>) => boolean } = {},
): UseQueryResult<ValueOf<N, M>> {
  const api = useApi();
  const query = contractQuery(api, ns, method, args ?? ([] as unknown as ArgsOf<N, M>));
  return useQuery({
    ...query,
    ...(args === null ? { queryFn: skipToken } : {}),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    // An answer that is a step of longer work (the audit chain's check) is asked for again at once until it is whole.
    ...(askAgainWhile
      ? { refetchInterval: (q: { state: { data?: ValueOf<N, M> } }) => (q.state.data !== undefined && askAgainWhile(q.state.data) ? 1 : false) }
      : {}),
  });
}

/**
 * The contract for changes, e.g. `useContractMutation().progress.submit(report)`: each call answers
 * its Result (forms show its errors by field) and, once it succeeded, refreshes every read of what
 * its namespace touches (changes.ts).
 */
export function useContractMutation(): DubanApi {
  const api = useApi();
  const client = useQueryClient();
  return useMemo(() => changesOf(api, client), [api, client]);
}
