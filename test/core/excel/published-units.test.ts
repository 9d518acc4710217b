import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { ImportOptions } from '../../../src/core/excel/import/model';
import { addUnits } from '../../helpers/domain';
import { duban, ledgerFile } from '../../helpers/cli';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes, WORKBOOKS } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

/** Issue 11's tables as governments publish them (test/fixtures/workbooks/published/make-units-tasks.py). */
const PUBLISHED = join(WORKBOOKS, 'published');
const ALL_CITIES = '各盟市人民政府（行政公署）';
const DEPARTMENTS = ['自治区水利厅', '自治区林业和草原局', '自治区住房和城乡建设厅', '自治区生态环境厅'];
const CITIES = ['东川市人民政府', '青山盟行政公署'];

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const importFile = async (name: string, options: ImportOptions = {}) =>
  unwrap(await ledger.exchange.imports.importFile({ path: join(PUBLISHED, name) }, options, false));

describe('published tables through the core', () => {
  it('a unit list under 县市(州直部门): five units with their contacts, names written as one, the note passed over', async () => {
    ledger = await newLedger();
    const { preview, result } = await importFile('units-county-departments.xlsx');
    expect(preview).toMatchObject({ kind: 'units', headerRows: [3] });
    expect(result).toMatchObject({ created: 5, errors: 0 });
    expect(preview.rows.at(-1)).toMatchObject({ action: 'skip', skipReason: 'note' });
    expect(ledger.units.list().map((u) => [u.name, u.contacts[0]?.name])).toEqual([
      ['东岭县', '张晓明'],
      ['南山县', '王建国'],
      ['州直部门（州住房和城乡建设局）', '孙志强'],
      ['州直部门（州生态环境局）', '赵丽华'],
      ['西河市', '李文静'],
    ]);
  });

  it('a tally table: the units of its first column, the 合计 row no unit; again, nothing changes', async () => {
    ledger = await newLedger();
    const { preview, result } = await importFile('units-tally.xlsx', { kind: 'units' });
    expect(result).toMatchObject({ created: 4, skipped: 1, errors: 0 });
    expect(preview.rows.at(-1)).toMatchObject({ action: 'skip', skipReason: 'total' });
    expect(ledger.units.list().map((u) => u.name)).toEqual(['东岭县', '北湖区', '南山县', '西河市']);
    expect((await importFile('units-tally.xlsx', { kind: 'units' })).result).toMatchObject({ created: 0, unchanged: 4 });
  });

  it('a task list for 各盟市人民政府（行政公署） and units separated by 、: the group made once, its members owing each task', async () => {
    ledger = await newLedger();
    const cities = addUnits(ledger, CITIES, 'city');
    const departments = addUnits(ledger, DEPARTMENTS);
    const options: ImportOptions = { units: { [ALL_CITIES]: { action: 'createGroup', members: { by: 'kind', kind: 'city' } } } };
    const { result } = await importFile('tasks-collective-units.xlsx', options);
    expect(result).toMatchObject({ created: 4, errors: 0, groupsCreated: 1 });
    const [group] = ledger.unitGroups.list();
    const tasks = unwrap(ledger.tasks.list()).rows.map((row) => unwrap(ledger.tasks.get(row.id)));
    expect(tasks.map((t) => [t.number, t.leadUnitIds, t.leadGroupIds])).toEqual([
      ['1', [], [group!.id]],
      ['2', [departments['自治区水利厅'], departments['自治区林业和草原局']], []],
      ['3', [departments['自治区住房和城乡建设厅']], [group!.id]],
      ['4', [departments['自治区生态环境厅']], []],
    ]);
    const owed = ledger.dispatch.overview('2026-11' as never).units.map((u) => [u.unit.name, u.owed]);
    expect(owed).toEqual(expect.arrayContaining(CITIES.map((name) => [name, 2])));
    expect(ledger.stats().tasks.total).toBe(4);
    expect(Object.values(cities)).toEqual(group!.memberIds);
    expect((await importFile('tasks-collective-units.xlsx')).result).toMatchObject({ created: 0, updated: 0, unchanged: 4, groupsCreated: 0 });
  });
});

describe('published tables through the command line', () => {
  const PASSWORD = '督办台账 单位组测试 2026';
  const tempDir = useTempDir('file');
  const run = (args: string[]) => duban([...args, '--password-stdin'], `${PASSWORD}\n`);
  let path: string;
  beforeAll(async () => {
    path = join(tempDir(), 'ledger.duban');
    await ledgerFile(path, PASSWORD);
  });

  it('imports the unit lists, and says what a collective name needs before the tasks are written', async () => {
    const units = run(['import', path, join(PUBLISHED, 'units-tally.xlsx'), '--kind', 'units', '--json']);
    expect(JSON.parse(units.stdout)).toMatchObject({ kind: 'units', created: 4, skipped: 1 });
    const petitions = join(tempDir(), '交办件.xlsx');
    writeFileSync(
      petitions,
      await sheetBytes([
        ['受理编号', '反映问题', '污染类型'],
        ['D1', '噪声扰民', '噪声'],
      ]),
    );
    const refused = run(['import', path, petitions, '--kind', 'units']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('没有找到单位名单：没有哪一行的列名像“单位名称”“单位”“责任单位”“部门”“县市(州直部门)”“行政区域”或“县市”这样');

    const tasks = run(['import', path, join(PUBLISHED, 'tasks-collective-units.xlsx'), '--kind', 'tasks', '--create-units']);
    expect(tasks.status, tasks.stderr).toBe(0);
    expect(tasks.stdout).toContain(
      `“${ALL_CITIES}”（2 行）是多个单位的统称，须对应一个单位组：请先在“单位 → 单位组”中建立这个单位组（建议成员：全部盟市），或加 --create-groups 按建议新建，或用 --group “${ALL_CITIES}=已有单位组的名称”指定`,
    );
    expect(tasks.stdout).toContain('有错误 2 行');

    const grouped = run(['import', path, join(PUBLISHED, 'tasks-collective-units.xlsx'), '--kind', 'tasks', '--create-groups', '--create-units', '--json']);
    expect(JSON.parse(grouped.stdout)).toMatchObject({ created: 2, errors: 0, groupsCreated: 1 });
    const again = run(['import', path, join(PUBLISHED, 'tasks-collective-units.xlsx'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 4, groupsCreated: 0 });
  });

  it('maps a collective name to a group the ledger has with --group, and names the groups when there is none of that name', () => {
    const unknown = run(['import', path, join(PUBLISHED, 'tasks-collective-units.xlsx'), '--group', `${ALL_CITIES}=各旗县`]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe(`台账中没有单位组“各旗县”。已有的单位组：${ALL_CITIES}。`);
  });
});
