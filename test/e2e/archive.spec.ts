import { join } from 'node:path';
import { expect, snap, test } from './bridge';
import { call, createLedger, openScreen, PASSWORD } from './steps';

/**
 * The archive step as an office meets it (issue 13, where one machine ends): a finished round of
 * inspection archived from 督察来源 to its own file, the ledger's search still finding its tasks
 * and petition cases as archived, and the archive opened read-only with its calm banner.
 */
const FIRST = '第一轮中央生态环境保护督察';
const SECOND = '第二轮中央生态环境保护督察';

test('a finished round is archived, still found by the search, and its archive opens read-only', async ({ app, workDir }) => {
  const { page } = app;
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 860 });
  await createLedger(page, workDir);
  const unit = await call<{ id: number }>(page, 'units.create', { name: '市生态环境局', kind: 'supervised' });
  const first = await call<{ id: number }>(page, 'inspections.create', { name: FIRST, batch: '第一批', feedbackDate: '2024-05-10' });
  const second = await call<{ id: number }>(page, 'inspections.create', { name: SECOND });
  const task = { deadline: { kind: 'date', date: '2024-06-30' }, leadUnitIds: [unit.id] };
  await call(page, 'tasks.create', { ...task, inspectionId: first.id, number: '1', problem: '城区入河排污口排查整治不到位', status: 'completed' });
  await call(page, 'tasks.create', { ...task, inspectionId: first.id, number: '2', problem: '工业园区污水处理厂超标排放', status: 'completed' });
  await call(page, 'tasks.create', { ...task, inspectionId: second.id, number: '1', problem: '黑臭水体整治进展滞后' });
  const petition = await call<{ id: number }>(page, 'petitions.create', {
    receiptNumber: 'D1-0001',
    problem: '某化工厂夜间偷排废水',
    unitId: unit.id,
    completion: 'completed',
  });

  // The case's round, chosen on its form: what archiving the round takes along.
  await page.goto(`${new URL(page.url()).origin}/#/petitions/${petition.id}`);
  await page.getByLabel('督察来源').selectOption({ label: FIRST });
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存信访件 D1-0001')).toBeVisible();

  // A round with open work says what is open, and offers nothing to confirm.
  await openScreen(page, '督察来源');
  await page.getByRole('button', { name: new RegExp(SECOND) }).click();
  await page.getByRole('button', { name: '归档本轮督察…' }).click();
  const refused = page.getByRole('dialog', { name: `归档《${SECOND}》` });
  await expect(refused.getByText('1 项整改任务未完成或未销号（编号 1）')).toBeVisible();
  await expect(refused.getByRole('button', { name: '归档并移出' })).toHaveCount(0);
  await refused.getByRole('button', { name: '取消' }).click();

  // The finished round: what moves and where, the administrator's password, the outcome.
  await page.getByRole('button', { name: new RegExp(FIRST) }).click();
  await page.getByRole('button', { name: '归档本轮督察…' }).click();
  const dialog = page.getByRole('dialog', { name: `归档《${FIRST}》` });
  await expect(dialog.getByText('整改任务（含子任务） 2 项')).toBeVisible();
  await expect(dialog.getByText('信访件 1 件')).toBeVisible();
  await expect(dialog.getByLabel('归档文件保存为')).toHaveValue(join(workDir, `${FIRST}-归档.duban`));
  await dialog.getByLabel('管理员的密码').fill(PASSWORD);
  await snap(page, 'archive-confirm');
  await dialog.getByRole('button', { name: '归档并移出' }).click();
  const done = page.getByRole('dialog', { name: '归档完成' });
  await expect(done.getByText(`《${FIRST}》已归档到`)).toBeVisible({ timeout: 60_000 });
  await expect(done.getByTestId('archive-recovery-key')).not.toBeEmpty();
  await snap(page, 'archive-done');
  await done.getByRole('button', { name: '我已抄下，关闭' }).click();
  await expect(page.getByRole('button', { name: new RegExp(FIRST) })).toHaveCount(0);

  // The ledger's search finds the archived task, says where it went, and opens that archive.
  await openScreen(page, '整改任务台账');
  await page.getByRole('searchbox').fill('排污口');
  const matches = page.getByRole('region', { name: '已归档的匹配项' });
  await expect(matches.getByText('另有 1 条匹配的记录已归档到单独的文件：')).toBeVisible();
  await expect(matches.getByText(`归档于《${FIRST}-归档.duban》`)).toBeVisible();
  await snap(page, 'archive-search');
  await openScreen(page, '信访件');
  await page.getByRole('searchbox').fill('偷排');
  await expect(page.getByRole('region', { name: '已归档的匹配项' }).getByText('D1-0001')).toBeVisible();
  await page.getByRole('button', { name: '打开归档' }).click();

  // The normal open screen, the archive offered; opened, it says it is read-only and refuses changes.
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await expect(page.getByTestId('archive-banner')).toContainText(`只读归档 这是《${FIRST}》的归档文件`);
  await openScreen(page, '整改任务台账');
  await expect(page.getByText('城区入河排污口排查整治不到位')).toBeVisible();
  await snap(page, 'archive-open');
  await expect(call(page, 'units.create', { name: '新单位', kind: 'resident' })).rejects.toThrow('archive.read_only');
});

test('near the ceiling the home page and 设置 say so, and that archiving makes room rather than a smaller file', async ({ app, workDir }) => {
  const { page } = app;
  // The core's own answer, its database's size raised past the notice: a ledger of hundreds of MB is not made here.
  let pastTheNotice = false;
  await page.route('**/api', async (route) => {
    const { method } = JSON.parse(route.request().postData() ?? '{}') as { method?: string };
    if (method !== 'archive.state' || !pastTheNotice) return route.continue();
    const response = await route.fetch();
    const body = (await response.json()) as { ok: true; value: { databaseBytes: number; noticeBytes: number } };
    return route.fulfill({ response, json: { ...body, value: { ...body.value, databaseBytes: body.value.noticeBytes + 10 * 1024 * 1024 } } });
  });
  await createLedger(page, workDir);
  const state = await call<{ databaseBytes: number; noticeBytes: number }>(page, 'archive.state');
  expect(state.databaseBytes).toBeLessThan(state.noticeBytes);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByTestId('ledger-size-notice')).toHaveCount(0);

  pastTheNotice = true;
  const size = Math.round(state.noticeBytes / (1024 * 1024)) + 10;
  await openScreen(page, '设置');
  const notice = page.getByTestId('ledger-size-notice');
  await expect(notice).toContainText(`台账已较大（约 ${size} MB）`);
  await expect(notice).toContainText('点击“归档本轮督察…”');
  await expect(notice).toContainText('归档腾出的空间留给以后录入的内容，台账文件本身不会变小。');
  await openScreen(page, '工作台');
  await expect(page.getByTestId('ledger-size-notice')).toContainText(`台账已较大（约 ${size} MB）`);
});
