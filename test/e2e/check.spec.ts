import { expect, snap, test } from './bridge';
import { call, createLedger, openScreen } from './steps';

/**
 * The queue 单位报完成 → 组内核查 → 销号: a task its lead unit reports completed shows so in the
 * ledger (最新进展, offered in 显示列) instead of 逾期, and its page takes it up in one action,
 * the unit's report beside it, into the close-out's steps. Screenshots: test-results/screens/check-*.png.
 */
test('a task reported completed is shown so in the ledger, not as overdue, and its check leads into the close-out', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  const unit = await call<{ id: number }>(page, 'units.create', { name: '自治区生态环境厅', shortName: '生态环境厅', kind: 'supervised' });
  const reported = await call<{ id: number }>(page, 'tasks.create', {
    number: '1',
    problem: '部分城镇污水处理厂长期超标排放',
    deadline: { kind: 'date', date: '2024-06-30' },
    status: 'in_progress',
    leadUnitIds: [unit.id],
  });
  await call(page, 'tasks.create', {
    number: '2',
    problem: '黄河流域入河排污口排查整治进展滞后',
    deadline: { kind: 'date', date: '2024-06-30' },
    leadUnitIds: [unit.id],
  });
  await call(page, 'progress.submit', {
    taskId: reported.id,
    unitId: unit.id,
    period: '2024-06',
    state: 'completed',
    progress: '三期提标改造工程已完工，出水连续三个月稳定达标',
    evidenceNote: '验收报告、三个月监测数据',
    reporter: '王建国',
    reporterPhone: '0471-6941001',
    reportedOn: '2024-07-05',
  });

  // The ledger: 单位报完成，待核查 where the deadline would say 逾期; its latest progress in 最新进展.
  await openScreen(page, '整改任务台账');
  await expect(page.getByRole('gridcell', { name: '2024年6月30日单位报完成，待核查' })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '2024年6月30日逾期' })).toHaveCount(1);
  await page.getByText('显示列').click();
  await page.getByRole('checkbox', { name: '最新进展' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: '最新进展' })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: /^已完成\s*2024年6月 三期提标改造工程已完工/ })).toBeVisible();
  await snap(page, 'check-01-ledger');

  // The task's page: the unit's report beside the close-out, and one action to take it up.
  await page.getByRole('gridcell', { name: '部分城镇污水处理厂长期超标排放' }).click();
  await expect(page.getByRole('heading', { name: '任务 1', exact: true })).toBeVisible();
  const closeOut = page.getByRole('region', { name: '销号' });
  await expect(closeOut.getByText('单位报完成，待核查')).toBeVisible();
  await expect(closeOut.getByText('三期提标改造工程已完工，出水连续三个月稳定达标')).toBeVisible();
  await expect(closeOut.getByRole('button', { name: '申请销号' })).toBeHidden();
  await snap(page, 'check-02-task-reported');
  await closeOut.getByRole('button', { name: '开始核查' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('验收报告、三个月监测数据')).toBeVisible();
  await expect(dialog.getByLabel('申请日期')).toHaveValue('2024-07-05');
  await expect(dialog.getByLabel('申请人')).toHaveValue('自治区生态环境厅 王建国');
  await expect(dialog.getByLabel('申请说明')).toHaveValue('三期提标改造工程已完工，出水连续三个月稳定达标');
  await snap(page, 'check-03-start-dialog');
  await dialog.getByRole('button', { name: '开始核查' }).click();
  await expect(dialog).toBeHidden();

  // Now in the close-out's steps: the request made from the report, the check to do.
  await expect(closeOut.getByText('单位报完成，待核查')).toBeHidden();
  await expect(closeOut.getByRole('button', { name: '核查通过' })).toBeVisible();
  await expect(page.getByText('销号核查中').first()).toBeVisible();
  await closeOut.getByRole('button', { name: '核查通过' }).click();
  await page.getByRole('dialog').getByLabel('核查意见').fill('现场核查属实，材料齐全。');
  await page.getByRole('dialog').getByRole('button', { name: '核查通过' }).click();
  await expect(closeOut.getByRole('button', { name: '批准销号' })).toBeVisible();
  await snap(page, 'check-04-task-checked');

  await openScreen(page, '整改任务台账');
  await expect(page.getByRole('gridcell', { name: '2024年6月30日核查通过，待批准' })).toBeVisible();
  // Checked, it has left the home page's to-do of completions reported.
  const todo = await call<{ reportedCompleted: unknown }>(page, 'todo.list');
  expect(todo.reportedCompleted).toEqual({ items: [], total: 0 });
});

test('the home page lists the oldest completions reported and leads to all of them in the ledger, filtered by the check’s stage', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  const unit = await call<{ id: number }>(page, 'units.create', { name: '自治区水利厅', shortName: '水利厅', kind: 'supervised' });
  for (let i = 1; i <= 12; i++) {
    const task = await call<{ id: number }>(page, 'tasks.create', {
      number: String(i),
      problem: `第${i}处入河排污口整治进展滞后`,
      deadline: { kind: 'date', date: '2024-06-30' },
      leadUnitIds: [unit.id],
    });
    await call(page, 'progress.submit', { taskId: task.id, unitId: unit.id, period: '2024-06', state: 'completed', progress: '已完成整治' });
  }
  await call(page, 'tasks.create', { number: '13', problem: '尚未报完成的任务', deadline: { kind: 'ongoing' }, leadUnitIds: [unit.id] });

  await page.reload();
  const reported = page.locator('.todo__group', { hasText: '单位报完成，待核查' });
  await expect(reported.locator('.todo__count')).toHaveText('12');
  await expect(reported.locator('li')).toHaveCount(8);
  await snap(page, 'check-05-todo-many');
  await reported.getByRole('link', { name: '在任务台账中查看全部 12 项' }).click();

  await expect(page.getByText('筛选出 12 项任务')).toBeVisible();
  await expect(page.getByLabel('核查进度')).toHaveValue('reported');
  await snap(page, 'check-06-ledger-awaiting-check');
  await expect(page.getByRole('gridcell', { name: '尚未报完成的任务' })).toHaveCount(0);
  await page.getByLabel('核查进度').selectOption('');
  await expect(page.getByText('共 13 项任务')).toBeVisible();
});
