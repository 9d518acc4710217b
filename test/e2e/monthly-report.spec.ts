import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, SCREENSHOTS, snap, test } from './bridge';
import { openDemo, openScreen } from './steps';

/**
 * 文件登记 → 月度报告 on the demo ledger: the month chosen, the 情况报告 previewed with the month's
 * figures, the 统计表 saved, the report issued and saved as Word and PDF. Screenshots:
 * test-results/screens/monthly-report-*.png; the PDF's pages: monthly-report-pdf-N.png.
 */

/** The demo is dated back from today: its last month is the one it has reports for. */
const lastMonth = (): { period: string; words: string } => {
  const now = new Date();
  const month = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  return { period: month.toISOString().slice(0, 7), words: `${month.getUTCFullYear()}年${month.getUTCMonth() + 1}月` };
};

test('月度报告: pick the month, see the report with its figures, save the 统计表 and the package, issue it and save it as Word and PDF', async ({ app }) => {
  // The demo's opening, four files saved and a PDF printed: more than one test's usual time on a shared machine.
  test.slow();
  const { page } = app;
  const { period, words } = lastMonth();
  await openDemo(page);
  await openScreen(page, '文件登记');
  await snap(page, 'monthly-report-00-register');
  await page.getByRole('link', { name: '月度报告' }).click();
  const form = page.getByRole('form', { name: '月度报告' });
  await form.getByRole('group', { name: '报告月份' }).locator('input[type="month"]').fill(period);
  const preview = page.frameLocator('iframe[title="打印预览"]');
  await expect(preview.getByText(`关于${words}整改督办工作情况的报告`)).toBeVisible();
  await expect(preview.getByText('中共某某自治区纪委监委：')).toBeVisible();
  await expect(preview.getByText(/我组督办整改任务14项/)).toBeVisible();
  await expect(form.getByText(/出具后文号为 某纪监驻环报〔\d{4}〕1号/)).toBeVisible();
  const text = await preview.locator('body').innerText();
  expect(text).not.toMatch(/undefined|NaN|、、|：。/);
  await snap(page, 'monthly-report-01-preview');
  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, 'monthly-report-01-preview-1440');
  await page.setViewportSize({ width: 1366, height: 860 });

  const workbook = page.waitForEvent('download');
  await form.getByRole('button', { name: '保存统计表（Excel）' }).click();
  expect((await workbook).suggestedFilename()).toBe(`统计表-${period}.xlsx`);

  await form.getByRole('button', { name: '保存报送包…' }).click();
  const dialog = page.getByRole('dialog', { name: '保存报送委机关的报送包' });
  await expect(dialog.locator('code.fingerprint')).toHaveText(/^([0-9A-F]{8} ){4}[0-9A-F]{8}$/);
  await dialog.getByLabel('报送口令', { exact: true }).fill('两家约定的口令 十一月');
  await dialog.getByLabel('再次输入报送口令').fill('两家约定的口令 十二月');
  await dialog.getByRole('button', { name: '保存报送包' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('两次输入的口令不一致');
  await dialog.getByLabel('再次输入报送口令').fill('两家约定的口令 十一月');
  await snap(page, 'monthly-report-01-package');
  const sealed = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '保存报送包' }).click();
  const pkg = await sealed;
  expect(pkg.suggestedFilename()).toBe(`中共某某自治区纪委监委驻自治区生态环境厅纪检监察组-${period}.dubanreport`);
  expect(
    readFileSync((await pkg.path())!)
      .subarray(0, 8)
      .toString('latin1'),
  ).toBe('DUBANRP\0');
  await expect(dialog).toBeHidden();

  await form.getByRole('button', { name: '出具报告（占用文号）' }).click();
  await expect(page.getByRole('status').getByText(/已出具 某纪监驻环报〔\d{4}〕1号《关于.*的报告》/)).toBeVisible();
  await snap(page, 'monthly-report-02-issued');

  const docx = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存为 Word' }).click();
  expect((await docx).suggestedFilename()).toMatch(/^某纪监驻环报〔\d{4}〕1号-关于.*的报告\.docx$/);
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存为 PDF' }).click();
  const bytes = readFileSync((await (await pdf).path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // The pages as an office would print them, to look at.
  mkdirSync(SCREENSHOTS, { recursive: true });
  const saved = join(SCREENSHOTS, 'monthly-report.pdf');
  writeFileSync(saved, bytes);
  expect(spawnSync('pdftoppm', ['-png', '-r', '60', saved, join(SCREENSHOTS, 'monthly-report-pdf')]).status).toBe(0);
});

test.describe('at 125 %', () => {
  test.use({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1.25 });
  test('the report’s own template in the editor, its figures filled in the sample; the report page at 125 %', async ({ app }) => {
    const { page } = app;
    const { words } = lastMonth();
    await openDemo(page);
    await openScreen(page, '文件登记');
    await page.getByRole('link', { name: '模板与文号' }).click();
    await page.getByRole('tab', { name: '整改督办工作月度情况报告' }).click();
    const sample = page.frameLocator('iframe[title="打印预览"]');
    await expect(sample.getByText(`关于${words}整改督办工作情况的报告`)).toBeVisible();
    await expect(sample.getByText(/我组督办整改任务14项/)).toBeVisible();
    // Numbered as a 情况报告 is, not as the reminder a letter template's sample is.
    await expect(sample.getByText(/^某纪监驻环报〔\d{4}〕1号$/)).toBeVisible();
    await snap(page, 'monthly-report-03-template-125');
    await openScreen(page, '文件登记');
    await page.getByRole('link', { name: '月度报告' }).click();
    await expect(page.frameLocator('iframe[title="打印预览"]').getByText(`关于${words}整改督办工作情况的报告`)).toBeVisible();
    await snap(page, 'monthly-report-04-page-125');
  });
});
