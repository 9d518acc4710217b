import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { ImportOptions } from '../../../src/core/excel/import/model';
import type { Period } from '../../../src/shared/dates';
import { cellText } from '../../../src/core/excel/read/cells';
import { readWorkbook } from '../../../src/core/excel/read/workbook';
import { splitUnitNames } from '../../../src/core/excel/values/units';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const ALL_CITIES = '各盟市人民政府（行政公署）';
const TASKS = [
  ['序号', '督察反馈问题', '责任单位', '整改时限'],
  ['1', '部分盟市黑臭水体整治不彻底', ALL_CITIES, '2026年12月底前'],
  ['2', '县级饮用水水源地保护区划定滞后', '自治区水利厅、各县（市、区）', '立行立改'],
];

const file = async () => ({ fileName: '整改任务.xlsx', bytes: new Uint8Array(await sheetBytes(TASKS)) });
const preview = async (options: ImportOptions = {}) => unwrap(await ledger.exchange.imports.preview(await file(), { kind: 'tasks', ...options }));

async function ledgerWithUnits() {
  ledger = await newLedger();
  const cities = addUnits(ledger, ['东岭市人民政府', '西河盟行政公署'], 'city');
  const water = addUnits(ledger, ['自治区水利厅', '东岭县人民政府', '西河县人民政府']);
  return { cities, water };
}

describe('collective names in a task list', () => {
  it('keeps a bracket with 、 inside one name', () => {
    expect(splitUnitNames('自治区水利厅、各县（市、区）')).toEqual(['自治区水利厅', '各县（市、区）']);
  });

  it('are asked as groups, never created as units, and nothing is written until answered', async () => {
    await ledgerWithUnits();
    const planned = await preview({ createUnits: true });
    expect(planned.units.filter((u) => u.collective).map((u) => [u.name, u.suggestedMembers])).toEqual([
      [ALL_CITIES, { by: 'kind', kind: 'city' }],
      ['各县（市、区）', null],
    ]);
    expect(planned.newUnits).toEqual([]);
    expect(planned.rows.map((r) => r.issues.map((i) => i.code))).toEqual([['unknown_group'], ['unknown_group']]);
    expect(planned.counts).toMatchObject({ create: 0, error: 2 });
  });

  it('creates the group the user answers with, gives the task to it, and a second import changes nothing', async () => {
    const { cities, water } = await ledgerWithUnits();
    const counties = [water['东岭县人民政府']!, water['西河县人民政府']!];
    const answers: ImportOptions = {
      units: {
        [ALL_CITIES]: { action: 'createGroup', members: { by: 'kind', kind: 'city' } },
        '各县（市、区）': { action: 'createGroup', members: { by: 'list', unitIds: counties } },
      },
    };
    const planned = await preview(answers);
    expect(planned.newGroups).toEqual([
      { name: ALL_CITIES, members: { by: 'kind', kind: 'city' } },
      { name: '各县（市、区）', members: { by: 'list', unitIds: counties } },
    ]);
    expect(planned.rows[0]!.changes).toContainEqual({ field: 'leadUnits', before: { t: 'empty' }, after: { t: 'list', v: [ALL_CITIES] } });
    unwrap(ledger.exchange.imports.apply(planned.importId));
    const groups = Object.fromEntries(ledger.unitGroups.list().map((g) => [g.name, g]));
    expect(groups[ALL_CITIES]!.memberIds).toEqual(Object.values(cities));
    expect(groups['各县（市、区）']!.memberIds).toEqual(counties);
    const [first, second] = unwrap(ledger.tasks.list()).rows.map((row) => unwrap(ledger.tasks.get(row.id)));
    expect(first).toMatchObject({ leadUnitIds: [], leadGroupIds: [groups[ALL_CITIES]!.id] });
    expect(second).toMatchObject({ leadUnitIds: [water['自治区水利厅']], leadGroupIds: [groups['各县（市、区）']!.id] });
    expect(ledger.dispatch.overview('2026-11' as Period).units.map((u) => u.unit.name)).toEqual([
      '东岭县人民政府',
      '自治区水利厅',
      '西河县人民政府',
      '东岭市人民政府',
      '西河盟行政公署',
    ]);

    const exported = unwrap(await ledger.exchange.export({ kind: 'tasks' }));
    const { sheets } = unwrap(await readWorkbook(Buffer.from(exported.bytes)));
    expect(sheets[0]!.rows.flatMap((r) => r.cells.map(cellText))).toEqual(expect.arrayContaining([ALL_CITIES, '自治区水利厅、各县（市、区）']));

    const again = await preview();
    expect(again.units.filter((u) => u.collective).map((u) => u.group?.name)).toEqual([ALL_CITIES, '各县（市、区）']);
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('uses an existing group the user names for a collective name', async () => {
    const { cities } = await ledgerWithUnits();
    const group = unwrap(ledger.unitGroups.create({ name: '各盟市', members: { by: 'kind', kind: 'city' } }));
    const planned = await preview({
      units: { [ALL_CITIES]: { action: 'group', groupId: group.id }, '各县（市、区）': { action: 'group', groupId: group.id } },
    });
    expect(planned.counts).toMatchObject({ create: 2, error: 0 });
    unwrap(ledger.exchange.imports.apply(planned.importId));
    expect(ledger.stats().units.notReported.map((n) => n.unit.id)).toEqual(expect.arrayContaining(Object.values(cities)));
  });
});
