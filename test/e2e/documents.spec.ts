import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { openScreen } from './steps';

const PASSWORD = '督办台账测试 2026';
const ROOT = join(import.meta.dirname, '..', '..');

/** A ledger with two units whose tasks are overdue, made by the core (in a child process) before the app opens it. */
function prepareLedger(path: string): void {
  const made = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/fixtures/documents-ledger.ts'), path, PASSWORD], { cwd: ROOT, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
}

async function openLedger(page: Page, path: string): Promise<void> {
  await page.getByRole('tab', { name: '打开台账' }).click();
  await page.getByLabel('台账文件').fill(path);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
}

test('issue a reminder letter with a live preview, save it as PDF, record the reply, send batch reminders, and see a template error located', async ({ app, workDir }) => {
  const { page } = app;
  const path = join(workDir, '督办台账.duban');
  prepareLedger(path);
  await openLedger(page, path);

  await openScreen(page, '文件登记');
  await expect(page.getByText('还没有发文')).toBeVisible();

  // Issue one letter: the preview shows the page and the number it would take.
  await page.getByRole('link', { name: '发文', exact: true }).click();
  const form = page.getByRole('form', { name: '发文' });
  await form.getByLabel('收文单位').selectOption({ label: '自治区水利厅' });
  await expect(page.getByText('发文时将使用文号：某纪监驻环函〔2026〕1号（预览不占用文号）')).toBeVisible();
  await expect(form.getByRole('checkbox', { name: /入河排污口排查整治进展滞后/ })).toBeChecked();
  const preview = page.frameLocator('iframe[title="打印预览"]');
  await expect(preview.getByText('关于督促加快推进逾期整改任务的提醒函')).toBeVisible();
  await expect(preview.getByText('某纪监驻环函〔2026〕1号')).toBeVisible();
  await expect(preview.getByText('自治区水利厅：')).toBeVisible();
  await snap(page, 'documents-01-issue-preview');
  await form.getByRole('button', { name: '发文并分配文号' }).click();
  await expect(page.getByRole('status').getByText('已发文：某纪监驻环函〔2026〕1号（自治区水利厅）。')).toBeVisible();
  await snap(page, 'documents-02-issued');

  // Saved as PDF: in a browser, a download of the page as Chromium prints it.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '保存为 PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('某纪监驻环函〔2026〕1号-自治区水利厅.pdf');
  expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');

  // The register: the letter awaits its reply; the reply is recorded.
  await page.getByRole('link', { name: '返回文件登记' }).click();
  await expect(page.getByRole('gridcell', { name: '某纪监驻环函〔2026〕1号' })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '等待回复' })).toBeVisible();
  await page.getByRole('gridcell', { name: '某纪监驻环函〔2026〕1号' }).click();
  const dialog = page.getByRole('dialog');
  const reply = dialog.getByRole('form', { name: '回复情况' });
  await reply.getByLabel('回复内容').fill('已完成入河排污口溯源，整改方案已报自治区政府。');
  await snap(page, 'documents-03-reply');
  await reply.getByRole('button', { name: '保存回复' }).click();
  await expect(page.getByText('已登记 某纪监驻环函〔2026〕1号 的回复。')).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  await expect(page.getByRole('gridcell', { name: /已回复/ })).toBeVisible();

  // Batch reminders: one letter per lead unit, its own tasks, consecutive numbers.
  await page.getByRole('link', { name: '批量提醒' }).click();
  await expect(page.getByText(/自治区水利厅：2 项逾期任务，文号 某纪监驻环函〔2026〕\d号/)).toBeVisible();
  await expect(page.getByText(/自治区住房和城乡建设厅：1 项逾期任务，文号 某纪监驻环函〔2026〕\d号/)).toBeVisible();
  await snap(page, 'documents-04-batch');
  await page.getByRole('button', { name: '发文 2 份' }).click();
  await expect(page.getByRole('status').getByText('已发文 2 份：某纪监驻环函〔2026〕2号 至 某纪监驻环函〔2026〕3号。')).toBeVisible();
  await page.getByRole('link', { name: '返回文件登记' }).click();
  await expect(page.getByRole('gridcell', { name: '某纪监驻环函〔2026〕3号' })).toBeVisible();

  // The dashboard lists the replies awaited; one leads to its document in the register.
  await openScreen(page, '工作台');
  const awaited = page.getByRole('region', { name: '待回复的文件' });
  await expect(awaited.getByRole('listitem')).toHaveCount(2);
  await awaited.getByRole('link', { name: /某纪监驻环函〔2026〕3号/ }).click();
  await expect(page.getByRole('dialog').getByText('某纪监驻环函〔2026〕3号').first()).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).last().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('gridcell', { name: '某纪监驻环函〔2026〕2号' })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '某纪监驻环函〔2026〕1号' })).toHaveCount(0);

  // A template with an unknown field cannot be saved, and says where.
  await page.getByRole('link', { name: '模板与文号' }).click();
  const source = page.getByLabel('模板内容');
  await source.fill('标题：提醒函\n主送：{{收文单位}}\n请于{{回复时间}}前报送。');
  await expect(page.getByText('第 3 行第 3 个字：没有“回复时间”这个字段')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存模板' })).toBeDisabled();
  await snap(page, 'documents-05-template-error');
  await source.fill('标题：提醒函\n主送：{{收文单位}}\n请于{{回复期限}}前报送。');
  await expect(page.getByText('模板格式正确。')).toBeVisible();
  await expect(page.frameLocator('iframe[title="打印预览"]').getByText('请于')).toBeVisible();
  // The preview is a frame that runs no script, and markup in a template is shown as text.
  await expect(page.locator('iframe[title="打印预览"]')).toHaveAttribute('sandbox', /^(?!.*allow-scripts)/);
  await source.fill('标题：</style><script>document.title = "pwned"</script>\n主送：{{收文单位}}\n请于{{回复期限}}前报送。');
  await expect(page.frameLocator('iframe[title="打印预览"]').getByText('</style><script>document.title = "pwned"</script>')).toBeVisible();

  const origin = new URL(app.url).origin;
  expect(app.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && url !== 'about:srcdoc')).toEqual([]);
});
