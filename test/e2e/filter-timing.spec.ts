import { expect, test } from './bridge';
import { filterMeasures } from './filter-timing';
import { call, ledgerWithTwoTasks, openScreen } from './steps';

/**
 * The task and petition lists time their searches themselves (performance marks), so that the bench
 * reads what a person waits for rather than a test's polling. Here: that each search is measured once.
 */
test('the task and petition lists measure each search from its firing to its rows painted', async ({ app, workDir }) => {
  const { page } = app;
  await ledgerWithTwoTasks(page, workDir);
  await call(page, 'petitions.create', { receiptNumber: 'D1', problem: '夜间偷排废水' });
  await call(page, 'petitions.create', { receiptNumber: 'D2', problem: '噪声扰民' });

  await openScreen(page, '整改任务台账');
  await page.getByRole('searchbox').fill('第2项');
  await expect(page.getByRole('gridcell', { name: '2', exact: true })).toBeVisible();
  await expect.poll(() => filterMeasures(page, 'tasks')).toHaveLength(1);
  expect((await filterMeasures(page, 'tasks'))[0]).toBeGreaterThan(0);

  await openScreen(page, '信访件');
  await page.getByRole('searchbox').fill('噪声');
  await expect(page.getByRole('gridcell', { name: 'D2', exact: true })).toBeVisible();
  await expect.poll(() => filterMeasures(page, 'petitions')).toHaveLength(1);
  expect(await filterMeasures(page, 'tasks')).toHaveLength(1);
});
