import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { Period } from '../../../src/shared/dates';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory, manualClock } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

/** In the ledger's order of units (by name within a kind). */
const CITIES = ['东岭市人民政府', '南湖市人民政府', '西河盟行政公署'];
const NOVEMBER = '2026-11' as Period;

async function ledgerWithCities() {
  ledger = await newLedger({ clock: manualClock('2026-12-04T10:00:00+08:00').clock });
  const cities = addUnits(ledger, CITIES, 'city');
  const departments = addUnits(ledger, ['自治区水利厅', '自治区林业和草原局']);
  return { cities, departments };
}

describe('unit groups', () => {
  it('by kind hold every unit of the kind, one added later too, archived ones not', async () => {
    const { cities } = await ledgerWithCities();
    const group = unwrap(ledger.unitGroups.create({ name: '各盟市人民政府（行政公署）', members: { by: 'kind', kind: 'city' } }));
    expect(group.memberIds).toEqual(Object.values(cities));
    const later = unwrap(ledger.units.create({ name: '北山市人民政府', kind: 'city' }));
    unwrap(ledger.units.update(cities['西河盟行政公署']!, { name: '西河盟行政公署', kind: 'city', archived: true }));
    expect(unwrap(ledger.unitGroups.get(group.id)).memberIds).toEqual([cities['东岭市人民政府'], later.id, cities['南湖市人民政府']]);
  });

  it('by list hold the units listed; a name taken, or no member, is refused as a field error', async () => {
    const { departments } = await ledgerWithCities();
    const ids = Object.values(departments);
    const group = unwrap(ledger.unitGroups.create({ name: '各有关部门', members: { by: 'list', unitIds: ids } }));
    expect(group).toMatchObject({ name: '各有关部门', members: { by: 'list', unitIds: ids }, memberIds: [...ids].reverse() });
    expect(ledger.unitGroups.list().map((g) => g.name)).toEqual(['各有关部门']);
    expect(failure(ledger.unitGroups.create({ name: '各有关部门', members: { by: 'list', unitIds: ids } })).fields).toEqual([
      { field: 'name', code: 'duplicate' },
    ]);
    expect(failure(ledger.unitGroups.create({ name: '自治区水利厅', members: { by: 'list', unitIds: ids } })).fields).toEqual([
      { field: 'name', code: 'duplicate' },
    ]);
    expect(failure(ledger.unitGroups.create({ name: '州直部门', members: { by: 'list', unitIds: [] } })).fields).toEqual([
      { field: 'members.unitIds', code: 'required' },
    ]);
  });

  it('a task given to a group is owed a report by each member, counted once, and keeps the group when read back', async () => {
    const { cities, departments } = await ledgerWithCities();
    const group = unwrap(ledger.unitGroups.create({ name: '各盟市人民政府（行政公署）', members: { by: 'kind', kind: 'city' } }));
    const task = unwrap(
      ledger.tasks.create({
        number: '14',
        problem: '第14项问题：部分盟市黑臭水体整治不彻底',
        deadline: { kind: 'date', date: '2026-12-31' },
        leadUnitIds: [],
        leadGroupIds: [group.id],
        cooperatingUnitIds: [departments['自治区水利厅']!],
      }),
    );
    expect(task).toMatchObject({ leadUnitIds: [], leadGroupIds: [group.id], cooperatingUnitIds: [departments['自治区水利厅']] });
    const owing = ledger.dispatch.overview(NOVEMBER).units.map((u) => [u.unit.name, u.owed]);
    expect(owing).toEqual(CITIES.map((name) => [name, 1]));
    expect(ledger.stats().units.notReported.map((n) => n.unit.name)).toEqual(CITIES);
    expect(ledger.stats().tasks.total).toBe(1);
    unwrap(ledger.progress.submit({ taskId: task.id, unitId: cities['东岭市人民政府']!, period: NOVEMBER, state: 'on_track', progress: '已完成排查' }));
    expect(ledger.stats().units.notReported.map((n) => n.unit.name)).toEqual(['南湖市人民政府', '西河盟行政公署']);
  });

  it('a task needs a lead unit or a lead group; a group in use is not deleted', async () => {
    const { departments } = await ledgerWithCities();
    const group = unwrap(ledger.unitGroups.create({ name: '州直部门', members: { by: 'list', unitIds: Object.values(departments) } }));
    const input = { number: '1', problem: '问题', deadline: { kind: 'immediate' } as const, leadUnitIds: [] };
    expect(failure(ledger.tasks.create(input)).fields).toEqual([{ field: 'leadUnitIds', code: 'required' }]);
    addTask(ledger, '2', departments['自治区水利厅']!, { leadGroupIds: [group.id] });
    expect(failure(ledger.unitGroups.remove(group.id)).code).toBe('in_use');
  });

  it('催报 to the members of a group writes one letter to each member still owing, about the task of the group', async () => {
    const { cities } = await ledgerWithCities();
    const group = unwrap(ledger.unitGroups.create({ name: '各盟市人民政府（行政公署）', members: { by: 'kind', kind: 'city' } }));
    const task = addTask(ledger, '14', cities['东岭市人民政府']!, { leadUnitIds: [], leadGroupIds: [group.id] });
    unwrap(ledger.progress.submit({ taskId: task.id, unitId: cities['南湖市人民政府']!, period: NOVEMBER, state: 'on_track', progress: '已完成排查' }));
    const issued = unwrap(ledger.dispatch.chase({ period: NOVEMBER, unitIds: group.memberIds, dates: { issuedOn: '2026-12-04', replyDue: '2026-12-10' } }));
    expect(issued.map((letter) => [letter.recipient, letter.taskIds])).toEqual([
      ['东岭市人民政府', [task.id]],
      ['西河盟行政公署', [task.id]],
    ]);
  });
});

