import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { duban, ledgerFile } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';
import { WORKBOOKS } from '../helpers/workbooks';

const tempDir = useTempDir('file');
const PASSWORD = '督办台账 公开表格 2026';
const run = (args: string[]) => duban([...args, '--password-stdin'], `${PASSWORD}\n`);
const published = (name: string) => join(WORKBOOKS, 'published', name);

describe('duban import of petition tables as governments publish them', () => {
  let path: string;
  beforeAll(async () => {
    path = join(tempDir(), 'ledger.duban');
    await ledgerFile(path, PASSWORD);
  });

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
    expect(truth.stdout).toContain('第 8 行（2149）：是否属实：“正在核查”（G8）看不出属实与否，按原文作为附加列保留');
    expect(run(['import', path, published('fenlei-wubianhao.xlsx'), '--batch', '0']).stderr).toContain('批次“0”不正确');
  });
});
