import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { call, createLedger, openDemo } from './steps';

/**
 * What a month of office work asked of the forms (issue 9): drafts that survive a reload, evidence
 * sealed by a close-out, accountability subjects entered by the dozen, and the small things.
 */

const go = (page: Page, path: string) => page.goto(`${new URL(page.url()).origin}/#${path}`);

/** Bytes as the contract's wire carries them (wire.ts). */
const bytes = (text: string) => ({ $bytes: Buffer.from(text).toString('base64') });

/** A task of a new unit, in the given state. */
async function newTask(page: Page, status: 'in_progress' | 'completed'): Promise<{ id: number }> {
  const unit = await call<{ id: number }>(page, 'units.create', { name: '自治区生态环境厅', kind: 'supervised' });
  return call<{ id: number }>(page, 'tasks.create', {
    number: '3',
    problem: '部分城镇污水处理厂超标排放',
    deadline: { kind: 'date', date: '2024-06-30' },
    leadUnitIds: [unit.id],
    status,
  });
}

test('a closed task’s evidence is sealed until the close-out is reopened, with a reason', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  const task = await newTask(page, 'completed');
  const request = await call<{ id: number }>(page, 'closeOuts.request', { taskId: task.id, requestedOn: '2024-07-01' });
  await call(page, 'closeOuts.check', request.id, { on: '2024-07-02' });
  await call(page, 'evidence.add', { ownerKind: 'task', ownerId: task.id, fileName: '验收报告.pdf', mediaType: 'application/pdf', bytes: bytes('%PDF-1.4') });
  await call(page, 'closeOuts.approve', request.id, { on: '2024-07-05' });

  await go(page, `/tasks/${task.id}`);
  // Sealed evidence is still saved: in a browser (the desktop app asks where, through its save dialog) as a download.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载“验收报告.pdf”' }).click();
  expect((await download).suggestedFilename()).toBe('验收报告.pdf');
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

  // Reopened by whoever's password opened the ledger: its administrator, 管理员 until they give their name.
  await expect(page.getByText('撤销销号（管理员）：群众反映问题反弹，需补充整改')).toBeVisible();
  await expect(page.getByRole('button', { name: '申请销号' })).toBeVisible();
  await page.getByRole('button', { name: '移除“验收报告.pdf”' }).click();
  await expect(page.getByText('已移除“验收报告.pdf”')).toBeVisible();
  const [last] = await call<{ action: string; changes: { field: string }[] }[]>(page, 'audit.list', { entity: 'close_out', entityId: request.id, limit: 1 });
  expect(last!.action).toBe('update');
  expect(last!.changes).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ field: 'state', after: { t: 'word', k: 'common:enums.closeOutState.reopened' } }),
      expect.objectContaining({ field: 'reopenReason', after: { t: 'text', v: '群众反映问题反弹，需补充整改' } }),
    ]),
  );
});

test('in the desktop app a piece of evidence is saved through the system’s save dialog, and its button says so', async ({ app, workDir }) => {
  const { page } = app;
  // The shell is Electron's: its platform calls (what the shell is, the save dialog) answered here.
  const asked: string[] = [];
  await page.route('**/api', async (route) => {
    const { method, args } = JSON.parse(route.request().postData() ?? '{}') as { method: string; args: [{ fileName: string }[]] };
    if (method === 'platform.info') return route.fulfill({ json: { ok: true, value: { shell: 'desktop', version: '0.1.0', launchFile: null } } });
    if (method !== 'platform.saveFiles') return route.continue();
    asked.push(...args[0].map((file) => file.fileName));
    return route.fulfill({ json: { ok: true, value: '/home/办公室/验收报告.pdf' } });
  });
  await page.reload();
  await createLedger(page, workDir);
  const task = await newTask(page, 'in_progress');
  await call(page, 'evidence.add', { ownerKind: 'task', ownerId: task.id, fileName: '验收报告.pdf', mediaType: 'application/pdf', bytes: bytes('%PDF-1.4') });

  await go(page, `/tasks/${task.id}`);
  await expect(page.getByRole('button', { name: '下载“验收报告.pdf”' })).toHaveCount(0);
  await page.getByRole('button', { name: '将“验收报告.pdf”另存为…' }).click();
  await expect(page.getByText('已保存到 /home/办公室/验收报告.pdf')).toBeVisible();
  expect(asked).toEqual(['验收报告.pdf']);
});