describe('a letter to a group', () => {
  async function cityTasks() {
    const { cities, departments } = await ledgerWithCities();
    const group = unwrap(ledger.unitGroups.create({ name: '各盟市人民政府（行政公署）', members: { by: 'kind', kind: 'city' } }));
    const given = (number: string) =>
      unwrap(ledger.tasks.create({ number, problem: `第${number}项问题`, deadline: { kind: 'ongoing' }, leadUnitIds: [], leadGroupIds: [group.id] }));
    const tasks = [given('3'), given('12')];
    const own = addTask(ledger, '5', cities['南湖市人民政府']!);
    return { cities, departments, group, tasks, own };
  }
  const request = (unitIds: number[], toGroups: boolean) => ({
    period: NOVEMBER,
    unitIds,
    dates: { issuedOn: '2026-12-04', replyDue: '2026-12-14' },
    toGroups,
  });

  it('催报 to members behind writes one letter with the group as 主送 on the group’s tasks, and the members’ own tasks each to the member', async () => {
    const { cities, group, tasks, own } = await cityTasks();
    unwrap(ledger.progress.submit({ taskId: tasks[0]!.id, unitId: cities['东岭市人民政府']!, period: NOVEMBER, state: 'on_track', progress: '已排查' }));
    const previews = unwrap(ledger.dispatch.previewChase(request(Object.values(cities), true)));
    expect(previews.map((p) => [p.recipient, p.recipientGroupId, p.taskIds])).toEqual([
      ['各盟市人民政府（行政公署）', group.id, tasks.map((t) => t.id)],
      ['南湖市人民政府', null, [own.id]],
    ]);
    expect(previews[0]!.document.addressee).toBe('各盟市人民政府（行政公署）');

    const issued = unwrap(ledger.dispatch.chase(request(Object.values(cities), true)));
    expect(issued.map((d) => [d.recipient, d.recipientUnitId, d.recipientGroupId])).toEqual([
      ['各盟市人民政府（行政公署）', null, group.id],
      ['南湖市人民政府', cities['南湖市人民政府'], null],
    ]);
    expect(issued[1]!.number).toBe(issued[0]!.number.replace(/\d+号$/, (n) => `${Number.parseInt(n, 10) + 1}号`));
    // Filed under each member in the dispatch, as a 催报 of the month.
    const letters = ledger.dispatch.overview(NOVEMBER).units.map((u) => [u.unit.name, u.letters.map((l) => l.number)]);
    expect(letters).toEqual([
      ['东岭市人民政府', [issued[0]!.number]],
      ['南湖市人民政府', [issued[0]!.number, issued[1]!.number]],
      ['西河盟行政公署', [issued[0]!.number]],
    ]);
    // Its reply is tracked once, on the one entry.
    unwrap(ledger.documents.reply(issued[0]!.id, { repliedOn: '2026-12-10', replyText: '各盟市已报送' }));
    expect(unwrap(ledger.documents.list({ awaitingReply: true })).map((d) => d.recipient)).toEqual(['南湖市人民政府']);
  });

  it('writes one letter per member unless asked, and warns of a group letter sent lately', async () => {
    const { cities } = await cityTasks();
    const each = unwrap(ledger.dispatch.previewChase(request(Object.values(cities), false)));
    expect(each.map((p) => p.recipient)).toEqual(CITIES);
    expect(each[0]!.warnings.map((w) => w.code)).not.toContain('recently_sent');
    unwrap(ledger.dispatch.chase(request(Object.values(cities), true)));
    const again = unwrap(ledger.dispatch.previewChase(request(Object.values(cities), true)));
    // Beside it, the template's sentences this test's ledger leaves out (no contact set): warnings of their own.
    expect(again[0]!.warnings.map((w) => w.code).filter((code) => code !== 'sentence_left_out')).toEqual(['recently_sent']);
  });
});
