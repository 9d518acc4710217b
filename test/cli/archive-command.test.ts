import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { duban } from '../helpers/cli';
import { addTask, addUnits } from '../helpers/domain';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir();
const PASSWORD = '督办台账 归档命令测试 2026';
const run = (args: string[]) => duban([...args, '--password-stdin'], `${PASSWORD}\n`);

/** A ledger with 第一轮 finished (one task 已完成, one petition case 办结) and 第二轮 under way. */
async function ledgerWithRounds(): Promise<string> {
  const path = join(tempDir(), 'ledger.duban');
  const { ledger } = unwrap(await Ledger.create(path, { password: PASSWORD, kdf: KDF_FLOOR, actor: 'test' }));
  const units = addUnits(ledger, ['市生态环境局']);
  const first = unwrap(ledger.inspections.create({ name: '第一轮督察' }));
  const second = unwrap(ledger.inspections.create({ name: '第二轮督察' }));
  addTask(ledger, '1', units['市生态环境局']!, { inspectionId: first.id, status: 'completed' });
  addTask(ledger, '2', units['市生态环境局']!, { inspectionId: second.id });
  unwrap(ledger.petitions.create({ receiptNumber: 'D1-001', problem: '夜间偷排', completion: 'completed', inspectionId: first.id }));
  ledger.close();
  return path;
}

// Each case runs the command line in a child process (two in the first): slow on a loaded machine.
describe('duban archive', { timeout: 180_000 }, () => {
  it('moves a finished round to its own file, says what moved, and prints the archive’s recovery key once', async () => {
    const path = await ledgerWithRounds();
    const out = join(tempDir(), '第一轮督察.duban');
    const result = run(['archive', path, '--inspection', '第一轮督察', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`已归档到 ${out}，并从台账中移出：`);
    expect(result.stdout).toContain('整改任务（含子任务） 1 项');
    expect(result.stdout).toContain('信访件 1 件');
    expect(result.stdout).toMatch(/SHA-256：[0-9a-f]{64}/);
    expect(result.stdout).toMatch(/恢复密钥只显示这一次/);
    expect(run(['verify', out]).status).toBe(0);
  });

  it('refuses a round with open work, naming it, and writes nothing', async () => {
    const path = await ledgerWithRounds();
    const out = join(tempDir(), '第二轮督察.duban');
    const result = run(['archive', path, '--inspection', '2', '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1 项整改任务未完成或未销号（编号 2）');
    expect(existsSync(out)).toBe(false);
  });

  it('says which rounds there are when the one named is not', async () => {
    const path = await ledgerWithRounds();
    const result = run(['archive', path, '--inspection', '第三轮', '--out', join(tempDir(), 'x.duban')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('台账中没有督察“第三轮”。已有：');
    expect(result.stderr).toContain('1 第一轮督察');
  });
});
