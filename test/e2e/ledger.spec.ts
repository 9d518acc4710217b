import { expect, snap, test } from './bridge';
import { createLedger, openScreen } from './steps';

/** Last month as the screens write it: the month the office collects when the test runs (its reports come early in the next). */
const now = new Date();
const collected = new Date(now.getFullYear(), now.getMonth() - 1, 1);
const COLLECTED = `${collected.getFullYear()}年${collected.getMonth() + 1}月`;

test('a ledger from the first unit to a task closed out with evidence, and its history', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);

  // Units
  await openScreen(page, '单位');
  for (const [name, shortName] of [
    ['自治区生态环境厅', '生态环境厅'],
    ['自治区水利厅', '水利厅'],
  ] as const) {
    await page.getByRole('button', { name: '新增单位', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位名称').fill(name);
    await dialog.getByLabel('简称').fill(shortName);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('gridcell', { name, exact: true })).toBeVisible();
  }

  // The inspection the tasks come from, and one of its measures
  await openScreen(page, '督察来源');
  await expect(page.getByText('还没有督察来源')).toBeVisible();
  await page.getByRole('button', { name: '新增督察' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('督察名称').fill('第二轮第六批中央生态环境保护督察');
  await dialog.getByLabel('批次').fill('第六批');
  await dialog.getByLabel('反馈日期').fill('2023-06-12');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('2023年6月12日', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '新建措施' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('措施编号').fill('1');
  await dialog.getByLabel('措施内容').fill('开展入河排污口排查整治，建立问题清单');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('gridcell', { name: '开展入河排污口排查整治，建立问题清单' })).toBeVisible();
  await snap(page, '10-sources');

  // A task, through its form: refused while required fields are empty, in words
  await openScreen(page, '整改任务台账');
  await expect(page.getByText('台账中还没有整改任务')).toBeVisible();
  await snap(page, '11-ledger-empty');
  await page.getByRole('button', { name: '新增任务' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByLabel('编号')).toHaveAccessibleDescription('必须填写');
  await expect(page.getByLabel('编号')).toBeFocused();
  await expect(page.getByRole('combobox', { name: '牵头单位' })).toHaveAccessibleDescription('必须填写');
  await expect(page.getByRole('alert').filter({ hasText: '有内容填写不正确' })).toBeVisible();
  await snap(page, '12-task-form-errors');
  await page.getByLabel('督察来源').selectOption({ label: '第二轮第六批中央生态环境保护督察' });
  await page.getByLabel('编号').fill('1');
  await page.getByLabel('问题', { exact: true }).fill('部分城镇污水处理厂长期超标排放，入河排污口排查整治进展滞后');
  await page.getByLabel('整改目标').fill('2024年6月底前完成排查整治，建立长效监管机制');
  const lead = page.getByRole('combobox', { name: '牵头单位' });
  await lead.fill('生态');
  await lead.press('Enter');
  await expect(page.getByRole('button', { name: '移除“自治区生态环境厅”' })).toBeVisible();
  await expect(lead).not.toHaveAttribute('aria-invalid', 'true');
  const cooperating = page.getByRole('combobox', { name: '配合单位' });
  await cooperating.fill('水利');
  await cooperating.press('Enter');
  await cooperating.press('Escape');
  await page.getByLabel('整改时限').fill('2024-06-30');
  await page.getByLabel('责任领导').fill('王副厅长');
  const measures = page.getByRole('combobox', { name: '整改措施' });
  await measures.fill('排查');
  await measures.press('Enter');
  await measures.fill('完成城镇污水处理厂提标改造');
  await page.getByRole('option', { name: '新建措施“完成城镇污水处理厂提标改造”' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('措施内容')).toHaveValue('完成城镇污水处理厂提标改造');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('button', { name: '移除“完成城镇污水处理厂提标改造”' })).toBeVisible();
  await snap(page, '13-task-form');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '任务 1', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '整改措施' }).getByText('完成城镇污水处理厂提标改造')).toBeVisible();

  // A second task, 立行立改, led by the other unit
  await openScreen(page, '整改任务台账');
  await page.getByRole('button', { name: '新增任务' }).click();
  await page.getByLabel('编号').fill('2');
  await page.getByLabel('问题', { exact: true }).fill('河道管理范围内违规堆放固体废物');
  await page.getByRole('combobox', { name: '牵头单位' }).fill('水利');
  await page.getByRole('combobox', { name: '牵头单位' }).press('Enter');
  await page.getByRole('radio', { name: '立行立改' }).check();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '任务 2', exact: true })).toBeVisible();

  // Deleting asks first, and can be undone from the notice that follows
  await page.getByRole('button', { name: '删除任务' }).click();
  await expect(page.getByRole('dialog').getByText('确定删除任务 2 吗？')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '删除任务' }).click();
  await expect(page.getByText('已删除任务 2')).toBeVisible();
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('heading', { name: '任务 2', exact: true })).toBeVisible();
  await expect(page.getByText('河道管理范围内违规堆放固体废物').first()).toBeVisible();

  // The ledger: both, searched, filtered by unit; the keyboard opens a task
  await openScreen(page, '整改任务台账');
  await expect(page.getByText('共 2 项任务')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '2024年6月30日逾期' })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '立行立改' })).toBeVisible();
  await snap(page, '14-ledger');
  await page.getByRole('searchbox').fill('固体废物');
  await expect(page.getByText('筛选出 1 项任务')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).first().click();
  await page.getByLabel('责任单位').selectOption({ label: '自治区生态环境厅' });
  await expect(page.getByText('筛选出 1 项任务')).toBeVisible();
  await expect(page).toHaveURL(/unit=\d+/);
  await page.getByLabel('责任单位').selectOption({ label: '全部单位' });
  await expect(page.getByText('共 2 项任务')).toBeVisible();
  // The columns chosen are remembered
  await page.getByText('显示列').click();
  await page.getByRole('checkbox', { name: '督察来源' }).check();
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByRole('columnheader', { name: '督察来源' })).toBeVisible();
  await page.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('row').nth(2)).toBeFocused();
  await snap(page, '14-ledger-keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '任务 2', exact: true })).toBeVisible();

  // The month collected: both units owe a report; one reports
  await openScreen(page, '月度调度');
  const units = page.getByRole('grid', { name: `${COLLECTED}各单位报送情况（2 个单位未报齐）` });
  await expect(units).toBeVisible();
  await units.getByRole('gridcell', { name: '自治区生态环境厅', exact: true }).click();
  await page.getByRole('grid', { name: '自治区生态环境厅的任务' }).getByRole('gridcell', { name: '1', exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '报送' }).click();
  await expect(dialog.getByLabel('进展状态')).toHaveAccessibleDescription('必须填写');
  await dialog.getByLabel('进展状态').selectOption({ label: '序时推进' });
  await dialog.getByLabel('整改进展').fill('已完成12个入河排污口排查，3个正在整治。');
  await dialog.getByLabel('存在问题').fill('部分排污口权属不清。');
  await dialog.getByLabel('下一步措施').fill('6月底前完成全部整治。');
  await dialog.getByLabel('报送人').fill('王建国');
  await dialog.getByLabel('联系电话').fill('0471-6941001');
  await snap(page, '15-progress-report');
  await dialog.getByRole('button', { name: '报送' }).click();
  await expect(page.getByRole('grid', { name: `${COLLECTED}各单位报送情况（1 个单位未报齐）` })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '序时推进' })).toBeVisible();
  await snap(page, '16-progress');

  // The task's close-out: requested, checked; approval waits for evidence
  await page.getByRole('grid', { name: '自治区生态环境厅的任务' }).getByRole('gridcell', { name: '1', exact: true }).click();
  await page.getByRole('dialog').getByRole('link', { name: '打开任务' }).click();
  await expect(page.getByRole('heading', { name: '任务 1', exact: true })).toBeVisible();
  const progress = page.getByRole('region', { name: '月度进展' });
  await expect(progress.getByRole('heading', { name: COLLECTED })).toBeVisible();
  await expect(progress.getByText('已完成12个入河排污口排查，3个正在整治。')).toBeVisible();
  await page.getByRole('button', { name: '申请销号' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '申请销号' }).click();
  await page.getByRole('button', { name: '核查通过' }).click();
  await page.getByRole('dialog').getByLabel('核查意见').fill('整改到位，材料齐全。');
  await page.getByRole('dialog').getByRole('button', { name: '核查通过' }).click();
  await page.getByRole('button', { name: '批准销号' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByText('批准销号前须上传佐证材料')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '批准销号' })).toBeDisabled();
  await snap(page, '17-approve-needs-evidence');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Evidence: attached, viewed, removed and the removal undone
  await expect(page.getByText('批准销号需要佐证材料')).toBeVisible();
  const photo = await page.screenshot();
  await page.locator('input[type="file"]').setInputFiles({ name: '排污口整治现场照片.png', mimeType: 'image/png', buffer: photo });
  await expect(page.getByText('已上传 1 个文件')).toBeVisible();
  await page.getByRole('button', { name: '查看“排污口整治现场照片.png”' }).click();
  await expect(page.getByRole('dialog').getByRole('img', { name: '排污口整治现场照片.png' })).toBeVisible();
  await snap(page, '18-evidence-view');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '移除“排污口整治现场照片.png”' }).click();
  await expect(page.getByText('还没有佐证材料')).toBeVisible();
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('button', { name: '下载“排污口整治现场照片.png”' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载“排污口整治现场照片.png”' }).click();
  expect((await download).suggestedFilename()).toBe('排污口整治现场照片.png');

  // Approved: the task is closed out, and its history tells how
  await page.getByRole('button', { name: '批准销号' }).click();
  await page.getByRole('dialog').getByLabel('批准意见').fill('同意销号。');
  await page.getByRole('dialog').getByRole('button', { name: '批准销号' }).click();
  await expect(page.getByText(/^已于 .+ 销号$/)).toBeVisible();
  await expect(page.getByRole('button', { name: '申请销号' })).toBeHidden();
  await page.getByRole('button', { name: /^显示全部 \d+ 条记录$/ }).click();
  const history = page.getByRole('list', { name: '操作记录' });
  await expect(history.getByText('已销号', { exact: true })).toBeVisible();
  await expect(history.getByText('同意销号。')).toBeVisible();
  await expect(history.getByText('排污口整治现场照片.png').first()).toBeVisible();
  await expect(history.getByText('已完成12个入河排污口排查，3个正在整治。')).toBeVisible();
  await snap(page, '19-task-closed');

  // The ledger shows it closed out
  await openScreen(page, '整改任务台账');
  await page.getByRole('button', { name: /^已销号/ }).click();
  await expect(page.getByText('筛选出 1 项任务')).toBeVisible();
  await expect(page.getByRole('gridcell', { name: '1', exact: true })).toBeVisible();

  // The dashboard counts it, and its number leads to the list behind it
  await openScreen(page, '工作台');
  const closed = page.getByRole('link', { name: /^已销号\s*1\s*项/ });
  await expect(closed).toBeVisible();
  await expect(page.getByRole('link', { name: /^整改任务\s*2\s*项/ })).toBeVisible();
  await snap(page, '20-dashboard');
  await closed.click();
  await expect(page.getByText('筛选出 1 项任务')).toBeVisible();
  await expect(page).toHaveURL(/status=closed/);
});
