import { QueriesObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { DubanApi } from '../../src/contract/api';
import { changesOf } from '../../src/renderer/api/changes';
import { askFirstPage, askPages, PAGE, pageQuery, pagesHolding } from '../../src/renderer/api/pagedQuery';
import { createQueryClient } from '../../src/renderer/api/queryClient';
import { ok } from '../../src/shared/result';

/** A contract that answers every list with a page of one row out of 500, and every change with 1, noting the lists asked. */
function fakeApi() {
  const asked: string[] = [];
  const api = new Proxy({} as DubanApi, {
    get: (_, ns: string) =>
      new Proxy(
        {},
        {
          get: (__, method: string) => async (query?: { offset?: number }) => {
            if (method !== 'list') return ok(1);
            asked.push(`${ns}.list@${query?.offset}`);
            return ok({ rows: [{ id: query?.offset }], total: 500 });
          },
        },
      ),
  });
  return { api, asked };
}

/** Watches pages as a table on screen does, until it is told to stop. */
async function watchPages(api: DubanApi, client: ReturnType<typeof createQueryClient>, pages: number[]) {
  const observer = new QueriesObserver(
    client,
    pages.map((page) => pageQuery(api, 'tasks', 'list', { search: '水' }, page)),
  );
  const stop = observer.subscribe(() => undefined);
  await expect.poll(() => observer.getCurrentResult().every((page) => page.isSuccess)).toBe(true);
  return { observer, stop };
}

describe('a long list is read page by page through TanStack Query', () => {
  it('keys a page like any read of its namespace, with the page as limit and offset', () => {
    const { api } = fakeApi();
    expect(pageQuery(api, 'tasks', 'list', { search: '水' }, 2).queryKey).toEqual(['tasks', 'list', { search: '水', limit: PAGE, offset: 2 * PAGE }]);
  });

  it('reads every page on screen again after a change to what the list shows, and only those', async () => {
    const { api, asked } = fakeApi();
    const client = createQueryClient();
    const { observer, stop } = await watchPages(api, client, [0, 1]);
    expect(asked).toEqual(['tasks.list@0', 'tasks.list@200']);

    expect(await changesOf(api, client).tasks.assignSource({ taskIds: [1], inspectionId: 2 })).toEqual(ok(1));
    await expect.poll(() => asked).toEqual(['tasks.list@0', 'tasks.list@200', 'tasks.list@0', 'tasks.list@200']);
    expect(observer.getCurrentResult().map((page) => page.data)).toEqual([
      { rows: [{ id: 0 }], total: 500 },
      { rows: [{ id: 200 }], total: 500 },
    ]);
    stop();
  });

  it('leaves the pages alone after a change to something else', async () => {
    const { api, asked } = fakeApi();
    const client = createQueryClient();
    const { stop } = await watchPages(api, client, [0]);
    await changesOf(api, client).drafts.drop('task');
    expect(client.getQueryState(pageQuery(api, 'tasks', 'list', { search: '水' }, 0).queryKey)?.isInvalidated).toBe(false);
    expect(asked).toEqual(['tasks.list@0']);
    stop();
  });

  it('asks a changed query’s first page as the filter changes, before the table renders it, which then reads that answer: one call', async () => {
    const { api, asked } = fakeApi();
    const client = createQueryClient();
    askFirstPage(client, api, 'tasks', 'list', { search: '水' });
    expect(asked).toEqual(['tasks.list@0']);
    // On a short list the answer may come before the table has rendered: it is not asked again.
    await expect.poll(() => client.getQueryData(pageQuery(api, 'tasks', 'list', { search: '水' }, 0).queryKey)).toBeDefined();
    const { observer, stop } = await watchPages(api, client, [0]);
    expect(asked).toEqual(['tasks.list@0']);
    expect(observer.getCurrentResult()[0]!.data).toEqual({ rows: [{ id: 0 }], total: 500 });
    stop();
  });

  it('asks the pages holding the rows in view, once each; a new query starts again from its first page', () => {
    expect(pagesHolding(150, 450)).toEqual([0, 1, 2]);
    const asked = askPages({ key: 'a', pages: [0] }, 'a', [0, 1]);
    expect(asked).toEqual({ key: 'a', pages: [0, 1] });
    expect(askPages(asked, 'a', [1])).toBe(asked);
    expect(askPages(asked, 'b', [3])).toEqual({ key: 'b', pages: [0, 3] });
  });
});
