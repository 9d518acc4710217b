import type { Page } from '@playwright/test';
import { type Period, shiftPeriod } from '../../src/shared/dates';
import { expect, snap, test } from './bridge';
import { call, createLedger } from './steps';

/**
 * The office's month in one place: the home page's 待办 and its lists at every common width, the
 * month the dashboard counts, and the monthly dispatch screen (workbooks out and back, 催报).
 * Screenshots: test-results/screens/month-*.png.
 */

const DAY = 86_400_000;
const dayFrom = (days: number): string => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const lastMonth = (): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1)).toISOString().slice(0, 7);
};

interface Made {
  readonly units: Record<string, number>;
  readonly tasks: { id: number; number: string }[];
}

const UNITS = ['中共某某自治区委员会宣传部（自治区新闻出版局、版权局）', '自治区住房和城乡建设厅', '自治区自然资源厅'];

/** A ledger with long names: three units, a task each, letters awaiting replies, a workbook late, a close-out asked for. */
async function fill(page: Page): Promise<Made> {
  const units: Record<string, number> = {};
  for (const name of UNITS) units[name] = (await call<{ id: number }>(page, 'units.create', { name, kind: 'supervised' })).id;
  const tasks = [];
  for (const [i, name] of UNITS.entries()) {
    tasks.push(
      await call<{ id: number; number: string }>(page, 'tasks.create', {
        number: `${i + 1}`,
        problem: `部分城镇污水处理厂进水浓度偏低、管网雨污混接错接问题突出，${name}牵头整改的第${i + 1}项问题`,
        deadline: { kind: 'date', date: dayFrom(-40) },
        leadUnitIds: [units[name]],
      }),
    );
  }
  await call(page, 'progress.submit', { taskId: tasks[0]!.id, unitId: units[UNITS[0]!], period: lastMonth(), state: 'on_track', progress: '按计划推进' });
  await call(page, 'documents.setCounter', { docType: 'supervision', year: Number(dayFrom(-3).slice(0, 4)), nextSerial: 118 });
  for (const [i, name] of UNITS.entries()) {
    await call(page, 'documents.issue', {
      docType: i === 0 ? 'supervision' : 'reminder',
      recipientUnitId: units[name],
      taskIds: [tasks[i]!.id],
      issuedOn: dayFrom(-12),
      replyDue: dayFrom(i * 3 - 2),
    });
  }
  await call(page, 'exchange.exportPackages', { period: lastMonth(), unitIds: [units[UNITS[1]!]], returnBy: dayFrom(-1) });
  await call(page, 'closeOuts.request', { taskId: tasks[2]!.id, requestedOn: dayFrom(-2), requestNote: '已完成整改' });
  return { units, tasks };
}

test('待办 on the home page: replies due or late, a workbook not back, a close-out to check — each leads where it is done', async ({ app, workDir }) => {
  const { page } = app;
  await createLedger(page, workDir);
  const { tasks } = await fill(page);
  await page.reload();
  const todo = page.locator('section.todo');
  await expect(todo.getByRole('heading', { name: /^待办（\d+ 项）$/ })).toBeVisible();
  const replies = todo.locator('.todo__group', { hasText: '回复即将到期或已逾期' });
  await expect(replies.locator('li')).toHaveCount(3);
  await expect(replies.locator('li').first()).toContainText('已逾期 2 天');
  const workbooks = todo.locator('.todo__group', { hasText: '填报表逾期未报回' });
  await expect(workbooks.locator('li')).toHaveText([/自治区住房和城乡建设厅.*填报表，应于.*前报回，已逾期 1 天/]);
  const closeOuts = todo.locator('.todo__group', { hasText: '销号申请待核查' });
  await expect(closeOuts.locator('li')).toContainText([/^3/]);
  await closeOuts.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`#/tasks/${tasks[2]!.id}$`));

  // Three earlier months' workbooks not back either: the 8 oldest listed, all 10 counted, the way to the oldest month's.
  const earlier = [3, 2, 1].map((back) => shiftPeriod(lastMonth() as Period, -back));
  for (const [i, period] of earlier.entries()) await call(page, 'exchange.exportPackages', { period, returnBy: dayFrom(-20 + i) });
  await page.evaluate("location.hash = '#/'");
  await expect(workbooks.locator('.todo__count')).toHaveText('10');
  await expect(workbooks.locator('li')).toHaveCount(8);
  await snap(page, 'month-todo-late-workbooks');
  const [year, month] = earlier[0]!.split('-').map(Number);
  await workbooks.getByRole('link', { name: `到月度调度查看${year}年${month}月各单位的填报表` }).click();
  await expect(page).toHaveURL(new RegExp(`#/progress\\?period=${earlier[0]}$`));
});

/** The lists' numbers and words, measured: a number on one line, words not cut to a few characters. */
async function listsReadable(page: Page): Promise<{ numberLines: number; narrowestText: number }> {
  // Runs in the page (a string: the tests are compiled without the DOM's types).
  return page.evaluate(`(() => {
    const size = (el) => parseFloat(getComputedStyle(el).fontSize);
    const lineHeight = (el) => parseFloat(getComputedStyle(el).lineHeight) || size(el) * 1.5;
    const numbers = [...document.querySelectorAll('.link-list__number')];
    const texts = [...document.querySelectorAll('.link-list__text')];
    return {
      numberLines: Math.max(...numbers.map((el) => Math.round(el.getBoundingClientRect().height / lineHeight(el)))),
      narrowestText: Math.min(...texts.map((el) => el.getBoundingClientRect().width / size(el))),
    };
  })()`);
}

