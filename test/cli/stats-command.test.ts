import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { duban, ledgerFile } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('file');
const PASSWORD = '督办台账 命令行测试 2026';

describe('duban init --demo and stats', () => {
  let path: string;
  beforeAll(async () => {
    path = join(tempDir(), 'demo.duban');
    await ledgerFile(path, PASSWORD, { demo: true });
  });

  it('creates a ledger with the demo data, and says what it holds', () => {
    const run = duban(['init', join(tempDir(), 'new-demo.duban'), '--demo', '--password-stdin'], `${PASSWORD}\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('已写入示例数据：14 个单位，14 项整改任务，36 件信访件。');
  });

  it('prints the figures as JSON for scripts, as of the date given', () => {
    const run = duban(['stats', path, '--json', '--date', '2023-06-01', '--password-stdin'], `${PASSWORD}\n`);
    expect(run.status, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout);
    expect(figures).toMatchObject({ asOf: '2023-06-01', tasks: { total: 14, overdue: 0 }, units: { total: 14 }, petitions: { total: 36 } });
    const later = JSON.parse(duban(['stats', path, '--json', '--date', '2030-01-01', '--password-stdin'], `${PASSWORD}\n`).stdout);
    // By 2030 every dated task not finished is late: 11 dated, of which tasks 1 and 2 are closed and 8 completed.
    expect(later.tasks.overdue).toBe(8);
  });

  it('prints them as sentences an office reads, in Chinese or English', () => {
    const zh = duban(['stats', path, '--date', '2030-01-01', '--password-stdin'], `${PASSWORD}\n`);
    expect(zh.stdout).toContain('统计（截至 2030年1月1日）');
    expect(zh.stdout).toMatch(/整改任务：共 14 项，逾期 \d+ 项/);
    const en = duban(['stats', path, '--lang', 'en', '--password-stdin'], `${PASSWORD}\n`);
    expect(en.stdout).toMatch(/Tasks: 14 in all, \d+ overdue/);
  });

  it('refuses a date that is not one, in one sentence', () => {
    const run = duban(['stats', path, '--date', '2024-02-30', '--password-stdin'], `${PASSWORD}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('日期“2024-02-30”不正确，请按 2026-11-24 的格式填写。');
  });
});
