import { expect, snap, test } from './bridge';
import { call, createLedger, openScreen } from './steps';

const LEFT_OUT = '模板中“联系人：……，联系电话：……。”这句不会印出，因为尚未填写联系人、联系电话（在“文件登记 → 模板与文号 → 发文机关”中填写）。仍可发文。';

test('a sentence the template will leave out is said before issuing, with where to fill in what it needs; the office’s mark size shows what it prints at', async ({
  app,
  workDir,
}) => {
  const { page } = app;
  await createLedger(page, workDir);
  const water = await call<{ id: number }>(page, 'units.create', { name: '自治区水利厅', kind: 'supervised' });
  await call(page, 'tasks.create', {
    number: '2',
    problem: '入河排污口排查整治进展滞后',
    deadline: { kind: 'date', date: '2025-06-30' },
    leadUnitIds: [water.id],
  });

  // No contact on file: the notice's contact sentence is left out, and the issue page says so; issuing stays possible.
  await openScreen(page, '文件登记');
  await page.getByRole('link', { name: '发文', exact: true }).click();
  const form = page.getByRole('form', { name: '发文' });
  await form.getByLabel('文种').selectOption({ label: '通报' });
  await form.getByLabel('收文单位').selectOption({ label: '自治区水利厅' });
  await expect(page.getByText(LEFT_OUT)).toBeVisible();
  await expect(form.getByRole('button', { name: '发文并分配文号' })).toBeEnabled();
  await snap(page, 'left-out-01-issue-warning');

  // The template editor says the same of its sample letter; the office card offers the mark's size and what it prints at.
  await openScreen(page, '文件登记');
  await page.getByRole('link', { name: '模板与文号' }).click();
  await expect(page.getByText(LEFT_OUT)).toBeVisible();
  const office = page.getByRole('region', { name: '发文机关' });
  await expect(office.getByLabel('发文机关标志字号（磅）')).toHaveValue('42');
  await office.getByLabel('发文机关标志', { exact: true }).fill('某某纪检监察组文件');
  await expect(office.getByText('按现在的机关名称印出：42磅，字宽100%')).toBeVisible();
  await office.getByLabel('发文机关标志', { exact: true }).fill('中共某某自治区纪委监委驻自治区生态环境厅纪检监察组');
  await expect(office.getByText(/按现在的机关名称印出：2\d磅，字宽7\d%/)).toBeVisible();
  await office.getByLabel('联系人', { exact: true }).fill('王建国');
  await office.getByLabel('联系电话').fill('0471-6941001');
  await office.scrollIntoViewIfNeeded();
  await snap(page, 'left-out-02-office-mark-size');
  await office.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存发文机关信息。')).toBeVisible();

  // With the contact set, the letter prints the sentence and nothing is said.
  await openScreen(page, '文件登记');
  await page.getByRole('link', { name: '发文', exact: true }).click();
  await form.getByLabel('文种').selectOption({ label: '通报' });
  await form.getByLabel('收文单位').selectOption({ label: '自治区水利厅' });
  await expect(page.frameLocator('iframe[title="打印预览"]').getByText(/联系人：王建国，联系电话：0471-6941001。/)).toBeVisible();
  await expect(page.getByText(/这句不会印出/)).toHaveCount(0);
});
