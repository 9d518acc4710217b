import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { duban, ledgerFile } from '../helpers/cli';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('file');
const PASSWORD = '督办台账 命令行测试 2026';

function init(path: string) {
  const run = duban(['init', path, '--password-stdin'], `${PASSWORD}\n`);
  expect(run.status, run.stderr).toBe(0);
  const key = /^\s+([0-9A-Z]{5}(?:-[0-9A-Z]{5}){5})$/m.exec(run.stdout)?.[1];
  expect(key).toBeDefined();
  return { run, recoveryKey: key! };
}

describe('duban init and verify', () => {
  let path: string;
  let recoveryKey: string;
  beforeAll(async () => {
    path = join(tempDir(), 'office.duban');
    recoveryKey = await ledgerFile(path, PASSWORD);
  });

  it('creates the ledger and prints the recovery key once, with advice', () => {
    const dir = tempDir();
    const { run } = init(join(dir, 'x.duban'));
    expect(run.stdout).toContain('已新建台账');
    expect(run.stdout).toContain('保密柜');
    expect(existsSync(join(dir, 'x.duban'))).toBe(true);
    expect(existsSync(join(dir, 'x.duban.lock'))).toBe(false);
  });

  it('refuses a weak password with the reason and what to do instead, and creates nothing', () => {
    const weak = join(tempDir(), 'weak.duban');
    const run = duban(['init', weak, '--password-stdin'], '12345678\n');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('这个密码太常见，容易被猜中。请用三四个不相关的词或一句话，可以夹杂数字和符号。');
    expect(existsSync(weak)).toBe(false);
  });

  it('verifies the ledger and prints the format and KDF parameters', () => {
    const run = duban(['verify', path, '--password-stdin'], `${PASSWORD}\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/文件格式：第 2 版；数据结构：第 \d+ 版/);
    expect(run.stdout).toMatch(/scrypt N=2\^1[7-9] r=8 p=1/);
  });

  it('says "wrong password" in one sentence and exits non-zero', () => {
    const run = duban(['verify', path, '--password-stdin'], 'not it\n');
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('密码不正确。请检查大小写和输入法后重试。');
  });

  it('speaks English when asked', () => {
    const run = duban(['verify', path, '--password-stdin', '--lang', 'en'], 'not it\n');
    expect(run.stderr.trim()).toBe('Wrong password. Check Caps Lock and the input method, then try again.');
  });

  it('opens with the recovery key from standard input', () => {
    const run = duban(['verify', path, '--recovery-key-stdin'], `${recoveryKey.toLowerCase()}\n`);
    expect(run.status, run.stderr).toBe(0);
  });

  it('refuses a damaged file with a pointer to the backups, no stack trace', () => {
    const damaged = join(tempDir(), 'damaged.duban');
    const bytes = readFileSync(path);
    bytes[bytes.length - 100]! ^= 0x10;
    writeFileSync(damaged, bytes);
    const run = duban(['verify', damaged, '--password-stdin'], `${PASSWORD}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('台账文件已损坏或被改动（数据）');
    expect(run.stderr).toContain('.backups');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports usage errors with exit code 2', () => {
    expect(duban(['frobnicate']).status).toBe(2);
    const missing = duban(['verify']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('缺少参数 FILE');
    expect(duban(['verify', path, '--no-such-flag']).status).toBe(2);
  });

  it('says how many lines were missing on standard input', () => {
    const run = duban(['passwd', path, '--password-stdin'], `${PASSWORD}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('标准输入中应有 2 行，实际只有 1 行。');
  });
});

describe('duban passwd, backup, restore, dump', () => {
  it('changes the password; the old one stops working', async () => {
    const path = join(tempDir(), 'p.duban');
    await ledgerFile(path, PASSWORD);
    const run = duban(['passwd', path, '--password-stdin'], `${PASSWORD}\nanother password 9\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(duban(['verify', path, '--password-stdin'], `${PASSWORD}\n`).status).toBe(1);
    expect(duban(['verify', path, '--password-stdin'], 'another password 9\n').status).toBe(0);
  });

  it('refuses a weak new password, in English too, and keeps the old one', async () => {
    const path = join(tempDir(), 'w.duban');
    await ledgerFile(path, PASSWORD);
    const run = duban(['passwd', path, '--password-stdin', '--lang', 'en'], `${PASSWORD}\nzhangwei1990\n`);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Names (like zhangwei or lina) are easily guessed. Use three or four unrelated words or a sentence; digits and symbols may be mixed in.',
    );
    expect(duban(['verify', path, '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
  });

  it('replaces a forgotten password with the recovery key', async () => {
    const path = join(tempDir(), 'r.duban');
    const recoveryKey = await ledgerFile(path, PASSWORD);
    const run = duban(['passwd', path, '--recovery-key-stdin'], `${recoveryKey}\nremembered at last\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(duban(['verify', path, '--password-stdin'], 'remembered at last\n').status).toBe(0);
  });

  it('backs up to a new file, restores from it, and never overwrites', async () => {
    const dir = tempDir();
    const path = join(dir, 'b.duban');
    await ledgerFile(path, PASSWORD);
    const copy = join(dir, 'copy.duban');
    expect(duban(['backup', path, copy, '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
    expect(duban(['verify', copy, '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
    const again = duban(['backup', path, copy, '--password-stdin'], `${PASSWORD}\n`);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已经存在');
    const restored = duban(['restore', copy, path, '--password-stdin'], `${PASSWORD}\n`);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`${path}.backups`);
    const fresh = join(dir, 'fresh.duban');
    expect(duban(['restore', copy, fresh, '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
    expect(duban(['verify', fresh, '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
  });

  it('dumps a plain SQLite copy, warning that it is unencrypted', async () => {
    const dir = tempDir();
    const path = join(dir, 'd.duban');
    await ledgerFile(path, PASSWORD);
    const out = join(dir, 'plain.sqlite');
    const run = duban(['dump', path, out, '--password-stdin'], `${PASSWORD}\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('未加密');
    expect(readFileSync(out).subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(duban(['dump', path, out, '--password-stdin'], `${PASSWORD}\n`).status).toBe(1);
  });
});
