import type { Page, Request } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { call, createLedger, ledgerWithTwoTasks, openScreen } from './steps';

/** The contract's method a request of the page calls. */
const methodOf = (request: Request): string | undefined =>
  request.url().endsWith('/api') ? (JSON.parse(request.postData() ?? '{}') as { method?: string }).method : undefined;

/**
 * The core answers one call at a time: what a list asks besides its rows (the status tabs'
 * counts, matches among archived rows) waits until the rows of a search are shown.
 */
/** Records the contract's methods the page calls from now on (the session's status aside). */
function askedFrom(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const method = methodOf(request);
    if (method && method !== 'session.status') asked.push(method);
  });
  return asked;
}

test('a search of the ledger asks for its rows before anything else it shows', async ({ app, workDir }) => {
  const { page } = app;
  await ledgerWithTwoTasks(page, workDir);
  await openScreen(page, '整改任务台账');
  await expect(page.getByRole('button', { name: /^全部\d/ })).toContainText('2');

  const asked = askedFrom(page);
  await page.getByRole('searchbox').fill('第2项');
  await expect(page.getByRole('gridcell', { name: '2', exact: true })).toBeVisible();
  await expect.poll(() => [...asked].sort()).toEqual(['archive.search', 'tasks.counts', 'tasks.list']);
  expect(asked[0]).toBe('tasks.list');
  await expect(page.getByRole('button', { name: /^全部\d/ })).toContainText('1');
  await snap(page, 'ledger-searched');
});

test('a search of the petition cases asks for its rows before the archived matches', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  for (const [receiptNumber, problem] of [
    ['D150000202306060001', '搅拌站夜间生产粉尘扰民'],
    ['D150000202306060002', '养殖场粪污直排河道'],
  ]) {
    await call(page, 'petitions.create', { receiptNumber, problem, pollutionKinds: ['air'] });
  }
  await openScreen(page, '信访件');
  await expect(page.getByRole('row')).toHaveCount(3);

  const asked = askedFrom(page);
  await page.getByRole('searchbox').fill('粪污');
  await expect(page.getByRole('gridcell', { name: 'D150000202306060002' })).toBeVisible();
  await expect.poll(() => [...asked].sort()).toEqual(['archive.search', 'petitions.list']);
  expect(asked[0]).toBe('petitions.list');
});

/** Records, in the page's clock, when each call of the contract is sent (installed before the app starts: a reload). */
async function recordCallTimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sent: { method: string; at: number }[] = [];
    const send = globalThis.fetch;
    Object.assign(globalThis, {
      __sent: sent,
      fetch: (...args: Parameters<typeof fetch>) => {
        const body = args[1]?.body;
        if (typeof body === 'string') sent.push({ method: (JSON.parse(body) as { method: string }).method, at: performance.now() });
        return send(...args);
      },
    });
  });
  await page.reload();
}

test('what a searched list shows besides its rows is asked once the rows are painted', async ({ app, workDir }) => {
  const { page } = app;
  await recordCallTimes(page);
  await ledgerWithTwoTasks(page, workDir);
  await openScreen(page, '整改任务台账');
  await expect(page.getByRole('button', { name: /^全部\d/ })).toContainText('2');

  await page.getByRole('searchbox').fill('第2项');
  await expect(page.getByRole('button', { name: /^全部\d/ })).toContainText('1');
  const asked = () =>
    page.evaluate(() => {
      const fired = performance.getEntriesByName('duban:tasks:search-fired', 'mark')[0]!.startTime;
      const painted = performance.getEntriesByName('duban:tasks:rows-painted', 'mark')[0]?.startTime ?? Infinity;
      const sent = (globalThis as unknown as { __sent: { method: string; at: number }[] }).__sent.filter((call) => call.at >= fired);
      return sent
        .filter((call) => call.method !== 'session.status')
        .map((call) => `${call.method} ${call.at >= painted ? 'after' : 'before'} the rows were painted`)
        .sort();
    });
  await expect
    .poll(asked)
    .toEqual(['archive.search after the rows were painted', 'tasks.counts after the rows were painted', 'tasks.list before the rows were painted']);
});
