import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { call, createLedger } from './steps';

/**
 * What a month of office work asked of the forms (issue 9): drafts that survive a reload, evidence
 * sealed by a close-out, accountability subjects entered by the dozen, and the small things.
 */

const go = (page: Page, path: string) => page.goto(`${new URL(page.url()).origin}/#${path}`);

/** Bytes as the contract's wire carries them (wire.ts). */
const bytes = (text: string) => ({ $bytes: Buffer.from(text).toString('base64') });

test('a closed task’s evidence is sealed until the close-out is reopened, with a reason', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  const unit = await call<{ id: number }>(page, 'units.create', { name: '自治区生态环境厅', kind: 'supervised' });
  const task = await call<{ id: number }>(page, 'tasks.create', {
    number: '3',
    problem: '部分城镇污水处理厂超标排放',
    deadline: { kind: 'date', date: '2024-06-30' },
    leadUnitIds: [unit.id],
    status: 'completed',
  });
  const request = await call<{ id: number }>(page, 'closeOuts.request', { taskId: task.id, requestedOn: '2024-07-01' });
  await call(page, 'closeOuts.check', request.id, { on: '2024-07-02' });
  await call(page, 'evidence.add', { ownerKind: 'task', ownerId: task.id, fileName: '验收报告.pdf', mediaType: 'application/pdf', bytes: bytes('%PDF-1.4') });
  await call(page, 'closeOuts.approve', request.id, { on: '2024-07-05' });

  await go(page, `/tasks/${task.id}`);
  await expect(page.getByRole('button', { name: '下载“验收报告.pdf”' })).toBeVisible();
  await expect(page.getByRole('button', { name: '移除“验收报告.pdf”' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '上传佐证材料' })).toHaveCount(0);
  await expect(page.getByText('任务已销号，佐证材料已封存')).toBeVisible();
  await snap(page, 'forms-evidence-frozen');

  await page.getByRole('button', { name: '撤销销号' }).click();
  const dialog = page.getByRole('dialog', { name: '撤销销号' });
  await dialog.getByRole('button', { name: '撤销销号' }).click();
  await expect(dialog.getByText('必须填写')).toBeVisible();
  await dialog.getByLabel('撤销理由').fill('群众反映问题反弹，需补充整改');
  await snap(page, 'forms-close-out-reopen');
  await dialog.getByRole('button', { name: '撤销销号' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText('撤销销号：群众反映问题反弹，需补充整改')).toBeVisible();
  await expect(page.getByRole('button', { name: '申请销号' })).toBeVisible();
  await page.getByRole('button', { name: '移除“验收报告.pdf”' }).click();
  await expect(page.getByText('已移除“验收报告.pdf”')).toBeVisible();
  const audit = await call<{ entity: string; after: { state?: string; reopenReason?: string } }[]>(page, 'audit.list', { entity: 'close_out', entityId: request.id });
  expect(audit[0]?.after).toMatchObject({ state: 'reopened', reopenReason: '群众反映问题反弹，需补充整改' });
});

test('a reload mid-form asks first, and the form offers back what was typed; cancelling discards it', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  await go(page, '/petitions/new');
  await page.getByLabel('受理编号').fill('X150000202607010007');
  await page.getByLabel('反映问题').fill('某化工园区夜间偷排废水，气味刺鼻');
  // Kept in the ledger (encrypted with it) as it is typed, not in the page.
  await expect.poll(() => call<{ values: { problem: string } } | null>(page, 'drafts.get', 'petition:new').then((d) => d?.values.problem)).toBe('某化工园区夜间偷排废水，气味刺鼻');

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();

  await go(page, '/petitions/new');
  const offer = page.getByRole('status').filter({ hasText: '上次没有保存的内容' });
  await expect(offer).toBeVisible();
  await expect(page.getByLabel('反映问题')).toHaveValue('');
  await snap(page, 'forms-draft-offered');
  await offer.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByLabel('受理编号')).toHaveValue('X150000202607010007');
  await expect(page.getByLabel('反映问题')).toHaveValue('某化工园区夜间偷排废水，气味刺鼻');
  await expect(offer).toBeHidden();

  await page.getByRole('button', { name: '取消' }).click();
  await expect.poll(() => call(page, 'drafts.get', 'petition:new')).toBeNull();
  // Nothing typed since: leaving asks nothing.
  await go(page, '/petitions/new');
  await expect(page.getByRole('status').filter({ hasText: '上次没有保存的内容' })).toHaveCount(0);
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
});
