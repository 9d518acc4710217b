import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { createLedger, openScreen } from './steps';

/**
 * A petition table as governments publish it, through the import wizard: 是/否 and sentences read
 * as truth values, a cell it cannot read kept as text and named, columns without a field kept as
 * extra columns, and the case page showing them. Screenshots: test-results/screens/published-*.png.
 */
const PUBLISHED = join(import.meta.dirname, '..', 'fixtures', 'workbooks', 'published');

async function chooseFile(page: Page, name: string): Promise<void> {
  await page.getByLabel('Excel 文件', { exact: true }).setInputFiles(join(PUBLISHED, name));
}

test('import published petition tables: what was read, what was kept as text, and the cases keyed by batch and number, in digits or Chinese numerals', async ({
  app,
  workDir,
}) => {
  const { page } = app;
  test.setTimeout(180_000);
  await createLedger(page, workDir);
  await openScreen(page, '导入导出');

  // 一览表: 是/否, a truth cell that says something else is kept as text and named, the row still imports.
  await chooseFile(page, 'yilanbiao-shifou.xlsx');
  await expect(page.getByRole('heading', { name: 'yilanbiao-shifou.xlsx' })).toBeVisible();
  await expect(page.locator('.import-counts__item--create dd')).toHaveText('5');
  await expect(page.locator('.import-counts__item--error dd')).toHaveText('0');
  await expect(page.getByText('表中没有批次列，交办批次取自表格标题：第3批。')).toBeVisible();
  await page.getByRole('gridcell', { name: '北山采石场非法开采破坏植被' }).click();
  const detail = page.locator('.row-detail');
  await expect(detail).toContainText('是否属实：“正在核查”（G8）看不出属实与否，按原文作为附加列保留');
  await expect(detail).toContainText('是否属实：正在核查');
  await expect(detail).toContainText('拘留人数');
  await snap(page, 'published-01-kept-as-text');
  await page.getByRole('button', { name: '导入 5 条' }).click();
  await expect(page.getByText('导入完成：新增 5 条')).toBeVisible();

  // Extra columns: named in the preview, and kept on each case.
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await chooseFile(page, 'fujia-lie.xlsx');
  await expect(page.getByText('作为附加列保留：“处理类别”、“来源”、“备注二”')).toBeVisible();
  await expect(page.getByLabel('导入为 来源')).toHaveValue('');
  await expect(page.getByLabel('导入为 来源').locator('option:checked')).toHaveText('作为附加列保留');
  await page.getByRole('gridcell', { name: '青石镇石料厂粉尘' }).click();
  await snap(page, 'published-02-extra-columns');
  await page.getByRole('button', { name: '导入 3 条' }).click();

  // No receipt numbers: section labels passed over, cases keyed by the batch in the title.
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await chooseFile(page, 'fenlei-wubianhao.xlsx');
  await expect(page.getByText('按“第5批-序号”识别信访件')).toBeVisible();
  await page.getByRole('group', { name: '逐行预览' }).getByRole('button', { name: /跳过/ }).click();
  await expect(page.getByRole('gridcell', { name: '分类标题行' })).toHaveCount(3);
  await snap(page, 'published-03-sections');
  await page.getByRole('group', { name: '逐行预览' }).getByRole('button', { name: /全部/ }).click();
  await page.getByRole('button', { name: '导入 5 条' }).click();
  await expect(page.getByText('导入完成：新增 5 条')).toBeVisible();

  // Chinese numerals: the batch 第三批 in the title, 约谈两人 counted as two persons, the notes under the table passed over.
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await chooseFile(page, 'zhongwen-shuzi.xlsx');
  await expect(page.getByText('按“第3批-序号”识别信访件')).toBeVisible();
  await expect(page.locator('.import-counts__item--create dd')).toHaveText('4');
  await page.getByRole('gridcell', { name: '松林镇木材加工厂锅炉冒黑烟' }).click();
  await expect(detail).toContainText('约谈两人');
  await expect(detail).toContainText('问责人数');
  await snap(page, 'published-06-numerals');
  await page.getByRole('button', { name: '导入 4 条' }).click();
  await expect(page.getByText('导入完成：新增 4 条')).toBeVisible();

  // The list counts every case, and says how many a search found as the task ledger does.
  await page.evaluate("location.hash = '#/petitions'");
  await expect(page.getByText('共 17 件')).toBeVisible();
  await page.getByRole('searchbox').fill('锦程建材厂');
  await expect(page.getByText('筛选出 1 件')).toBeVisible();
  // The kinds' filter narrows the search further: the case is one of dust and noise, not of water.
  const kinds = page.getByRole('search').getByLabel('污染类型');
  await kinds.selectOption({ label: '水' });
  await expect(page.getByText('筛选出 0 件')).toBeVisible();
  await kinds.selectOption({ label: '噪声' });
  await expect(page.getByText('筛选出 1 件')).toBeVisible();
  await expect(kinds).toHaveValue('noise');

  // The case page: several kinds ticked, the accountability as written, the extra columns.
  await page.getByRole('gridcell', { name: '青禾县锦程建材厂粉尘污染严重，夜间生产噪声扰民' }).click();
  await expect(page.getByRole('checkbox', { name: '大气' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '噪声' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '水' })).not.toBeChecked();
  await expect(page.getByLabel('问责情况')).toHaveValue('对1家企业立案处罚，罚款5万元');
  await snap(page, 'published-04-case');
  await page.evaluate("location.hash = '#/petitions'");
  await page.getByRole('gridcell', { name: '青石镇石料厂粉尘' }).click();
  const extras = page.getByRole('region', { name: '附加列' });
  await expect(extras).toContainText('处理类别');
  await expect(extras).toContainText('立行立改');
  await snap(page, 'published-05-case-extra-columns');
});