/** Each width of a 100 % screen in one ledger; 125 % (a 1600 × 900 laptop scaled) in its own. */
for (const look of [
  { scale: 1, widths: [1280, 1366, 1440, 1920] },
  { scale: 1.25, widths: [1280] },
]) {
  test.describe(`at ${look.scale * 100} %`, () => {
    test.use({ viewport: { width: look.widths[0]!, height: 860 }, deviceScaleFactor: look.scale });
    test(`the home page's lists keep a 文号 whole and their words readable at ${look.widths.join(', ')} px (${look.scale * 100} %)`, async ({
      app,
      workDir,
    }) => {
      const { page } = app;
      await createLedger(page, workDir);
      await fill(page);
      await page.reload();
      await expect(page.locator('.link-list__number', { hasText: '〔' }).first()).toBeVisible();
      for (const width of look.widths) {
        await page.setViewportSize({ width, height: 860 });
        const measured = await listsReadable(page);
        expect(measured.numberLines, `${width} px`).toBe(1);
        expect(measured.narrowestText, `${width} px`).toBeGreaterThanOrEqual(8);
        await snap(page, `month-dashboard-${width}-${look.scale * 100}`);
      }
    });
  });
}

test('the monthly dispatch in one screen: the month collected, every unit at a glance, 催报 previewed and confirmed, the collection closed', async ({
  app,
  workDir,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await createLedger(page, workDir);
  const { units } = await fill(page);
  await page.evaluate("location.hash = '#/progress'");
  const month = lastMonth();
  const [year, m] = month.split('-').map(Number);
  const monthWords = `${year}年${m}月`;
  await expect(page.getByText('这是正在收集的月份')).toBeVisible();
  const table = page.getByRole('grid', { name: `${monthWords}各单位报送情况（2 个单位未报齐）` });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('gridcell', { name: '已报齐 1 项' })).toBeVisible();
  await expect(table.getByRole('gridcell', { name: /发出，.*前报回$/ })).toHaveCount(1);
  await snap(page, 'month-dispatch-1440');

  // A unit's tasks with its own reports of the month, asked for that unit alone (a province's month holds 20,000).
  const asked: unknown[][] = [];
  page.on('request', (request) => {
    const body = request.postData() ?? '';
    if (body.includes('"progress.ofPeriod"')) asked.push((JSON.parse(body) as { args: unknown[] }).args);
  });
  await table.getByRole('row', { name: new RegExp(UNITS[0]!.slice(0, 8)) }).click();
  const unitTasks = page.getByRole('grid', { name: `${UNITS[0]}的任务` });
  await expect(unitTasks).toContainText('序时推进');
  await table.getByRole('row', { name: new RegExp(UNITS[1]!) }).click();
  await expect(page.getByRole('grid', { name: `${UNITS[1]}的任务` })).toContainText('未报送');
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.every((args) => args.length === 2 && typeof args[1] === 'number')).toBe(true);

  // 催报: the two units behind, previewed with the numbers they would take, issued on one confirmation.
  await page.getByRole('button', { name: '催报（2 个单位）' }).click();
  const dialog = page.getByRole('dialog', { name: `催报${monthWords}整改进展` });
  await expect(dialog.getByText('某纪监驻环函〔', { exact: false }).first()).toBeVisible();
  await expect(dialog.frameLocator('iframe').getByText(`关于按时报送${monthWords}整改进展情况的提醒函`).first()).toBeVisible();
  await snap(page, 'month-chase-confirmation');
  const before = await call<unknown[]>(page, 'documents.list', {});
  await dialog.getByRole('button', { name: '确认发出 2 份催报函' }).click();
  await expect(page.getByText(/^已发出 2 份催报函：/)).toBeVisible();
  expect((await call<unknown[]>(page, 'documents.list', {})).length).toBe(before.length + 2);
  await expect(table.getByRole('gridcell', { name: /^某纪监驻环函〔\d+〕\d+号.*催报 某纪监驻环函/ })).toHaveCount(2);
  const issued = await call<{ reportPeriod: string | null; recipientUnitId: number }[]>(page, 'documents.list', {});
  expect(
    issued
      .filter((d) => d.reportPeriod === month)
      .map((d) => d.recipientUnitId)
      .sort(),
  ).toEqual([units[UNITS[1]!], units[UNITS[2]!]].sort());

  // Closing the month's collection moves the office, and the home page's figure, on to the next.
  await page.getByRole('button', { name: /^本月收集完毕，转入/ }).click();
  // The screen shows the next month once the office has moved on (the address had no month before).
  await expect(page).toHaveURL(new RegExp(`period=${shiftPeriod(month as Period, 1)}`));
  await expect(page.getByText('这是正在收集的月份')).toBeVisible();
  await page.evaluate("location.hash = '#/'");
  await expect(page.locator('.figure', { hasText: '未报送单位' })).not.toContainText(monthWords);
});