test('a reload mid-form asks first, and the form offers back what was typed; cancelling discards it', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  await go(page, '/petitions/new');
  await page.getByLabel('受理编号').fill('X150000202607010007');
  await page.getByLabel('反映问题').fill('某化工园区夜间偷排废水，气味刺鼻');
  // Kept in the ledger (encrypted with it) as it is typed, not in the page.
  await expect
    .poll(() => call<{ values: { problem: string } } | null>(page, 'drafts.get', 'petition:new').then((d) => d?.values.problem))
    .toBe('某化工园区夜间偷排废水，气味刺鼻');

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

/** Pastes text into the focused field as a spreadsheet's copy would (rows by line, cells by tab). */
async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  // Runs in the page, whose DOM types this Node project does not load.
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

test('accountability at the seed’s scale: names pasted from a spreadsheet, each batch of one kind and form, fines totalled', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  await go(page, '/accountability/new');
  await page.getByLabel('移交问题').fill('某工业园区违规取水、超标排放问题');

  await page.getByRole('button', { name: '添加问责对象' }).click();
  await page.getByLabel('第 1 个对象的类别').selectOption({ label: '企业' });
  await page.getByLabel('第 1 个对象的问责方式').selectOption({ label: '罚款' });
  const enterprises = Array.from({ length: 17 }, (_, i) => `园区第${i + 1}号化工企业有限公司\t${(i + 1) * 10000}`).join('\r\n');
  await pasteInto(page, '第 1 个对象的名称或姓名', `${enterprises}\r\n`);
  await expect(page.getByLabel('第 17 个对象的名称或姓名')).toHaveValue('园区第17号化工企业有限公司');
  await expect(page.getByLabel('第 17 个对象的罚款金额（元）')).toHaveValue('170000');
  await expect(page.getByLabel('第 18 个对象的名称或姓名')).toHaveCount(0);

  // The next subject keeps the kind and form of the last.
  await page.getByRole('button', { name: '添加问责对象' }).click();
  await expect(page.getByLabel('第 18 个对象的类别')).toHaveValue('enterprise');
  await expect(page.getByLabel('第 18 个对象的问责方式')).toHaveValue('fine');
  await page.getByLabel('第 18 个对象的类别').selectOption({ label: '单位' });
  await page.getByLabel('第 18 个对象的问责方式').selectOption({ label: '通报批评' });
  await pasteInto(page, '第 18 个对象的名称或姓名', '园区管委会\n市水务局\n市生态环境局');
  await expect(page.getByLabel('第 20 个对象的问责方式')).toHaveValue('criticism');

  await page.getByRole('button', { name: '添加问责对象' }).click();
  await page.getByLabel('第 21 个对象的类别').selectOption({ label: '个人' });
  await page.getByLabel('第 21 个对象的问责方式').selectOption({ label: '党纪政务处分' });
  await pasteInto(page, '第 21 个对象的名称或姓名', '王某\t园区管委会副主任\n赵某\t市水务局科长\n钱某\t市生态环境局执法大队队长');
  await expect(page.getByLabel('第 23 个对象的职务')).toHaveValue('市生态环境局执法大队队长');
  await page.getByLabel('第 21 个对象的党纪处分').selectOption({ label: '严重警告' });
  await page.getByLabel('第 21 个对象的政务处分').selectOption({ label: '记大过' });
  await page.getByLabel('第 22 个对象的党纪处分').selectOption({ label: '警告' });
  await page.getByRole('button', { name: '保存' }).click();
  // 钱某 has no 处分 chosen yet: the form says which.
  await expect(page.getByLabel('第 23 个对象的党纪处分')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('第 23 个对象的政务处分').selectOption({ label: '记过' });
  await snap(page, 'forms-accountability-subjects');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新增问责事项')).toBeVisible();

  const stats = await call<{ accountability: { subjects: Record<string, number>; finesYuan: number; partySanctions: Record<string, number> } }>(
    page,
    'stats.ledger',
  );
  expect(stats.accountability.subjects).toEqual({ unit: 3, enterprise: 17, person: 3 });
  expect(stats.accountability.finesYuan).toBe(1_530_000);
  expect(stats.accountability.partySanctions).toMatchObject({ serious_warning: 1, warning: 1 });
});

test('creating a ledger in a folder that does not exist says so, naming the folder', async ({ app, workDir }) => {
  const { page } = app;
  await page.getByRole('tab', { name: '新建台账' }).click();
  await page.getByLabel('台账文件').fill(`${workDir}/没有这个文件夹/2026年督办台账.duban`);
  await page.getByLabel('密码', { exact: true }).fill('督办台账测试 2026');
  await page.getByLabel('再输入一次密码').fill('督办台账测试 2026');
  await page.getByRole('button', { name: '新建台账' }).click();
  await expect(page.getByText(`文件夹“${workDir}/没有这个文件夹”不存在`)).toBeVisible();
  await snap(page, 'forms-create-missing-folder');
});

test('the demo ledger opens with one click, and again after a lock — never asking for a password nobody was told', async ({ app }) => {
  const { page } = app;
  await snap(page, 'forms-welcome-demo');
  await openDemo(page);
  await expect(page.locator('.shell')).toContainText('示例台账');
  await snap(page, 'forms-demo-opened');
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByLabel('密码', { exact: true })).toHaveCount(0);
  await snap(page, 'forms-demo-locked');
  await openDemo(page);
  // Not among the recent ledgers, where a click would ask for its password.
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByRole('button', { name: '打开其他台账' }).click();
  await expect(page.getByRole('button', { name: '打开示例台账' })).toBeVisible();
  await expect(page.locator('.recent')).toHaveCount(0);
});

