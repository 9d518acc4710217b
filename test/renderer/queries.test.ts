import { describe, expect, it } from 'vitest';
import type { DubanApi } from '../../src/contract/api';
import { changesOf, TOUCHES } from '../../src/renderer/api/changes';
import { contractQuery } from '../../src/renderer/api/contractQuery';
import { createQueryClient } from '../../src/renderer/api/queryClient';
import { err, ok } from '../../src/shared/result';

/** A contract whose every call answers `answer`, counting the calls. */
function fakeApi(answer: () => unknown) {
  const calls: string[] = [];
  const api = new Proxy({} as DubanApi, {
    get: (_, ns: string) =>
      new Proxy(
        {},
        {
          get:
            (__, method: string) =>
            async (...args: unknown[]) => {
              calls.push(`${ns}.${method}(${JSON.stringify(args)})`);
              return answer();
            },
        },
      ),
  });
  return { api, calls };
}

const isInvalid = (client: ReturnType<typeof createQueryClient>, key: readonly unknown[]): boolean => client.getQueryState(key)?.isInvalidated ?? false;

describe('the renderer reads the contract through TanStack Query', () => {
  it('keys a read by namespace, method and arguments and answers its value', async () => {
    const { api, calls } = fakeApi(() => ok([{ id: 1 }]));
    const client = createQueryClient();
    const query = contractQuery(api, 'tasks', 'list', [{ unitId: 3 }]);
    expect(query.queryKey).toEqual(['tasks', 'list', { unitId: 3 }]);
    expect(await client.fetchQuery(query)).toEqual([{ id: 1 }]);
    expect(calls).toEqual(['tasks.list([{"unitId":3}])']);
  });

  it('surfaces an error Result as the query error, once: an answer is not retried', async () => {
    const { api, calls } = fakeApi(() => err({ code: 'ledger.closed' }));
    const client = createQueryClient();
    await expect(client.fetchQuery({ ...contractQuery(api, 'units', 'list', []), retry: client.getDefaultOptions().queries?.retry })).rejects.toEqual({
      code: 'ledger.closed',
    });
    expect(calls).toHaveLength(1);
  });

  it('does not refetch when the window regains focus (a desktop app)', () => {
    expect(createQueryClient().getDefaultOptions().queries?.refetchOnWindowFocus).toBe(false);
  });

  it('after a progress report refreshes every read of what it touches, and nothing else', async () => {
    const { api } = fakeApi(() => ok(1));
    const client = createQueryClient();
    const reads: { queryKey: readonly unknown[]; queryFn: () => Promise<unknown> }[] = [
      contractQuery(api, 'stats', 'ledger', [{ asOf: '2026-11-30' }]),
      contractQuery(api, 'tasks', 'get', [7]),
      contractQuery(api, 'dispatch', 'month', []),
      contractQuery(api, 'todo', 'list', ['2026-11-30']),
      contractQuery(api, 'progress', 'ofPeriod', ['2026-11']),
      contractQuery(api, 'units', 'list', []),
    ];
    for (const read of reads) await client.fetchQuery(read);
    const result = await changesOf(api, client).progress.submit({ taskId: 7, unitId: 3, period: '2026-11', state: 'on_track' });
    expect(result).toEqual(ok(1));
    expect(reads.map((read) => isInvalid(client, read.queryKey))).toEqual([true, true, true, true, true, false]);
  });

  it('leaves every read as it was when the change was refused', async () => {
    const { api } = fakeApi(() => err({ code: 'bad_request' }));
    const client = createQueryClient();
    client.setQueryData(['tasks', 'list', {}], []);
    const result = await changesOf(api, client).progress.submit({ taskId: 7, unitId: 3, period: '2026-11', state: 'on_track' });
    expect(result.ok).toBe(false);
    expect(isInvalid(client, ['tasks', 'list', {}])).toBe(false);
  });

  it('lets every change refresh at least its own namespace', () => {
    for (const [ns, touched] of Object.entries(TOUCHES)) expect(touched).toContain(ns);
  });
});
