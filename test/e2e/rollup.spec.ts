import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { periodOf, shiftPeriod, dateOf } from '../../src/shared/dates';
import { expect, snap, test } from './bridge';
import { createLedger, openScreen, PASSWORD } from './steps';

const ROOT = join(import.meta.dirname, '..', '..');
const PASSPHRASE = '两家约定的口令 2026';

/** Two groups' packages of last month, made by the core in a child process; each group's name and fingerprint. */
function preparePackages(dir: string, period: string): [string, string][] {
  const made = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/fixtures/report-packages.ts'), dir, PASSWORD, PASSPHRASE, period], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(made.stderr);
  return made.stdout
    .trim()
    .split('\n')
    .map((line) => line.split('\t') as [string, string]);
}

test('a commission ledger takes two groups’ packages, confirming each new fingerprint, and shows the groups side by side', async ({ app, workDir }) => {
  const { page } = app;
  const period = shiftPeriod(periodOf(dateOf(new Date())), -1);
  const groups = preparePackages(workDir, period);

  await page.getByRole('tab', { name: '新建台账' }).click();
  await page.getByLabel('台账文件').fill(join(workDir, '委机关汇总台账.duban'));
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再输入一次密码').fill(PASSWORD);
  // The password is judged before the ledger can be created.
  await expect(page.getByRole('meter', { name: '密码强度' })).toBeVisible();
  await page.getByLabel('委机关汇总台账（汇总各纪检监察组的报送）').check();
  await expect(page.getByLabel('填入示例数据（用于熟悉软件）')).toHaveCount(0);
  await snap(page, 'rollup-create-commission');
  await page.getByRole('button', { name: '新建台账' }).click();
  await page.getByLabel('我已把恢复密钥抄写（或打印）并妥善保管').check();
  await page.getByRole('button', { name: '继续' }).click();

  await expect(page.getByRole('heading', { name: '各纪检监察组报送情况' })).toBeVisible();
  await expect(page.getByText('还没有导入任何纪检监察组的报送包')).toBeVisible();
  // A commission keeps no tasks, letters or units of its own: its navigation offers none of them.
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '导入报送包' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '整改任务台账' })).toHaveCount(0);
  await expect(nav.getByText('台账资料')).toHaveCount(0);
  await page.getByRole('link', { name: '导入报送包' }).first().click();

  await page.getByLabel('报送包文件').setInputFiles(groups.map((_, i) => join(workDir, `${['生态环境厅组', '水利厅组'][i]}-${period}.dubanreport`)));
  await page.getByLabel('报送口令').fill('别的口令');
  await page.getByRole('button', { name: '核对报送包' }).click();
  await expect(page.getByText('报送口令不正确').first()).toBeVisible();
  await page.getByLabel('报送口令').fill(PASSPHRASE);
  await page.getByRole('button', { name: '核对报送包' }).click();
  for (const [name, fingerprint] of groups) {
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(fingerprint);
    await expect(row).toContainText('首次报送');
  }
  await expect(page.getByRole('button', { name: '导入' })).toBeDisabled();
  await snap(page, 'rollup-import-check');
  for (const [name] of groups)
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('checkbox')
      .check();
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('已导入 2 个报送包')).toBeVisible();

  await page.getByRole('link', { name: '返回汇总' }).click();
  const table = page.getByRole('table', { name: '各组整改任务' });
  for (const [name] of groups) await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('14');
  await expect(page.getByText('各组均已报送')).toBeVisible();
  const summary = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await summary).suggestedFilename()).toMatch(/^各纪检监察组整改督办工作汇总表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await snap(page, 'rollup-dashboard');
  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, 'rollup-dashboard-1440');
  await page.setViewportSize({ width: 1366, height: 860 });

  await table.getByRole('link', { name: groups[1]![0] }).click();
  await expect(page.getByRole('heading', { name: groups[1]![0] })).toBeVisible();
  await expect(page.getByRole('table', { name: '整改任务' }).getByRole('row')).toHaveCount(15);
  await snap(page, 'rollup-group');
});

test('a group ledger shows the fingerprint of its signing key in 设置, for the commission to record', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  await openScreen(page, '设置');
  const card = page.getByRole('region', { name: '报送签名' });
  await expect(card.getByLabel('公钥指纹')).toHaveText(/^[0-9A-F]{8}( [0-9A-F]{8}){4}$/);
  const fingerprint = await card.getByLabel('公钥指纹').textContent();
  await page.reload();
  await expect(page.getByRole('region', { name: '报送签名' }).getByLabel('公钥指纹')).toHaveText(fingerprint!);
  await page.getByRole('region', { name: '报送签名' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, 'test-results', 'screens', 'rollup-settings-signing.png') });
});
