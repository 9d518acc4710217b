import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { MethodName } from '../../src/contract/methods';

export const PASSWORD = '督办台账测试 2026';

/** Creates a ledger through the welcome screen and notes its recovery key: the app then shows the ledger. */
export async function createLedger(page: Page, workDir: string, name = '2026年督办台账.duban'): Promise<void> {
  await page.getByRole('tab', { name: '新建台账' }).click();
  await page.getByLabel('台账文件').fill(join(workDir, name));
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再输入一次密码').fill(PASSWORD);
  await page.getByRole('button', { name: '新建台账' }).click();
  await page.getByLabel('我已把恢复密钥抄写（或打印）并妥善保管').check();
  await page.getByRole('button', { name: '继续' }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
}

/** Opens the ledger at `path` from the welcome screen (with the tests' password unless told): the app then shows it, within `timeout` if given. */
export async function openLedger(page: Page, path: string, { password = PASSWORD, timeout }: { password?: string; timeout?: number } = {}): Promise<void> {
  await page.getByRole('tab', { name: '打开台账' }).click();
  await page.getByLabel('台账文件').fill(path);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible(timeout === undefined ? {} : { timeout });
}

/**
 * Opens the demo ledger from the welcome screen. Its first opening writes a few hundred invented
 * records under a derived key: on a loaded two-core machine that outlasts the default wait.
 */
export async function openDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible({ timeout: 60_000 });
}

/**
 * Calls the contract from the page, as the screens do, through the bridge with this tab's token:
 * for tests that need a ledger already filled rather than filling it by hand.
 */
export async function call<T>(page: Page, method: MethodName, ...args: unknown[]): Promise<T> {
  const result = await page.evaluate(
    async ({ method, args }) => {
      // Runs in the page, where the tab keeps the bridge's token.
      const { sessionStorage } = globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } };
      const response = await fetch('/api', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-duban-token': sessionStorage.getItem('duban.token') ?? '' },
        body: JSON.stringify({ method, args }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { method, args },
  );
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Goes to a screen by its entry in the navigation. */
export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true }).click();
}

/** A new ledger holding one unit and its tasks 1 and 2 (入河排污口整治滞后（第N项）), for the task list's tests. */
export async function ledgerWithTwoTasks(page: Page, workDir: string): Promise<void> {
  await createLedger(page, workDir);
  const unit = await call<{ id: number }>(page, 'units.create', { name: '自治区生态环境厅', kind: 'supervised' });
  for (const number of ['1', '2']) {
    await call(page, 'tasks.create', { number, problem: `入河排污口整治滞后（第${number}项）`, deadline: { kind: 'ongoing' }, leadUnitIds: [unit.id] });
  }
}
