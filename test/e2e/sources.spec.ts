import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { createLedger, openScreen } from './steps';

/**
 * Sources after the fact (issue 9, point 10), as an office meets it: the feedback list imported
 * before its inspection was entered, the inspection entered, the tasks assigned to it in the ledger
 * (audited), the list imported again with its source: nothing new. Imported again without it, the
 * preview warns that it would duplicate the tasks and offers their source.
 */
const WORKBOOKS = join(import.meta.dirname, '..', 'fixtures', 'workbooks');
const SOURCE = '第二轮第六批中央生态环境保护督察';

async function importTasks(page: Page, source: string | null): Promise<void> {
  await openScreen(page, '导入导出');
  // The wizard may still show the last import's result.
  const another = page.getByRole('button', { name: '导入另一个文件' });
  if (await another.isVisible()) await another.click();
  await page.getByLabel('督察来源（整改任务）').selectOption(source === null ? { label: '不指定' } : { label: source });
  await page.getByLabel('Excel 文件', { exact: true }).setInputFiles(join(WORKBOOKS, 'rectification-tasks.xlsx'));
  await expect(page.getByRole('heading', { name: 'rectification-tasks.xlsx' })).toBeVisible();
}

const count = (page: Page, kind: string) => page.locator(`.import-counts__item--${kind} dd`);

test('tasks imported before their source are assigned to it, and importing the list again duplicates nothing', async ({ app, workDir }) => {
  const { page } = app;
  test.setTimeout(240_000);
  await createLedger(page, workDir);
  await openScreen(page, '导入导出');
  await page.getByLabel('Excel 文件', { exact: true }).setInputFiles(join(WORKBOOKS, 'units.xlsx'));
  await page.getByRole('button', { name: '导入 13 条' }).click();
  await expect(page.getByText('导入完成：新增 13 条')).toBeVisible();

  // The feedback list, before anyone entered its inspection.
  await importTasks(page, null);
  await page.getByLabel('各盟市人民政府（行政公署）').selectOption({ label: '全部盟市（建议）' });
  await page.getByRole('button', { name: '导入 14 条' }).click();
  await expect(page.getByText('新建了 1 个单位')).toBeVisible();

  // The inspection is entered afterwards.
  await openScreen(page, '督察来源');
  await page.getByRole('button', { name: '新增督察' }).click();
  const dialog = page.getByRole('dialog', { name: '新增督察' });
  await dialog.getByLabel('督察名称').fill(SOURCE);
  await dialog.getByLabel('反馈日期').fill('2023-06-12');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增督察“${SOURCE}”`)).toBeVisible();

  // In the ledger: the tasks without a source, all ticked, put under it.
  await openScreen(page, '整改任务台账');
  await page.getByRole('search', { name: '筛选任务' }).getByLabel('督察来源').selectOption({ label: '未归入督察来源' });
  await expect(page.getByText('筛选出 14 项任务')).toBeVisible();
  await page.getByRole('checkbox', { name: '选择筛选出的全部 14 项任务' }).click();
  await expect(page.getByRole('region', { name: '已选择的任务' })).toContainText('已选 14 项任务');
  await page.getByRole('checkbox', { name: '选择任务 14' }).uncheck();
  await expect(page.getByRole('region', { name: '已选择的任务' })).toContainText('已选 13 项任务');
  await page.getByRole('checkbox', { name: '选择任务 14' }).check();
  await snap(page, 'sources-01-ledger-selected');
  await page.getByRole('button', { name: '归入督察来源…' }).click();
  const assign = page.getByRole('dialog', { name: '归入督察来源' });
  await assign.getByLabel('督察来源').selectOption({ label: SOURCE });
  await snap(page, 'sources-02-assign-dialog');
  await assign.getByRole('button', { name: '归入 14 项任务' }).click();
  await expect(page.getByText(`已把 14 项任务归入“${SOURCE}”。`)).toBeVisible();
  await expect(page.getByText('没有符合筛选条件的任务。')).toBeVisible();

  // The change history says so, task by task.
  await openScreen(page, '操作记录');
  const moved = page
    .locator('.audit__entry')
    .filter({ hasText: /修改\s*整改任务 1 / })
    .first();
  await expect(moved).toContainText(`督察来源—→${SOURCE}`);

  // The same list again, with its source: every row is a task the ledger has, unchanged.
  await importTasks(page, SOURCE);
  await expect(count(page, 'create')).toHaveText('0');
  await expect(count(page, 'unchanged')).toHaveText('14');
  await expect(page.locator('.existing-tasks')).toHaveCount(0);
  await page.getByRole('button', { name: '放弃这次导入' }).click();

  // Without its source, the preview warns that it would add the 14 tasks again, and offers their source.
  await importTasks(page, null);
  await expect(count(page, 'create')).toHaveText('14');
  const warning = page.locator('.existing-tasks');
  await expect(warning).toContainText(`有 14 行看起来是台账中已有的任务：“${SOURCE}”下已有编号和问题都相同的任务`);
  await snap(page, 'sources-03-duplicate-warning');
  await warning.getByRole('button', { name: `改为按“${SOURCE}”导入：更新已有的任务，不再添加` }).click();
  await expect(count(page, 'create')).toHaveText('0');
  await expect(count(page, 'unchanged')).toHaveText('14');
  await page.getByRole('button', { name: '放弃这次导入' }).click();

  await openScreen(page, '整改任务台账');
  await expect(page.getByText('共 14 项任务')).toBeVisible();
});