/** A new petition case with what it needs but its dates, on a fresh ledger. */
async function newPetition(page: Page, workDir: string): Promise<void> {
  await createLedger(page, workDir);
  await go(page, '/petitions/new');
  await page.getByLabel('受理编号').fill('X150000202607010007');
  await page.getByLabel('反映问题').fill('夜间偷排废水');
}

test('a date field takes a pasted 2024年6月30日, 2024.6.30 or 2024-6-3', async ({ app, workDir }) => {
  const { page } = app;
  await newPetition(page, workDir);
  for (const [pasted, taken] of [
    ['2024年6月30日', '2024-06-30'],
    ['2024.6.30', '2024-06-30'],
    ['2024-6-3', '2024-06-03'],
  ] as const) {
    await pasteInto(page, '交办日期', pasted);
    await expect(page.getByLabel('交办日期')).toHaveValue(taken);
  }
});

test('a date-order error names both dates', async ({ app, workDir }) => {
  const { page } = app;
  await newPetition(page, workDir);
  await page.getByLabel('交办日期').fill('2024-06-03');
  await page.getByLabel('办结日期').fill('2024-06-01');
  await page.getByLabel('办结情况').selectOption({ label: '已办结' });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('2024年6月1日早于2024年6月3日')).toBeVisible();
  await snap(page, 'forms-date-order');
  await page.getByLabel('办结日期').fill('2024-07-01');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已新增信访件')).toBeVisible();
});

test('a picker’s list closes when the form is saved', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  await call(page, 'petitions.create', { receiptNumber: 'X150000202607010007', problem: '夜间偷排废水' });
  const accountability = await call<{ id: number }>(page, 'accountability.create', { issue: '某工业园区违规取水问题' });
  await go(page, `/accountability/${accountability.id}`);
  await page.getByLabel('备注').fill('专项工作组已进驻');
  await page.getByLabel('相关信访件').click();
  await expect(page.getByRole('listbox')).toBeVisible();
  // Saved while the list is open (as with the keyboard): the list goes with the form.
  await page.evaluate(`document.querySelector('form.form').requestSubmit()`);
  await expect(page.getByText('已保存问责事项')).toBeVisible();
  await expect(page.getByRole('listbox')).toBeHidden();
});
