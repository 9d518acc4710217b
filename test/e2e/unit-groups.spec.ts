import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { call, createLedger, openScreen } from './steps';

/**
 * Unit groups (issue 11): a group made on the 单位 page, a task given to it through the task form,
 * the monthly dispatch naming each member; a published task list whose 责任单位 is a collective name,
 * its group offered in the import's preview. Screenshots: test-results/screens/unit-groups-*.png.
 */
const PUBLISHED = join(import.meta.dirname, '..', 'fixtures', 'workbooks', 'published');
const CITIES = ['东川市人民政府', '青山盟行政公署', '南湖市人民政府'];
const ALL_CITIES = '各盟市人民政府（行政公署）';

async function addUnits(page: Page): Promise<void> {
  for (const name of CITIES) await call(page, 'units.create', { name, kind: 'city' });
  for (const name of ['自治区水利厅', '自治区林业和草原局', '自治区住房和城乡建设厅', '自治区生态环境厅'])
    await call(page, 'units.create', { name, kind: 'supervised' });
}

/** A ledger with three 盟市 and four departments, open at the 单位 page's 新增单位组 dialog. */
async function newGroupDialog(page: Page, workDir: string) {
  await createLedger(page, workDir);
  await addUnits(page);
  await page.reload();
  await openScreen(page, '单位');
  await page.getByRole('button', { name: '新增单位组' }).click();
  return page.getByRole('dialog', { name: '新增单位组' });
}

test('a group of units ticked one by one keeps exactly the ticked units, and a unit unticked leaves it', async ({ app, workDir }) => {
  const { page } = app;
  const dialog = await newGroupDialog(page, workDir);
  await dialog.getByLabel('单位组名称').fill('水林两厅');
  await dialog.getByRole('radio', { name: '逐个选择单位' }).check();
  for (const name of ['自治区水利厅', '自治区林业和草原局', '自治区生态环境厅']) await dialog.getByRole('checkbox', { name }).check();
  await dialog.getByRole('checkbox', { name: '自治区生态环境厅' }).uncheck();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新增单位组“水林两厅”')).toBeVisible();
  const groups = page.getByRole('grid', { name: '单位组' });
  await expect(groups.getByRole('gridcell', { name: /^2 个：/ })).toContainText('自治区水利厅');
  await expect(groups.getByRole('gridcell', { name: /^2 个：/ })).toContainText('自治区林业和草原局');
});

test('a group of every 盟市, a task given to it in the form, each member owing the month in the dispatch', async ({ app, workDir }) => {
  const { page } = app;
  const dialog = await newGroupDialog(page, workDir);
  await dialog.getByLabel('单位组名称').fill(ALL_CITIES);
  await expect(dialog.getByRole('radio', { name: '某一类别的全部单位' })).toBeChecked();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已新增单位组“${ALL_CITIES}”`)).toBeVisible();
  const groups = page.getByRole('grid', { name: '单位组' });
  await expect(groups.getByRole('gridcell', { name: '全部盟市' })).toBeVisible();
  await expect(groups.getByRole('gridcell', { name: `3 个：${['东川市人民政府', '南湖市人民政府', '青山盟行政公署'].join('、')}` })).toBeVisible();
  await snap(page, 'unit-groups-screen');

  await openScreen(page, '整改任务台账');
  await page.getByRole('button', { name: '新增任务' }).click();
  await page.getByLabel('编号').fill('1');
  await page.getByLabel('问题', { exact: true }).fill('部分盟市城市黑臭水体整治不彻底，返黑返臭问题突出');
  const lead = page.getByRole('combobox', { name: '牵头单位' });
  await lead.fill('各盟市');
  await expect(page.getByRole('option', { name: new RegExp(`^${ALL_CITIES}`) })).toContainText('单位组：全部盟市');
  await lead.press('Enter');
  await expect(page.getByRole('button', { name: `移除“${ALL_CITIES}”` })).toBeVisible();
  await lead.press('Escape');
  await page.getByRole('radio', { name: '长期坚持' }).check();
  await snap(page, 'unit-groups-task-form');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '任务 1', exact: true })).toBeVisible();
  await expect(page.getByText(`${ALL_CITIES}（单位组）`)).toBeVisible();

  await page.evaluate("location.hash = '#/progress'");
  const table = page.getByRole('grid', { name: /各单位报送情况/ });
  for (const name of CITIES) await expect(table.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(CITIES.length + 1);
  await snap(page, 'unit-groups-dispatch');

  await page.getByRole('button', { name: '催报（3 个单位）' }).click();
  const chase = page.getByRole('dialog', { name: /催报/ });
  await expect(chase.getByRole('radio', { name: '每个成员单位各发一份' })).toBeChecked();
  await expect(chase.getByRole('button', { name: '确认发出 3 份催报函' })).toBeVisible();
  await chase.getByRole('radio', { name: '以单位组为主送，发一份' }).check();
  await expect(chase.frameLocator('iframe[title="打印预览"]').getByText(`${ALL_CITIES}：`)).toBeVisible();
  await expect(chase.getByRole('button', { name: '确认发出 1 份催报函' })).toBeVisible();
  await snap(page, 'unit-groups-chase-to-group');
  await chase.getByRole('button', { name: '确认发出 1 份催报函' }).click();
  await expect(page.getByText(/已发出 1 份催报函/)).toBeVisible();
  for (const name of CITIES) await expect(table.getByRole('row', { name: new RegExp(`${name}.*催报`) })).toBeVisible();
});

test('the import offers a group for 各盟市人民政府（行政公署） in a published task list, and writes nothing until answered', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  await addUnits(page);
  await openScreen(page, '导入导出');
  await page.getByLabel('Excel 文件', { exact: true }).setInputFiles(join(PUBLISHED, 'tasks-collective-units.xlsx'));
  await expect(page.getByRole('heading', { name: '统称的单位：需要对应单位组' })).toBeVisible();
  await expect(page.locator('.import-counts__item--error dd')).toHaveText('2');
  await snap(page, 'unit-groups-import-preview');
  await page.getByLabel(ALL_CITIES).selectOption({ label: '全部盟市（建议）' });
  await expect(page.getByText(`将新建单位组：${ALL_CITIES}（成员：全部盟市）`)).toBeVisible();
  await expect(page.locator('.import-counts__item--error dd')).toHaveText('0');
  await snap(page, 'unit-groups-import-answered');
  await page.getByRole('button', { name: '导入 4 条' }).click();
  await expect(page.getByText('新建了 1 个单位组')).toBeVisible();
  expect(await call<{ name: string }[]>(page, 'unitGroups.list')).toEqual([expect.objectContaining({ name: ALL_CITIES, memberIds: expect.any(Array) })]);
});
