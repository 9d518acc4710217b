import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { duban, ledgerFile } from '../helpers/cli';
import { permissionsOf, unixModes, useUmask } from '../helpers/file-mode';
import { useTempDir } from '../helpers/temp';

/**
 * What the command line writes holds names of persons held accountable and petitioners' complaints:
 * only its owner may read it, even under a umask of 022, which would leave a file 0644 to everyone.
 * (The PDF letter is checked in letter.test.ts, with the Chromium it needs.)
 */
const tempDir = useTempDir('file');
const PASSWORD = '督办台账 命令行测试 2026';
const run = (args: string[], env: Record<string, string> = {}) => {
  const result = duban([...args, '--password-stdin'], `${PASSWORD}\n`, env);
  expect(result.status, result.stderr).toBe(0);
};

describe.skipIf(!unixModes)('the command line, under umask 022', () => {
  useUmask(0o022);
  let dir: string;
  let ledger: string;
  beforeAll(async () => {
    dir = tempDir();
    ledger = join(dir, 'demo.duban');
    await ledgerFile(ledger, PASSWORD, { demo: true });
  });

  const expectOwnerOnly = (...names: string[]) =>
    expect(names.map((name) => [name, permissionsOf(join(dir, name))])).toEqual(names.map((name) => [name, '600']));

  it('makes ledgers, copies and restored ledgers readable by their owner only', () => {
    run(['init', join(dir, 'new.duban')]);
    run(['backup', ledger, join(dir, 'copy.duban')]);
    run(['restore', join(dir, 'copy.duban'), join(dir, 'restored.duban')]);
    expectOwnerOnly('new.duban', 'copy.duban', 'restored.duban');
  });

  it('makes dumps and workbooks readable by their owner only', () => {
    run(['dump', ledger, join(dir, 'plain.sqlite')]);
    run(['export', ledger, join(dir, 'tasks.xlsx'), '--kind', 'tasks']);
    expectOwnerOnly('plain.sqlite', 'tasks.xlsx');
  });

  it('makes letters readable by their owner only', () => {
    run(['letter', ledger, '--type', 'reminder', '--unit', '自治区生态环境厅', '--preview', '--out', join(dir, 'letter.docx')]);
    run(['letter', ledger, '--type', 'reminder', '--unit', '自治区生态环境厅', '--preview', '--out', join(dir, 'letter.html')], {
      DUBAN_CHROMIUM: '/nonexistent/chromium',
    });
    expectOwnerOnly('letter.docx', 'letter.html');
  });

  it('writes unit workbooks into folders it makes that only their owner may list', () => {
    const packages = join(tempDir(), '填报表', '2026年11月');
    run(['package', 'export', ledger, packages, '--period', '2026-11']);
    const files = readdirSync(packages);
    expect(files.length).toBeGreaterThan(5);
    expect(permissionsOf(packages)).toBe('700');
    expect(permissionsOf(join(packages, '..'))).toBe('700');
    expect(files.filter((file) => permissionsOf(join(packages, file)) !== '600')).toEqual([]);
  });
});
