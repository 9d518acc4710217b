import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { call, createLedger, openScreen } from './steps';

/**
 * The Excel screens through the browser bridge: the import wizard (a preview, unit names
 * confirmed, a column's field corrected and remembered, a refusal in words), the units' workbooks
 * written and one taken back, and an export. Screenshots: test-results/screens/exchange-*.png.
 */
const WORKBOOKS = join(import.meta.dirname, '..', 'fixtures', 'workbooks');

async function chooseFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Excel 文件', { exact: true }).setInputFiles(path);
}

test('import the samples, confirm a unit, correct a column, write and take back unit workbooks, export', async ({ app, workDir }) => {
  const { page } = app;
  test.setTimeout(240_000);
  await createLedger(page, workDir);
  await openScreen(page, '导入导出');
  await expect(page.getByRole('heading', { name: 'Excel 导入导出' })).toBeVisible();
  await snap(page, 'exchange-01-start');

  // A file that is not .xlsx is refused in one sentence saying what to do.
  await chooseFile(page, join(WORKBOOKS, 'old-format.xls'));
  await expect(page.getByRole('alert')).toContainText('请在 Excel 或 WPS 中打开它，选择“另存为”');
  await snap(page, 'exchange-02-refused');

  // Units first: a preview, then one click writes them.
  await chooseFile(page, join(WORKBOOKS, 'units.xlsx'));
  await expect(page.getByRole('heading', { name: 'units.xlsx' })).toBeVisible();
  await expect(page.locator('.import-counts__item--create dd')).toHaveText('13');
  await snap(page, 'exchange-03-units-preview');
  await page.getByRole('button', { name: '导入 13 条' }).click();
  await expect(page.getByText('导入完成：新增 13 条')).toBeVisible();

  // The task list names all 盟市 at once: its row waits until the user says which group that is.
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await chooseFile(page, join(WORKBOOKS, 'rectification-tasks.xlsx'));
  await expect(page.getByRole('heading', { name: '统称的单位：需要对应单位组' })).toBeVisible();
  await expect(page.locator('.import-counts__item--error dd')).toHaveText('1');
  await snap(page, 'exchange-04-tasks-unit-to-confirm');
  await page.getByLabel('各盟市人民政府（行政公署）').selectOption({ label: '全部盟市（建议）' });
  await expect(page.locator('.import-counts__item--error dd')).toHaveText('0');
  await expect(page.locator('.import-counts__item--create dd')).toHaveText('14');
  await page.getByRole('gridcell', { name: '草原违规开垦、过度放牧问题仍然存在' }).click();
  await expect(page.locator('.row-detail')).toContainText('写的是“立行立改，长期坚持”，按长期坚持记录');
  await snap(page, 'exchange-05-tasks-row-detail');
  await page.getByRole('button', { name: '导入 14 条' }).click();
  await expect(page.getByText('新建了 1 个单位组')).toBeVisible();

  // A column whose header the import does not know is given its field by hand, and remembered.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('清单');
  sheet.addRow(['编号', '督察反馈问题', '主办处室', '整改时限']);
  sheet.addRow(['15', '饮用水水源地保护区内违规建设', '自治区水利厅', '2025年6月底前']);
  const odd = join(workDir, '自拟表头.xlsx');
  writeFileSync(odd, Buffer.from(await book.xlsx.writeBuffer()));
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await chooseFile(page, odd);
  await expect(page.getByText('没有找到这些必需的列：责任单位')).toBeVisible();
  await page.getByLabel('导入为 主办处室').selectOption({ label: '责任单位（必需）' });
  await expect(page.getByText('没有找到这些必需的列')).toHaveCount(0);
  await expect(page.locator('.mapping').getByText('已改正')).toBeVisible();
  await snap(page, 'exchange-06-mapping-corrected');
  await page.getByRole('button', { name: '导入 1 条' }).click();
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await chooseFile(page, odd);
  await expect(page.locator('.mapping').getByText('上次的改正')).toBeVisible();
  await expect(page.locator('.import-counts__item--unchanged dd')).toHaveText('1');
  await page.getByRole('button', { name: '放弃这次导入' }).click();

  // The units' workbooks for a month, on the monthly dispatch screen: one download each, one filled in and taken back.
  await page.evaluate("location.hash = '#/progress?period=2026-11'");
  await page.getByRole('button', { name: '生成全部单位的填报表' }).click();
  // Every unit but the one whose only task is completed (各盟市人民政府（行政公署） is a group: its task is in its members' workbooks).
  await expect(page.getByText('已生成 12 份填报表')).toBeVisible();
  await expect(page.getByRole('button', { name: /^下载 / })).toHaveCount(12);
  await expect(page.getByRole('gridcell', { name: '自治区生态环境厅' }).first()).toBeVisible();
  await snap(page, 'exchange-07-workbooks-written');
  const [env] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 2026年11月整改进展填报表-自治区生态环境厅.xlsx' }).click(),
  ]);
  const envPath = join(workDir, env.suggestedFilename());
  await env.saveAs(envPath);
  const returned = new ExcelJS.Workbook();
  await returned.xlsx.readFile(envPath);
  const data = returned.getWorksheet('进展填报')!;
  for (let row = 4; row <= data.rowCount; row++) {
    data.getCell(row, 6).value = '已完成排查，正在整改';
    data.getCell(row, 7).value = '序时推进';
  }
  data.getCell(4, 11).value = '王建国';
  await returned.xlsx.writeFile(envPath);
  await page.getByLabel('收回的填报表（可多选）').setInputFiles(envPath);
  await expect(page.getByText('识别无误，没有需要注意的地方。')).toBeVisible();
  await snap(page, 'exchange-08-workbook-returned');
  await page.getByRole('button', { name: '导入这份填报表' }).click();
  await expect(page.getByText('新增 4 条进展')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: /^已收回/ })).toHaveCount(1);
  await expect(page.getByRole('gridcell', { name: /未收回$/ })).toHaveCount(11);

  // An export for leaders: the task ledger, downloaded.
  await page.evaluate("location.hash = '#/exchange?tab=exports'");
  await snap(page, 'exchange-09-exports');
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出', exact: true }).click()]);
  expect(exported.suggestedFilename()).toMatch(/^整改任务台账-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // The ledger's own list exports what its filter shows.
  await openScreen(page, '整改任务台账');
  const [fromList] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(fromList.suggestedFilename()).toMatch(/^整改任务台账-/);
  await snap(page, 'exchange-10-ledger-export-button');
});

