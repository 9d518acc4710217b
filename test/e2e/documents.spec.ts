import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, dateOf } from '../../src/shared/dates';
import { formatDate } from '../../src/shared/i18n/format';
import { expect, snap, test } from './bridge';
import { call, createLedger, openLedger, openScreen, PASSWORD } from './steps';

const ROOT = join(import.meta.dirname, '..', '..');

/** A ledger with two units whose tasks are overdue, made by the core (in a child process) before the app opens it. */
function prepareLedger(path: string): void {
  const made = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/fixtures/documents-ledger.ts'), path, PASSWORD], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(made.stderr);
}

test('issue a reminder letter with a live preview, save it as PDF, record the reply, send batch reminders, and see a template error located', async ({
  app,
  workDir,
}) => {
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
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // The register: the letter awaits its reply; the reply is recorded.
  await page.getByRole('link', { name: '返回文件登记' }).click();
  await expect(page.getByRole('gridcell', { name: '某纪监驻环函〔2026〕1号' })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '等待回复' })).toBeVisible();
  await page.getByRole('gridcell', { name: '某纪监驻环函〔2026〕1号' }).click();
  const dialog = page.getByRole('dialog');
  const reply = dialog.getByRole('form', { name: '回复情况' });
  await reply.getByLabel('回复日期').fill(dateOf(new Date()));
  await reply.getByLabel('回复内容').fill('已完成入河排污口溯源，整改方案已报自治区政府。');
  await snap(page, 'documents-03-reply');
  await reply.getByRole('button', { name: '保存回复' }).click();
  await expect(page.getByText('已登记 某纪监驻环函〔2026〕1号 的回复。')).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  await expect(page.getByRole('gridcell', { name: /已回复/ })).toBeVisible();

  // Batch reminders: one letter per lead unit, its own tasks, consecutive numbers; the unit just sent one is left out until ticked.
  await page.getByRole('link', { name: '批量提醒' }).click();
  await expect(page.getByText(/自治区水利厅：2 项逾期任务，文号 /)).toBeVisible();
  await expect(page.getByText(/自治区住房和城乡建设厅：1 项逾期任务，文号 某纪监驻环函〔2026〕\d号/)).toBeVisible();
  await expect(page.getByText(/已向该单位发过 某纪监驻环函〔2026〕1号，涉及相同任务。/)).toBeVisible();
  await page.getByRole('checkbox', { name: /自治区水利厅/ }).check();
  await expect(page.getByText(/自治区水利厅：2 项逾期任务，文号 某纪监驻环函〔2026〕\d号/)).toBeVisible();
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
  // Each type says whether its documents go out sealed: the 提醒函 does not.
  const reminderType = page.getByRole('form', { name: '提醒函' });
  await expect(reminderType.getByLabel('加盖印章')).not.toBeChecked();
  await expect(page.getByRole('form', { name: '通报' }).getByLabel('加盖印章')).toBeChecked();
  await reminderType.scrollIntoViewIfNeeded();
  await snap(page, 'documents-05-types-sealed');
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

const TODAY = dateOf(new Date());
const zhDate = (date: string): string => formatDate(date, 'zh-CN');
const reminderNumber = (serial: number): string => `某纪监驻环函〔${TODAY.slice(0, 4)}〕${serial}号`;

/** The prepared ledger, open in the app. */
async function openPrepared(page: Page, workDir: string): Promise<void> {
  const path = join(workDir, '督办台账.duban');
  prepareLedger(path);
  await openLedger(page, path);
}

/** A reminder to the unit about its open tasks, issued through the contract as the issue screen would. */
async function issueReminder(page: Page, unit: string, dates: { issuedOn: string; replyDue: string | null }): Promise<{ id: number; number: string }> {
  const units = await call<{ id: number; name: string }[]>(page, 'units.list');
  const unitId = units.find((u) => u.name === unit)!.id;
  const tasks = await call<{ rows: { id: number }[] }>(page, 'tasks.list', { unitId, role: 'lead', limit: 50 });
  return call(page, 'documents.issue', { docType: 'reminder', recipientUnitId: unitId, taskIds: tasks.rows.map((t) => t.id), ...dates });
}

async function openDocument(page: Page, number: string) {
  await openScreen(page, '文件登记');
  await page.getByRole('gridcell', { name: number, exact: true }).click();
  return page.getByRole('dialog', { name: `文件 ${number}` });
}

