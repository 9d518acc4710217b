import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../src/core/audit/audit-log';
import type { Ledger } from '../../../src/core/ledger';
import { repliesDue, TODO_SHOWN } from '../../../src/core/todo/model';
import type { Period } from '../../../src/shared/dates';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory, manualClock } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const NOVEMBER = '2026-11' as Period;
const DECEMBER_4 = '2026-12-04T10:00:00+08:00';

/** Three units: the first reported November on both its tasks, the second on one of two, the third on none. */
async function month() {
  const time = manualClock(DECEMBER_4);
  ledger = await newLedger({ clock: time.clock });
  const u = addUnits(ledger, ['自治区水利厅', '自治区住房城乡建设厅', '自治区自然资源厅']);
  const water = [addTask(ledger, '1', u['自治区水利厅']!), addTask(ledger, '2', u['自治区水利厅']!)];
  const housing = [addTask(ledger, '3', u['自治区住房城乡建设厅']!), addTask(ledger, '4', u['自治区住房城乡建设厅']!)];
  const land = addTask(ledger, '5', u['自治区自然资源厅']!);
  for (const task of water)
    unwrap(ledger.progress.submit({ taskId: task.id, unitId: u['自治区水利厅']!, period: '2026-11', state: 'on_track', progress: '按计划推进' }));
  unwrap(ledger.progress.submit({ taskId: housing[0]!.id, unitId: u['自治区住房城乡建设厅']!, period: '2026-11', state: 'behind', progress: '进度滞后' }));
  return { time, u, water, housing, land };
}

describe('the month the office collects', () => {
  it('is last month until the office closes its collection, then the month it set; the dashboard follows it', async () => {
    await month();
    expect(ledger.dispatch.month()).toEqual({ period: '2026-11', chosen: false });
    expect(ledger.stats().units.period).toBe('2026-11');
    expect(ledger.stats().units.notReported.map((n) => [n.unit.name, n.tasks])).toEqual([
      ['自治区住房城乡建设厅', 1],
      ['自治区自然资源厅', 1],
    ]);

    expect(unwrap(ledger.dispatch.setMonth('2026-12'))).toEqual({ period: '2026-12', chosen: true });
    expect(ledger.stats().units.period).toBe('2026-12');
    expect(ledger.stats().units.notReported).toHaveLength(3);
    const [entry] = listAudit(ledger.context.db, { entity: 'settings', limit: 1 });
    expect(entry).toMatchObject({ action: 'create', after: { key: 'progress.dispatch_period', value: '2026-12' } });
    expect(failure(ledger.dispatch.setMonth('2026-13')).fields).toEqual([{ field: 'period', code: 'invalid_period' }]);
  });
});

describe('the month at a glance', () => {
  // Units come in the ledger's order (by sort order, then name).
  it('says per unit what it owes and reported, its workbook out and back, and the letters it got', async () => {
    const { u } = await month();
    unwrap(await ledger.exchange.packages.export({ period: '2026-11', returnBy: '2026-12-05', unitIds: [u['自治区水利厅']!] }));
    const overview = ledger.dispatch.overview(NOVEMBER);
    expect(overview.units.map((row) => [row.unit.name, row.owed, row.reported, row.workbook?.returnBy ?? null, row.letters.length])).toEqual([
      ['自治区住房城乡建设厅', 2, 1, null, 0],
      ['自治区水利厅', 2, 2, '2026-12-05', 0],
      ['自治区自然资源厅', 1, 0, null, 0],
    ]);
    expect(overview.units[1]!.workbook).toMatchObject({ returnedAt: null });
  });
});

describe('催报', () => {
  it('previews one letter per unit behind, on its unreported tasks, with the month, and takes no number until issued', async () => {
    const { u, housing, land } = await month();
    const request = {
      period: '2026-11',
      unitIds: [u['自治区水利厅']!, u['自治区住房城乡建设厅']!, u['自治区自然资源厅']!],
      dates: { issuedOn: '2026-12-04', replyDue: '2026-12-09' },
    };
    const previews = unwrap(ledger.dispatch.previewChase(request));
    // The unit that reported everything gets no letter.
    expect(previews.map((p) => p.recipient)).toEqual(['自治区住房城乡建设厅', '自治区自然资源厅']);
    const text = JSON.stringify(previews[0]!.document);
    expect(previews[0]!.document.title).toBe('关于按时报送2026年11月整改进展情况的提醒函');
    expect(text).toContain(housing[1]!.problem);
    expect(text).not.toContain(housing[0]!.problem);
    expect(text).toContain('2026年12月9日前');
    expect(previews.map((p) => p.document.number)).toEqual(unwrap(ledger.dispatch.previewChase(request)).map((p) => p.document.number));

    const issued = unwrap(ledger.dispatch.chase(request));
    expect(issued.map((d) => [d.recipient, d.reportPeriod, d.docType])).toEqual([
      ['自治区住房城乡建设厅', '2026-11', 'reminder'],
      ['自治区自然资源厅', '2026-11', 'reminder'],
    ]);
    expect(issued[1]!.taskIds).toEqual([land.id]);
    expect(issued[0]!.number).not.toBe(issued[1]!.number);
    const rows = ledger.dispatch.overview(NOVEMBER).units;
    expect(rows.find((row) => row.unit.id === u['自治区自然资源厅'])!.letters).toEqual([
      expect.objectContaining({ number: issued[1]!.number, chasesReports: true }),
    ]);
  });

  it('is refused, with the reason, when the units chosen owe nothing', async () => {
    const { u } = await month();
    const refused = failure(
      ledger.dispatch.previewChase({ period: '2026-11', unitIds: [u['自治区水利厅']!], dates: { issuedOn: '2026-12-04', replyDue: null } }),
    );
    expect(refused.fields).toEqual([{ field: 'unitIds', code: 'no_reports_owed' }]);
    expect(failure(ledger.dispatch.chase({ period: '2026-11', unitIds: [], dates: { issuedOn: '2026-12-04', replyDue: null } })).fields).toEqual([
      { field: 'unitIds', code: 'required' },
    ]);
  });
});

