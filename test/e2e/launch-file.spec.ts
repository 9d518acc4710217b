import { join } from 'node:path';
import { expect, snap, test } from './bridge';
import { call, createLedger } from './steps';

/**
 * A .duban file double-clicked in the file manager starts the app with it (the bridge's --open
 * stands for the desktop's command line): the welcome screen offers that file to open, ahead of the
 * ledgers opened recently.
 */
const LEDGER = '/srv/督办/2026年督办台账.duban';

test.use({ launchFile: LEDGER });

test('the ledger the app was started with is the one offered to open', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('tab', { name: '打开台账' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('台账文件')).toHaveValue(LEDGER);
  await expect(page.getByLabel('密码', { exact: true })).toBeFocused(); // the file is known: only the password is left to type
  await snap(page, 'launch-file-welcome');
});

test('a recent ledger does not push the launched one aside', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir, '旧台账.duban');
  await call(page, 'session.close');
  await page.reload();
  await expect(page.getByText(join(workDir, '旧台账.duban'))).toBeVisible();
  await expect(page.getByLabel('台账文件')).toHaveValue(LEDGER);
});