/** A workbook of one sheet, written where the test can choose it. */
async function writeSheet(path: string, rows: readonly (readonly ExcelJS.CellValue[])[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('清单');
  for (const row of rows) sheet.addRow([...row]);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

test('a status or a state not on the list is asked, its cells named, and nothing is imported until it is answered', async ({ app, workDir }) => {
  const { page } = app;
  test.setTimeout(180_000);
  await createLedger(page, workDir);
  await call(page, 'units.create', { name: '自治区水利厅', kind: 'supervised' });
  await openScreen(page, '导入导出');

  // 基本完成 is neither 已完成 nor 推进中 until the office says which.
  const tasks = await writeSheet(join(workDir, '整改任务.xlsx'), [
    ['序号', '督察反馈问题', '责任单位', '整改时限', '整改进展'],
    ['1', '湖泊生态补水项目推进缓慢', '自治区水利厅', '2026年6月30日', '基本完成'],
    ['2', '河湖“清四乱”整治不彻底', '自治区水利厅', '2026年6月30日', '已完成'],
    ['3', '饮用水水源地保护区内违规建设', '自治区水利厅', '2026年6月30日', '基本完成'],
  ]);
  await chooseFile(page, tasks);
  await expect(page.getByRole('heading', { name: '需要确认的文字' })).toBeVisible();
  await expect(page.getByText('E2、E4，共 2 处')).toBeVisible();
  await expect(page.getByRole('button', { name: '请先确认 1 项文字的意思' })).toBeDisabled();
  await page.getByRole('gridcell', { name: '湖泊生态补水项目推进缓慢' }).click();
  await expect(page.locator('.row-detail')).toContainText('“基本完成”（E2）不是可选的值，要先确认它的意思');
  await snap(page, 'exchange-11-word-to-confirm');
  await page.getByLabel('整改进展：“基本完成”').selectOption({ label: '推进中' });
  await page.getByRole('button', { name: '导入 3 条' }).click();
  await expect(page.getByText('导入完成：新增 3 条')).toBeVisible();
  const imported = await call<{ rows: { number: string; status: string }[] }>(page, 'tasks.list', {});
  expect(imported.rows.map((t) => [t.number, t.status])).toEqual([
    ['1', 'in_progress'],
    ['2', 'completed'],
    ['3', 'in_progress'],
  ]);

  // The unit's workbook comes back with 基本完成 as a state: asked too, then applied as answered.
  await page.evaluate("location.hash = '#/progress?period=2026-05'");
  await page.getByRole('button', { name: '生成全部单位的填报表' }).click();
  const [sent] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 2026年5月整改进展填报表-自治区水利厅.xlsx' }).click(),
  ]);
  const sentPath = join(workDir, sent.suggestedFilename());
  await sent.saveAs(sentPath);
  const returned = new ExcelJS.Workbook();
  await returned.xlsx.readFile(sentPath);
  const data = returned.getWorksheet('进展填报')!;
  data.getCell(4, 6).value = '主体工程完工，正在试运行';
  data.getCell(4, 7).value = '基本完成';
  data.getCell(5, 6).value = '已完成清理';
  data.getCell(5, 7).value = '已完成';
  await returned.xlsx.writeFile(sentPath);
  await page.getByLabel('收回的填报表（可多选）').setInputFiles(sentPath);
  await expect(page.getByRole('region', { name: '需要确认的文字' }).getByText('进展状态：“基本完成”')).toBeVisible();
  await expect(page.getByText('G4，共 1 处')).toBeVisible();
  await expect(page.getByRole('button', { name: '请先确认 1 项文字的意思' })).toBeDisabled();
  await snap(page, 'exchange-12-returned-word-to-confirm');
  await page.getByLabel('进展状态：“基本完成”').selectOption({ label: '序时推进' });
  await page.getByRole('button', { name: '导入这份填报表' }).click();
  await expect(page.getByText('新增 2 条进展')).toBeVisible();
  const reports = await call<{ taskNumber: string; state: string }[]>(page, 'progress.ofPeriod', '2026-05');
  expect(reports.map((r) => [r.taskNumber, r.state])).toEqual([
    ['1', 'on_track'],
    ['3', 'completed'],
  ]);
});
