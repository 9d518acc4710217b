import { expect, snap, test } from './bridge';
import { call, createLedger, openScreen, PASSWORD } from './steps';

const WANG = '王五自己的密码 wang-wu 2026';

/**
 * 设置 → 人员 (issue 12): the administrator adds a colleague with a password of their own; the
 * colleague unlocks with it, the header names them, and the change they make is recorded under their name.
 */
test('add a person, unlock with their password, and find their change under their name in 操作记录', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  await expect(page.getByTestId('signed-in')).toHaveText('操作人：管理员');

  await openScreen(page, '设置');
  const people = page.getByRole('region', { name: '人员' });
  const person = (name: string) => people.getByRole('list', { name: '人员' }).getByRole('listitem').filter({ hasText: name });
  await person('管理员').getByRole('button', { name: '改名' }).click();
  const rename = page.getByRole('dialog');
  await rename.getByLabel('姓名').fill('张三');
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('signed-in')).toHaveText('操作人：张三');

  await people.getByLabel('姓名').fill('王五');
  await people.getByLabel('他的密码', { exact: true }).fill(WANG);
  await people.getByLabel('再输入一次他的密码').fill(WANG);
  const add = people.getByRole('button', { name: '添加', exact: true });
  await expect(add).toBeEnabled();
  await add.click();
  await expect(person('王五')).toContainText('成员');
  await expect(people.getByLabel('姓名')).toHaveValue('');
  await people.scrollIntoViewIfNeeded();
  await snap(page, 'people-01-settings');
  await page.setViewportSize({ width: 1440, height: 900 });
  await snap(page, 'people-01-settings-1440');
  await page.setViewportSize({ width: 1366, height: 860 });

  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByRole('heading', { name: '台账已锁定' })).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill(WANG);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('signed-in')).toHaveText('操作人：王五');

  await call(page, 'units.create', { name: '自治区水利厅', kind: 'supervised' });
  await openScreen(page, '设置');
  // Adding and removing people is the administrator's: a member is not shown the card.
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
  await expect(page.getByRole('region', { name: '人员' })).toHaveCount(0);

  await openScreen(page, '操作记录');
  await page.getByLabel('操作人').selectOption('王五');
  const entries = page.locator('.audit__entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('王五');
  await expect(entries.first()).toContainText('自治区水利厅');
  await snap(page, 'people-02-audit-by-person');
  await page.getByLabel('操作人').selectOption('张三');
  await expect(entries.filter({ hasText: '王五' }).first()).toBeVisible(); // adding 王五, by the administrator
  await expect(entries.filter({ hasText: '自治区水利厅' })).toHaveCount(0);

  // The administrator removes 王五: asked to confirm with their password, the ledger gets a new key.
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await openScreen(page, '设置');
  await person('王五').getByRole('button', { name: '移除' }).click();
  const removal = page.getByRole('dialog');
  await expect(removal).toContainText('“王五”的密码将不能再打开这个台账');
  await removal.getByLabel('管理员的密码').fill(PASSWORD);
  await snap(page, 'people-03-remove');
  await removal.getByRole('button', { name: '移除并更换密钥' }).click();
  await expect(person('王五')).toHaveCount(0);
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByLabel('密码', { exact: true }).fill(WANG);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByText('密码不正确。请检查大小写和输入法后重试。')).toBeVisible();
});
