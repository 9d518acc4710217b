import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/core/audit/audit-log';
import { Ledger } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { duban } from '../helpers/cli';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('file');
const ADMIN = '督办台账 管理员的密码 2026';
const WANG = '王五自己的密码 wang-wu 2026';

describe('duban user', () => {
  let path: string;
  // Made here at the KDF's floor rather than by `duban init` (calibrated): each command opens it in a fraction of the time.
  beforeAll(async () => {
    path = join(tempDir(), 'group.duban');
    unwrap(await Ledger.create(path, { password: ADMIN, kdf: KDF_FLOOR, administrator: '张三' })).ledger.close();
  });

  it('init makes its maker the administrator, under the name given', () => {
    const other = join(tempDir(), 'other.duban');
    expect(duban(['init', other, '--name', '李四', '--password-stdin'], `${ADMIN}\n`).status).toBe(0);
    expect(duban(['user', 'list', other, '--password-stdin'], `${ADMIN}\n`).stdout.trimEnd()).toMatch(/^\* 李四\s+管理员\s+[\d-]+$/);
  }, 120_000);

  it('adds a person with the administrator’s password, then theirs; the history names who added them', async () => {
    const run = duban(['user', 'add', path, '--name', '王五', '--password-stdin'], `${ADMIN}\n${WANG}\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('已添加“王五”');
    const ledger = unwrap(await Ledger.open(path, { password: WANG }, { readOnly: true }));
    expect(listAudit(ledger.context.db, { entity: 'person' })[0]).toMatchObject({ action: 'create', actor: '张三' });
    ledger.close();
  });

  it('lists the people, marking the one whose password opened it', () => {
    const run = duban(['user', 'list', path, '--password-stdin'], `${WANG}\n`);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ {2}张三\s+管理员\s+\d{4}-\d\d-\d\d$/);
    expect(lines[1]).toMatch(/^\* 王五\s+成员\s+\d{4}-\d\d-\d\d$/);
  });

  it('refuses a member who tries to add or remove people', () => {
    const run = duban(['user', 'remove', path, '--name', '张三', '--password-stdin'], `${WANG}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('只有台账的管理员可以添加或移除人员。');
  });

  it('removes a person: their password no longer opens the ledger', () => {
    const run = duban(['user', 'remove', path, '--name', '王五', '--password-stdin'], `${ADMIN}\n`);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('已移除“王五”');
    expect(duban(['verify', path, '--password-stdin'], `${WANG}\n`).stderr.trim()).toBe('密码不正确。请检查大小写和输入法后重试。');
    expect(duban(['user', 'list', path, '--password-stdin'], `${ADMIN}\n`).stdout.trim()).toMatch(/^\* 张三\s+管理员\s+[\d-]+$/);
  }, 120_000);

  it('says which actions there are', () => {
    const run = duban(['user', 'rename', path, '--password-stdin'], `${ADMIN}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('“rename”不是 user 的操作，请用 add、remove 或 list。');
    const nobody = duban(['user', 'remove', path, '--name', '钱七', '--password-stdin'], `${ADMIN}\n`);
    expect(nobody.stderr.trim()).toBe('台账中没有名为“钱七”的人员。');
  });
});
