import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { call, createLedger, openScreen, PASSWORD } from './steps';

/** Locks the ledger and waits until it is closed: its last snapshot is on disk before the test touches the file. */
async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByRole('heading', { name: '台账已锁定' })).toBeVisible();
}

/** Issue 8 as the office meets it: a ledger put back to an older copy, the change history checked, a new password. */
test('an older copy put in place of the ledger is told plainly; the history is checked; a new password re-encrypts', async ({ app, workDir }) => {
  const { page } = app;
  const path = join(workDir, '2026年督办台账.duban');
  await createLedger(page, workDir);
  await call(page, 'units.create', { name: '自治区生态环境厅', kind: 'supervised' });
  await lock(page);
  const older = join(workDir, 'older-copy.duban');
  copyFileSync(path, older);

  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
  await call(page, 'units.create', { name: '自治区水利厅', kind: 'supervised' });
  await lock(page);

  // Someone puts the older copy in its place: it opens (the office may need it), with the warning above every screen.
  copyFileSync(older, path);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  const warning = page.getByRole('alert').filter({ hasText: /^这个台账文件比本机 .+ 见到的版本更旧/ });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('如果不是您有意恢复的，请不要继续修改，并联系管理员');
  await snap(page, 'trust-01-rolled-back');
  await openScreen(page, '单位');
  await expect(warning).toBeVisible();

  await openScreen(page, '操作记录');
  await expect(page.getByText(/^已逐条核对全部 \d+ 条操作记录/)).toBeVisible();
  await snap(page, 'trust-02-audit-checked');

  await openScreen(page, '设置');
  await page.getByLabel('当前密码').first().fill(PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill('换了新密码的督办台账 2027');
  await page.getByLabel('再输入一次新密码').fill('换了新密码的督办台账 2027');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('密码已修改，台账已换用新密钥加密')).toBeVisible();
  // Saving moved this machine's record on: the warning is gone.
  await expect(warning).toBeHidden();
  await expect(page.getByText('旧密钥')).toHaveCount(0);
  await snap(page, 'trust-03-password-changed');
});