test('催办 shows the letter and the number it would take, warns while the original is not yet due, and issues only when confirmed', async ({
  app,
  workDir,
}) => {
  const { page } = app;
  await openPrepared(page, workDir);
  const replyDue = addDays(TODAY, 10);
  const original = await issueReminder(page, '自治区水利厅', { issuedOn: TODAY, replyDue });

  const details = await openDocument(page, original.number);
  await details.getByRole('button', { name: '催办' }).click();
  const chase = page.getByRole('dialog', { name: `催办 ${original.number}` });
  await expect(chase.getByText(`发文时将使用文号：${reminderNumber(2)}（预览不占用文号）`)).toBeVisible();
  await expect(chase.getByText(`原文件 ${original.number} 的回复期限是${zhDate(replyDue)}，还没有到期。`)).toBeVisible();
  const preview = chase.frameLocator('iframe[title="打印预览"]');
  await expect(preview.getByText('关于催报整改落实情况的提醒函')).toBeVisible();
  await expect(preview.getByText(reminderNumber(2))).toBeVisible();
  await snap(page, 'documents-06-chase-confirm');
  // At 125 % on the same screen, and on a wider one.
  await page.setViewportSize({ width: 1093, height: 688 });
  await snap(page, 'documents-06-chase-confirm-125');
  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, 'documents-06-chase-confirm-1440');
  await page.setViewportSize({ width: 1366, height: 860 });
  // Cancelled: nothing issued, no number taken.
  await chase.getByRole('button', { name: '取消' }).click();
  await expect(chase).toHaveCount(0);
  expect(await call<unknown[]>(page, 'documents.list')).toHaveLength(1);

  await details.getByRole('button', { name: '催办' }).click();
  await chase.getByRole('button', { name: '确认催办并分配文号' }).click();
  await expect(page.getByText(`已发催办函：${reminderNumber(2)}。`)).toBeVisible();
  const chased = page.getByRole('dialog', { name: `文件 ${reminderNumber(2)}` });
  await expect(chased.getByRole('button', { name: '查看原文件' })).toBeVisible();
  expect((await call<{ number: string; chaseOf: number | null }[]>(page, 'documents.list')).map((d) => [d.number, d.chaseOf])).toEqual(
    expect.arrayContaining([[reminderNumber(2), original.id]]),
  );
});

test('a reply needs its date and its content or a file; what was recorded is shown as recorded, and correcting it is an audited change', async ({
  app,
  workDir,
}) => {
  const { page } = app;
  await openPrepared(page, workDir);
  const original = await issueReminder(page, '自治区水利厅', { issuedOn: TODAY, replyDue: addDays(TODAY, 10) });
  const dialog = await openDocument(page, original.number);
  const reply = dialog.getByRole('form', { name: '回复情况' });

  // An untouched form records nothing: no date is filled in for the user.
  await expect(reply.getByLabel('回复日期')).toHaveValue('');
  await reply.getByRole('button', { name: '保存回复' }).click();
  await expect(reply.getByText('必须填写')).toBeVisible();
  await reply.getByLabel('回复日期').fill(TODAY);
  await reply.getByRole('button', { name: '保存回复' }).click();
  await expect(reply.getByText('请填写回复内容或添加回复材料')).toBeVisible();
  expect((await call<{ repliedOn: string | null }>(page, 'documents.get', original.id)).repliedOn).toBeNull();

  await reply.getByLabel('回复内容').fill('已完成入河排污口溯源，整改方案已报自治区政府。');
  await reply.getByRole('button', { name: '保存回复' }).click();
  await expect(page.getByText(`已登记 ${original.number} 的回复。`)).toBeVisible();
  // Shown as recorded, not as a form to type into.
  const recorded = dialog.getByRole('region', { name: '回复情况' });
  await expect(recorded.getByText(zhDate(TODAY))).toBeVisible();
  await expect(recorded.getByText('已完成入河排污口溯源，整改方案已报自治区政府。')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '回复内容' })).toHaveCount(0);
  await snap(page, 'documents-07-reply-recorded');

  await recorded.getByRole('button', { name: '更正回复' }).click();
  const correction = dialog.getByRole('form', { name: '更正回复' });
  await expect(correction.getByLabel('回复内容')).toHaveValue('已完成入河排污口溯源，整改方案已报自治区政府。');
  await correction.getByLabel('回复内容').fill('已完成入河排污口溯源，整改方案已于本月报自治区政府审定。');
  await correction.getByRole('button', { name: '保存更正' }).click();
  await expect(page.getByText(`已更正 ${original.number} 的回复。`)).toBeVisible();
  await expect(dialog.getByRole('region', { name: '回复情况' }).getByText('已完成入河排污口溯源，整改方案已于本月报自治区政府审定。')).toBeVisible();

  const [last] = await call<{ action: string; changes: { field: string }[] }[]>(page, 'audit.list', { entity: 'document', entityId: original.id, limit: 1 });
  expect(last!.action).toBe('update');
  expect(last!.changes).toContainEqual(
    expect.objectContaining({
      field: 'replyText',
      before: { t: 'text', v: '已完成入河排污口溯源，整改方案已报自治区政府。' },
      after: { t: 'text', v: '已完成入河排污口溯源，整改方案已于本月报自治区政府审定。' },
    }),
  );
});

