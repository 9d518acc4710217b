import { join } from 'node:path';
import { writeFixture } from '../../bench/fixtures';
import { ok } from '../../src/shared/result';
import { expect, snap, test } from './bridge';
import { madeLedger } from './made-ledger';
import { openLedger } from './steps';

const TASKS = 20_000;

/** A ledger of 20,000 tasks, written in one transaction in this process (the screens only read it). */
const bigLedger = (path: string): Promise<void> =>
  madeLedger(path, (ledger) =>
    ledger.store.write((w) => ok(writeFixture(w, { units: 60, tasks: TASKS, petitions: 0, progressReports: 0 }, '2026-01-05T09:00:00.000+08:00'))),
  );

test('the ledger of 20,000 tasks opens, scrolls to its end, searches and sorts without delay', async ({ app, workDir }) => {
  const { page } = app;
  const path = join(workDir, 'large.duban');
  await bigLedger(path);
  await openLedger(page, path);

  const timed = async (step: () => Promise<void>): Promise<number> => {
    const start = Date.now();
    await step();
    return Date.now() - start;
  };
  const figures = {
    open: await timed(async () => {
      await page.goto(`${new URL(app.url).origin}/#/tasks`);
      await expect(page.getByText('共 20,000 项任务')).toBeVisible();
      await expect(page.getByRole('gridcell', { name: '1', exact: true })).toBeVisible();
    }),
    end: await timed(async () => {
      await page.getByRole('row').nth(1).focus();
      await page.keyboard.press('End');
      await expect(page.getByRole('gridcell', { name: String(TASKS), exact: true })).toBeVisible();
    }),
    search: await timed(async () => {
      await page.getByRole('searchbox').fill('第19999项');
      await expect(page.getByText('筛选出 1 项任务')).toBeVisible();
    }),
    sort: await timed(async () => {
      await page.getByRole('button', { name: '清除筛选' }).first().click();
      await page.getByRole('button', { name: /^整改时限/ }).click();
      await expect(page).toHaveURL(/sort=deadline/);
      await expect(page.getByText('共 20,000 项任务')).toBeVisible();
      await expect(page.locator('[role="row"][data-index="0"]')).not.toHaveAttribute('aria-busy', 'true');
    }),
  };
  // Only the rows in view (and a few either side) are in the page, whatever the ledger's size.
  expect(await page.locator('[role="row"][data-index]').count()).toBeLessThan(80);
  await snap(page, '30-ledger-20000');
  console.log(`ledger of ${TASKS} tasks, ms: ${JSON.stringify(figures)}`);
  for (const ms of Object.values(figures)) expect(ms).toBeLessThan(5_000);
});
