import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/seed';
import { Ledger } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { duban } from '../helpers/cli';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir('file');
const PASSWORD = '督办台账 命令行汇总 2026';
const PASSPHRASE = '两家约定的口令 十一月';
const GROUPS = ['中共某某纪委监委驻生态环境厅纪检监察组', '中共某某纪委监委驻水利厅纪检监察组'];
const secrets = `${PASSWORD}\n${PASSPHRASE}\n`;

/** A demo group ledger under the issuer given, and its fingerprint. */
async function groupLedger(path: string, issuer: string): Promise<string> {
  const { ledger } = unwrap(await Ledger.create(path, { password: PASSWORD, kdf: KDF_FLOOR, actor: 'test' }));
  unwrap(seedDemo(ledger));
  unwrap(ledger.documents.setOffice({ ...ledger.documents.office(), issuer }));
  const { fingerprint } = unwrap(ledger.rollup.signingKey());
  unwrap(ledger.close());
  return fingerprint;
}

describe('duban report (its package), init --commission, rollup and stats of a commission', () => {
  const groups: { path: string; out: string; pkg: string; fingerprint: string }[] = [];
  let commission: string;
  beforeAll(async () => {
    for (const [i, issuer] of GROUPS.entries()) {
      const path = join(tempDir(), `group-${i}.duban`);
      const out = join(tempDir(), `group-${i}-2026-11`);
      groups.push({ path, out, pkg: join(out, `${issuer}-2026-11.dubanreport`), fingerprint: await groupLedger(path, issuer) });
    }
    commission = join(tempDir(), 'commission.duban');
  });

  it('writes each group’s November report with its package, saying its fingerprint', () => {
    for (const group of groups) {
      const run = duban(['report', group.path, '--period', '2026-11', '--date', '2026-12-03', '--out', group.out, '--password-stdin'], secrets);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(group.fingerprint);
      expect(readFileSync(group.pkg).subarray(0, 8).length).toBe(8);
    }
  });

  it('makes a commission ledger, which refuses to write a package of its own', () => {
    const made = duban(['init', commission, '--commission', '--password-stdin'], `${PASSWORD}\n`);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('委机关汇总台账');
    const out = join(tempDir(), 'none');
    const refused = duban(['report', commission, '--period', '2026-11', '--out', out, '--password-stdin'], secrets);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('委机关的汇总台账，不生成报送包');
    expect(existsSync(out)).toBe(false);
  });

  it('asks before recording a new group: from standard input only with --accept-new', () => {
    const run = duban(['rollup', commission, groups[0]!.pkg, '--password-stdin'], secrets);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(groups[0]!.fingerprint);
    expect(run.stderr).toContain('--accept-new');
  });

  it('takes both packages; its stats give each group’s own figures', () => {
    const run = duban(['rollup', commission, ...groups.map((g) => g.pkg), '--accept-new', '--password-stdin'], secrets);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`新登记：${GROUPS[0]}`);
    const stats = JSON.parse(duban(['stats', commission, '--json', '--password-stdin'], `${PASSWORD}\n`).stdout);
    expect(stats.groups).toHaveLength(2);
    for (const [i, group] of groups.entries()) {
      const own = JSON.parse(duban(['stats', group.path, '--json', '--date', '2026-11-30', '--password-stdin'], `${PASSWORD}\n`).stdout);
      const { name, fingerprint, period, madeAt: _madeAt, ...figures } = stats.groups[i];
      expect({ name, fingerprint, period }).toEqual({ name: GROUPS[i], fingerprint: group.fingerprint, period: '2026-11' });
      expect(figures).toEqual(own);
      expect(figures.tasks.total).toBe(14);
    }
  });

  it('says the same package twice changed nothing', () => {
    const run = duban(['rollup', commission, groups[1]!.pkg, '--password-stdin'], secrets);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('与已导入的相同，未作改动');
  });

  it('refuses a package with one byte changed, and a wrong passphrase, each in its own sentence', () => {
    const changed = join(tempDir(), 'changed.dubanreport');
    const bytes = readFileSync(groups[0]!.pkg);
    bytes[100]! ^= 0x10;
    writeFileSync(changed, bytes);
    const damaged = duban(['rollup', commission, changed, '--password-stdin'], secrets);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toContain('报送包已损坏或被改动过');
    const wrong = duban(['rollup', commission, groups[0]!.pkg, '--password-stdin'], `${PASSWORD}\n别的口令\n`);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('报送口令不正确');
  });

  it('refuses rollup into a group ledger', () => {
    const run = duban(['rollup', groups[0]!.path, groups[1]!.pkg, '--password-stdin'], secrets);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('这是纪检监察组的台账，不能汇总报送包');
  });
});