test('批量提醒 follows the office’s reply period, and warns about a unit sent a letter for the same tasks within the office’s interval', async ({
  app,
  workDir,
}) => {
  const { page } = app;
  await openPrepared(page, workDir);
  await openScreen(page, '文件登记');
  await page.getByRole('link', { name: '模板与文号' }).click();
  const office = page.getByRole('region', { name: '发文机关' });
  await office.getByLabel('回复期限（天）').fill('15');
  await office.getByLabel('提醒间隔（天）').fill('5');
  await office.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存发文机关信息。')).toBeVisible();

  const recent = await issueReminder(page, '自治区水利厅', { issuedOn: addDays(TODAY, -3), replyDue: addDays(TODAY, 7) });
  await issueReminder(page, '自治区住房和城乡建设厅', { issuedOn: addDays(TODAY, -6), replyDue: addDays(TODAY, 4) });

  await openScreen(page, '文件登记');
  await page.getByRole('link', { name: '批量提醒' }).click();
  const form = page.getByRole('form', { name: '批量提醒函' });
  await expect(form.getByLabel('回复期限')).toHaveValue(addDays(TODAY, 15));
  const water = form.getByRole('checkbox', { name: /自治区水利厅/ });
  const housing = form.getByRole('checkbox', { name: /自治区住房和城乡建设厅/ });
  await expect(form.getByText(`${zhDate(addDays(TODAY, -3))}已向该单位发过 ${recent.number}，涉及相同任务。`)).toBeVisible();
  await expect(water).not.toBeChecked();
  // Six days ago is outside the office's five.
  await expect(housing).toBeChecked();
  await expect(form.getByText(/已向该单位发过 .*〔\d+〕2号/)).toHaveCount(0);
  await snap(page, 'documents-08-batch-recent');
  await expect(form.getByRole('button', { name: '发文 1 份' })).toBeVisible();
  await water.check();
  await expect(form.getByRole('button', { name: '发文 2 份' })).toBeVisible();
  await water.uncheck();
  await form.getByRole('button', { name: '发文 1 份' }).click();
  await expect(page.getByRole('status').getByText(/已发文 1 份/)).toBeVisible();
  const issued = await call<{ recipient: string; replyDue: string }[]>(page, 'documents.list');
  expect(issued.find((d) => d.recipient === '自治区住房和城乡建设厅' && d.replyDue === addDays(TODAY, 15))).toBeDefined();

  // The single letter takes the same period.
  await page.getByRole('link', { name: '返回文件登记' }).click();
  await page.getByRole('link', { name: '发文', exact: true }).click();
  await expect(page.getByRole('form', { name: '发文' }).getByLabel('回复期限')).toHaveValue(addDays(TODAY, 15));
});

test('a unit chosen on the issue page, the letter covers the open tasks it leads, in number order, not yet due ones too', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  const water = await call<{ id: number }>(page, 'units.create', { name: '自治区水利厅', kind: 'supervised' });
  const forestry = await call<{ id: number }>(page, 'units.create', { name: '自治区林业和草原局', kind: 'supervised' });
  const task = (number: string, problem: string, extra: object = {}) =>
    call(page, 'tasks.create', { number, problem, deadline: { kind: 'date', date: '2025-06-30' }, leadUnitIds: [water.id], ...extra });
  await task('10', '城镇污水管网建设滞后', { deadline: { kind: 'date', date: addDays(dateOf(new Date()), 90) } });
  await task('2', '入河排污口排查整治进展滞后');
  await task('3', '小水电站生态流量泄放不到位', { status: 'completed' });
  await task('5', '草原超载过牧问题整改不到位', { leadUnitIds: [forestry.id], cooperatingUnitIds: [water.id] });

  await openScreen(page, '文件登记');
  await page.getByRole('link', { name: '发文', exact: true }).click();
  const form = page.getByRole('form', { name: '发文' });
  await form.getByLabel('文种').selectOption({ label: '督办单' });
  await form.getByLabel('收文单位').selectOption({ label: '自治区水利厅' });
  const picks = form.locator('.task-picks label');
  await expect(picks).toHaveText([/^2 入河排污口排查整治进展滞后/, /^10 城镇污水管网建设滞后/]);
  for (const pick of await picks.all()) await expect(pick.getByRole('checkbox')).toBeChecked();
  await expect(page.frameLocator('iframe[title="打印预览"]').getByText('城镇污水管网建设滞后')).toBeVisible();
  await snap(page, 'documents-09-issue-default-tasks');
  await page.setViewportSize({ width: 1093, height: 688 });
  await snap(page, 'documents-09-issue-default-tasks-125');
});
