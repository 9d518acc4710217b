import type { Locator, Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { call, createLedger, openScreen } from './steps';

/**
 * 操作记录 in the office's words (issue 9, point 14): a letter's type and state as words, its tasks
 * and the task changed named by number and problem, the office's settings field by field, each
 * field once, and nothing in JSON or in the program's own field names.
 */
async function prepare(page: Page): Promise<void> {
  const unit = await call<{ id: number }>(page, 'units.create', { name: '自治区住房和城乡建设厅', kind: 'supervised' });
  const task = {
    number: '3',
    problem: '部分城镇污水处理厂超标排放',
    deadline: { kind: 'date', date: '2025-06-30' },
    leadUnitIds: [unit.id],
    status: 'in_progress',
  };
  const created = await call<{ id: number }>(page, 'tasks.create', task);
  await call(page, 'documents.issue', { docType: 'reminder', recipientUnitId: unit.id, taskIds: [created.id], issuedOn: '2026-11-20', replyDue: '2026-12-05' });
  const office = await call<Record<string, unknown>>(page, 'documents.office');
  await call(page, 'documents.setOffice', { ...office, replyDays: 15 });
  await call(page, 'tasks.update', created.id, { ...task, status: 'completed' });
}

const entry = (page: Page, heading: RegExp): Locator => page.locator('.audit__entry').filter({ has: page.locator('.audit__head', { hasText: heading }) });
const row = (entry: Locator, label: string): Locator =>
  entry.getByRole('row').filter({ has: entry.page().getByRole('rowheader', { name: label, exact: true }) });

test('the change history names records, words codes and settings, shows each field once and no JSON', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  await prepare(page);
  await openScreen(page, '操作记录');
  await expect(page.getByText(/已逐条核对全部 \d+ 条操作记录/)).toBeVisible();

  const changed = entry(page, /修改\s*整改任务 3 部分城镇污水处理厂超标排放/);
  await expect(row(changed, '状态')).toContainText('推进中→已完成');

  const letter = entry(page, /新增\s*文件 某纪监驻环函〔2026〕1号（自治区住房和城乡建设厅）/);
  await expect(row(letter, '文种')).toContainText('提醒函');
  await expect(row(letter, '状态')).toContainText('已发文');
  await expect(row(letter, '相关任务')).toContainText('3 部分城镇污水处理厂超标排放');
  await expect(row(letter, '模板')).toContainText('逾期整改任务提醒函');
  await expect(letter.getByRole('rowheader', { name: '收文单位', exact: true })).toHaveCount(1);
  await expect(letter.getByRole('rowheader', { name: '年度' })).toHaveCount(0);

  const settings = entry(page, /修改\s*设置 发文机关信息/);
  await expect(row(settings, '回复期限（天）')).toContainText('10→15');

  const history = page.getByRole('list', { name: '操作记录' });
  await expect(history).not.toContainText('#');
  await expect(history).not.toContainText(/[{}"]|replyDays|recipientUnitId|reminder|issued/);
  await snap(page, 'audit-01-zh');

  await call(page, 'session.setPreferences', { language: 'en' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Change history' })).toBeVisible();
  const issued = entry(page, /Created\s*document 某纪监驻环函〔2026〕1号 \(自治区住房和城乡建设厅\)/);
  await expect(row(issued, 'State')).toContainText('Issued');
  await snap(page, 'audit-02-en');
});
