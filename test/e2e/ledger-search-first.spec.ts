import type { Request } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { ledgerWithTwoTasks, openScreen } from './steps';

/** The contract's method a request of the page calls. */
const methodOf = (request: Request): string | undefined =>
  request.url().endsWith('/api') ? (JSON.parse(request.postData() ?? '{}') as { method?: string }).method : undefined;

/**
 * The core answers one call at a time: what the ledger asks besides its rows (the status tabs'
 * counts, matches among archived rows) waits until the rows of a search are shown.
 */
test('a search of the ledger asks for its rows before anything else it shows', async ({ app, workDir }) => {
  const { page } = app;
  await ledgerWithTwoTasks(page, workDir);
  await openScreen(page, '整改任务台账');
  await expect(page.getByRole('button', { name: /^全部\d/ })).toContainText('2');

  const asked: string[] = [];
  page.on('request', (request) => {
    const method = methodOf(request);
    if (method && method !== 'session.status') asked.push(method);
  });
  await page.getByRole('searchbox').fill('第2项');
  await expect(page.getByRole('gridcell', { name: '2', exact: true })).toBeVisible();
  await expect.poll(() => [...asked].sort()).toEqual(['archive.search', 'tasks.counts', 'tasks.list']);
  expect(asked[0]).toBe('tasks.list');
  await expect(page.getByRole('button', { name: /^全部\d/ })).toContainText('1');
  await snap(page, 'ledger-searched');
});