describe('待办', () => {
  it('lists workbooks past their return date, close-outs waiting for their check and tasks reported completed; of the replies awaited, those due within a week or late', async () => {
    const { u, water } = await month();
    const letter = (recipientUnitId: number, replyDue: string) =>
      unwrap(ledger.documents.issue({ docType: 'reminder', recipientUnitId, taskIds: [], issuedOn: '2026-11-20', replyDue }));
    const late = letter(u['自治区水利厅']!, '2026-12-01');
    const soon = letter(u['自治区住房城乡建设厅']!, '2026-12-10');
    letter(u['自治区自然资源厅']!, '2026-12-20');
    unwrap(await ledger.exchange.packages.export({ period: '2026-11', returnBy: '2026-12-02', unitIds: [u['自治区住房城乡建设厅']!] }));
    unwrap(await ledger.exchange.packages.export({ period: '2026-11', returnBy: '2026-12-08', unitIds: [u['自治区水利厅']!] }));
    const requested = unwrap(ledger.closeOuts.request({ taskId: water[0]!.id, requestedOn: '2026-12-01' }));

    // 水利厅 reports its second task completed: it waits for the group's check.
    unwrap(ledger.progress.submit({ taskId: water[1]!.id, unitId: u['自治区水利厅']!, period: '2026-11', state: 'completed', progress: '已完成' }));

    const todo = unwrap(ledger.todo.list());
    expect(todo.asOf).toBe('2026-12-04');
    // The home page asks the replies awaited once, for its list of them and for the to-do.
    expect(todo).not.toHaveProperty('replies');
    expect(repliesDue(ledger.documents.awaitingReply(todo.asOf)).map((r) => [r.document.id, r.daysLeft])).toEqual([
      [late.id, -3],
      [soon.id, 6],
    ]);
    expect(todo.workbooks.items.map((w) => [w.unit.name, w.period, w.daysLate])).toEqual([['自治区住房城乡建设厅', '2026-11', 2]]);
    expect(todo.workbooks.total).toBe(1);
    expect(todo.closeOuts).toEqual({ items: [expect.objectContaining({ closeOutId: requested.id })], total: 1 });
    expect(todo.closeOuts.items.map((c) => c.task.number)).toEqual(['1']);
    expect(todo.reportedCompleted.total).toBe(1);
    expect(todo.reportedCompleted.items.map((task) => task.number)).toEqual(['2']);
  });

  it('lists the oldest of many late workbooks and counts them all, leaving out those of a unit whose reports are all in', async () => {
    const { u, land } = await month();
    const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'] as Period[];
    // Each month due back earlier than the month before it: October's the oldest.
    for (const [i, period] of months.entries()) unwrap(await ledger.exchange.packages.export({ period, returnBy: `2026-11-0${months.length - i}` }));
    const lateOf = () => unwrap(ledger.todo.list()).workbooks;
    // Three units, five months: fifteen late, the 8 oldest by their return date listed.
    const all = lateOf();
    expect(all.total).toBe(months.length * 3);
    expect(all.items).toHaveLength(TODO_SHOWN);
    expect(all.items.map((w) => w.returnBy)).toEqual([...all.items.map((w) => w.returnBy)].sort());
    // 自然资源厅 reports its task for October by hand: its October workbook is no longer waited for.
    unwrap(ledger.progress.submit({ taskId: land.id, unitId: u['自治区自然资源厅']!, period: '2026-10', state: 'on_track', progress: '电话报送' }));
    const after = lateOf();
    expect(after.total).toBe(all.total - 1);
    const october = (group: typeof all) => new Set(group.items.filter((w) => w.period === '2026-10').map((w) => w.unit.name));
    expect(october(all)).toEqual(new Set(['自治区水利厅', '自治区住房城乡建设厅', '自治区自然资源厅']));
    expect(october(after)).toEqual(new Set(['自治区水利厅', '自治区住房城乡建设厅']));
  });

  it('lists the oldest of many completions reported and counts them all; the ledger filtered by the stage shows every one', async () => {
    const { time, u } = await month();
    const unit = u['自治区自然资源厅']!;
    const many = Array.from({ length: TODO_SHOWN + 5 }, (_, i) => addTask(ledger, `9.${i + 1}`, unit));
    // Reported one after the other, the last task first: the to-do lists them in the order they came.
    for (const [i, task] of [...many].reverse().entries()) {
      time.set(`2026-12-04T11:${String(i).padStart(2, '0')}:00+08:00`);
      unwrap(ledger.progress.submit({ taskId: task.id, unitId: unit, period: '2026-11', state: 'completed', progress: '已完成' }));
    }
    const todo = unwrap(ledger.todo.list());
    expect(todo.reportedCompleted.total).toBe(many.length);
    expect(todo.reportedCompleted.items.map((task) => task.number)).toEqual(
      [...many]
        .reverse()
        .slice(0, TODO_SHOWN)
        .map((task) => task.number),
    );
    const ledgerList = unwrap(ledger.tasks.list({ checkStage: 'reported', limit: 1000 }));
    expect(ledgerList.total).toBe(many.length);
    expect(new Set(ledgerList.rows.map((task) => task.id))).toEqual(new Set(unwrap(ledger.tasks.awaitingCheck()).map((task) => task.id)));
    expect(ledgerList.rows.every((task) => task.checkStage === 'reported')).toBe(true);
  });
});
