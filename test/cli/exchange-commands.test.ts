import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/core/ledger';
import { duban, ledgerFile } from '../helpers/cli';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';
import { WORKBOOKS } from '../helpers/workbooks';

const tempDir = useTempDir('file');
const PASSWORD = '督办台账 命令行测试 2026';
const run = (args: string[]) => duban([...args, '--password-stdin'], `${PASSWORD}\n`);
const published = (name: string) => join(WORKBOOKS, 'published', name);
const json = (args: string[]) => {
  const result = run([...args, '--json']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe('duban import, export and package', () => {
  let path: string;
  beforeAll(async () => {
    path = join(tempDir(), 'ledger.duban');
    await ledgerFile(path, PASSWORD);
  });

  it('imports the samples, says what it did, and a dry run changes nothing', () => {
    expect(json(['import', path, join(WORKBOOKS, 'units.xlsx')])).toMatchObject({ kind: 'units', created: 13, errors: 0 });
    const dry = json(['import', path, join(WORKBOOKS, 'petitions-120.xlsx'), '--dry-run']);
    expect(dry).toMatchObject({ kind: 'petitions', dryRun: true, created: 120, skipped: 1, errors: 0 });
    expect(dry.rows).toEqual([expect.objectContaining({ row: 124, action: 'skip', skipReason: 'total' })]);
    expect(json(['stats', path]).petitions.total).toBe(0);

    const tasks = run(['import', path, join(WORKBOOKS, 'rectification-tasks.xlsx'), '--kind', 'tasks']);
    expect(tasks.status, tasks.stderr).toBe(0);
    expect(tasks.stdout).toContain('读取 rectification-tasks.xlsx：整改任务，工作表“整改任务清单”，表头在第 3 行');
    expect(tasks.stdout).toContain('“各盟市人民政府（行政公署）”（1 行）是多个单位的统称，须对应一个单位组');
    expect(tasks.stdout).toContain('第 17 行（14）有错误，未导入：责任单位：“各盟市人民政府（行政公署）”是多个单位的统称，要先确定它对应哪个单位组');
    expect(tasks.stdout).toContain('新增 13 条，更新 0 条，不变 0 条，跳过 0 行，有错误 1 行，新建单位 0 个');
    expect(json(['import', path, join(WORKBOOKS, 'rectification-tasks.xlsx'), '--create-units'])).toMatchObject({
      created: 0,
      unchanged: 13,
      errors: 1,
      unitsCreated: 0,
    });
    expect(json(['import', path, join(WORKBOOKS, 'rectification-tasks.xlsx'), '--create-groups'])).toMatchObject({
      created: 1,
      unchanged: 13,
      groupsCreated: 1,
    });
    expect(json(['import', path, join(WORKBOOKS, 'petitions-120.xlsx')])).toMatchObject({ created: 120 });
    expect(json(['import', path, join(WORKBOOKS, 'petitions-120.xlsx')])).toMatchObject({ created: 0, unchanged: 120 });
  });

  it('refuses an old-format workbook in one sentence, changing nothing', () => {
    const result = run(['import', path, join(WORKBOOKS, 'old-format.xls')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('这是旧格式的 Excel 文件（.xls）或 WPS 表格文件（.et），本软件只读取 .xlsx。');
  });

  it('exports for leaders, never over an existing file', () => {
    const out = join(tempDir(), '信访件.xlsx');
    expect(run(['export', path, out, '--kind', 'petitions', '--unit', '西岭市']).stderr.trim()).toBe('台账中没有单位“西岭市”。相近的有：西岭市人民政府。');
    const exported = run(['export', path, out, '--kind', 'petitions', '--unit', '西岭市人民政府']);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/已导出 \d+ 条：/);
    expect(existsSync(out)).toBe(true);
    const again = run(['export', path, out, '--kind', 'tasks']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已经存在，为避免覆盖，没有写入');
    expect(run(['export', path, join(tempDir(), 'x.xlsx'), '--kind', 'letters']).stderr).toContain('“letters”不是可以使用的种类');
  });

  it('writes the units their workbooks for a month and reads them back', () => {
    const dir = join(tempDir(), '填报表');
    const exported = run(['package', 'export', path, dir, '--period', '2026-11']);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('自治区生态环境厅：4 项任务 → 2026年11月整改进展填报表-自治区生态环境厅.xlsx');
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(5);
    const back = json(['package', 'import', path, join(dir, '2026年11月整改进展填报表-自治区生态环境厅.xlsx'), '--period', '2026-11']);
    expect(back).toEqual([expect.objectContaining({ unit: '自治区生态环境厅', period: '2026-11', counts: expect.objectContaining({ create: 0, skip: 4 }) })]);
    expect(back[0].warnings).toEqual([{ code: 'not_filled', params: { numbers: '2、3、10、11' } }]);
  });
});

describe('duban import of petition tables as governments publish them', () => {
  const path = join(tempDir(), 'published.duban');
  beforeAll(() => ledgerFile(path, PASSWORD));

  it('keys a table without receipt numbers by batch and 序号, passes over its section labels, and a second run changes nothing', () => {
    const first = run(['import', path, published('fenlei-wubianhao.xlsx'), '--kind', 'petitions']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('按“第5批-序号”识别信访件：表中没有受理编号，批次取自表格标题。');
    expect(first.stdout).toContain('第 4 行跳过：分类标题行');
    expect(first.stdout).toContain('新增 5 条，更新 0 条，不变 0 条，跳过 3 行，有错误 0 行');
    const again = run(['import', path, published('fenlei-wubianhao.xlsx'), '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ kind: 'petitions', created: 0, unchanged: 5 });
  });

  it('takes the batch from --batch, names the columns kept as text and the cells it could not read', () => {
    const batch = run(['import', path, published('fenlei-wubianhao.xlsx'), '--kind', 'petitions', '--batch', '7', '--json']);
    expect(JSON.parse(batch.stdout)).toMatchObject({ created: 5, errors: 0 });
    const extra = run(['import', path, published('fujia-lie.xlsx')]);
    expect(extra.stdout).toContain('作为附加列保留：“处理类别”、“来源”、“备注二”');
    const truth = run(['import', path, published('yilanbiao-shifou.xlsx')]);
    expect(truth.stdout).toContain('表中没有批次列，交办批次取自表格标题：第3批。');
    expect(truth.stdout).toContain('第 8 行（2149）：是否属实：“正在核查”（G8）看不出属实与否，按原文作为附加列保留');
    expect(run(['import', path, published('fenlei-wubianhao.xlsx'), '--batch', '0']).stderr).toContain('批次“0”不正确');
  });

  it('reads numbers written in Chinese numerals, and a sheet per batch named 第一批, 第二批', () => {
    const numerals = run(['import', path, published('zhongwen-shuzi.xlsx'), '--kind', 'petitions']);
    expect(numerals.status, numerals.stderr).toBe(0);
    expect(numerals.stdout).toContain('按“第3批-序号”识别信访件：表中没有受理编号，批次取自表格标题。');
    expect(numerals.stdout).toContain('新增 4 条，更新 0 条，不变 0 条，跳过 3 行，有错误 0 行');
    expect(JSON.parse(run(['import', path, published('zhongwen-shuzi.xlsx'), '--json']).stdout)).toMatchObject({ created: 0, unchanged: 4 });
    expect(run(['import', path, published('fenpi-gongzuobiao.xlsx'), '--dry-run']).stdout).toContain(
      '这次只导入工作表“第一批”；工作表“第二批”也有同类的表，要另行导入。',
    );
    const sheet = run(['import', path, published('fenpi-gongzuobiao.xlsx'), '--sheet', '第二批']);
    expect(sheet.stdout).toContain('按“第2批-序号”识别信访件：表中没有受理编号，批次取自工作表名。');
    expect(sheet.stdout).toContain('新增 3 条');
    expect(duban(['--help']).stdout).toMatch(/--sheet 工作表名.*--batch 批次/s);
  });

  it('gives each case the value of a cell merged down over several cases', async () => {
    const merged = JSON.parse(run(['import', path, published('hebing-xiangxia.xlsx'), '--json']).stdout);
    expect(merged).toMatchObject({ created: 3, errors: 0 });
    const ledger = unwrap(await Ledger.open(path, { password: PASSWORD }, { readOnly: true }));
    const rows = unwrap(ledger.petitions.list({ limit: 100 })).rows.filter((c) => c.receiptNumber.startsWith('Z7'));
    unwrap(ledger.close());
    expect(rows.map((c) => [c.receiptNumber, c.batch, c.region])).toEqual([
      ['Z701', 7, '平川县'],
      ['Z702', 7, '平川县'],
      ['Z703', 7, '河西区'],
    ]);
  });
});
