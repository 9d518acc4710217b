import { expect, test } from './bridge';
import { holdCalls, rowRerenders, watchRowRenders } from './row-renders';
import { call, createLedger, ledgerWithTwoTasks, openScreen } from './steps';

/**
 * A list's rows are drawn when they change, not when the screen around them does: on a ledger of
 * thousands, every row drawn again costs the next search its time.
 */
test('the ledger’s rows are not drawn again when the status counts arrive', async ({ app, workDir }) => {
  const { page } = app;
  await watchRowRenders(page);
  await ledgerWithTwoTasks(page, workDir);
  await openScreen(page, '整改任务台账');
  await expect(page.getByRole('button', { name: /^全部\d/ })).toContainText('2');

  const counts = await holdCalls(page, 'tasks.counts');
  await page.getByRole('searchbox').fill('第2项');
  await expect(page.getByRole('row')).toHaveCount(2);
  const drawn = await rowRerenders(page);
  counts.release();
  await expect(page.getByRole('button', { name: /^全部\d/ })).toContainText('1');
  expect(await rowRerenders(page)).toBe(drawn);
});

test('the petition cases’ rows are not drawn again while a search is typed', async ({ app, workDir }) => {
  const { page } = app;
  await watchRowRenders(page);
  await createLedger(page, workDir);
  for (const receiptNumber of ['D150000202306060001', 'D150000202306060002']) {
    await call(page, 'petitions.create', { receiptNumber, problem: '搅拌站夜间生产粉尘扰民', pollutionKinds: ['air'] });
  }
  await openScreen(page, '信访件');
  await expect(page.getByRole('row')).toHaveCount(3);

  const drawn = await rowRerenders(page);
  // A space: the box and the address change, the search (trimmed) and so the rows do not.
  await page.getByRole('searchbox').fill(' ');
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole('row')).toHaveCount(3);
  expect(await rowRerenders(page)).toBe(drawn);
});

test('a long list draws the rows on screen and a few beyond them, not more', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  for (let n = 1; n <= 60; n++) {
    await call(page, 'petitions.create', {
      receiptNumber: `D1500002023060600${String(n).padStart(2, '0')}`,
      problem: '搅拌站夜间生产粉尘扰民',
      pollutionKinds: ['air'],
    });
  }
  await openScreen(page, '信访件');
  await expect(page.locator('[role="row"][data-index="0"]')).toBeVisible();

  const body = (await page.locator('.data-table__body').boundingBox())!;
  const rows = await Promise.all((await page.locator('[role="row"][data-index]').all()).map(async (row) => (await row.boundingBox())!));
  const drawn = rows.length;
  const inView = rows.filter((row) => row.y + row.height > body.y && row.y < body.y + body.height).length;
  expect(inView).toBeGreaterThan(5);
  expect(drawn - inView).toBeLessThanOrEqual(4);
});
