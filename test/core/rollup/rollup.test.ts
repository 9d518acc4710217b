import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../../src/core/demo/seed';
import { Ledger } from '../../../src/core/ledger';
import { openPackage, sealPackage } from '../../../src/core/rollup/envelope';
import { readReportPackage, writeReportPackage } from '../../../src/core/rollup/package';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import type { Period } from '../../../src/shared/dates';
import { unwrap } from '../../helpers/result';
import { loadWithExcelJS } from '../../helpers/workbooks';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir('file');
const PASSWORD = '督办台账 汇总测试 2026';
const PASSPHRASE = '两家约定的口令 2026-11';
const NOVEMBER = '2026-11' as Period;
const ENVIRONMENT = '中共某某纪委监委驻生态环境厅纪检监察组';
const WATER = '中共某某纪委监委驻水利厅纪检监察组';

async function groupLedger(name: string, issuer: string): Promise<Ledger> {
  const { ledger } = unwrap(await Ledger.create(join(tempDir(), `${name}.duban`), { password: PASSWORD, kdf: KDF_FLOOR, actor: '测试员' }));
  unwrap(seedDemo(ledger));
  unwrap(ledger.documents.setOffice({ ...ledger.documents.office(), issuer }));
  return ledger;
}

async function commissionLedger(name = 'commission'): Promise<Ledger> {
  return unwrap(await Ledger.create(join(tempDir(), `${name}.duban`), { password: PASSWORD, kdf: KDF_FLOOR, actor: '测试员', kind: 'commission' })).ledger;
}

const packageOf = async (ledger: Ledger, made = new Date('2026-12-01T09:00:00+08:00')) =>
  unwrap(await writeReportPackage(ledger, NOVEMBER, PASSPHRASE, { kdf: KDF_FLOOR, clock: () => made }));
const read = async (bytes: Uint8Array) => unwrap(await readReportPackage(bytes, PASSPHRASE));

describe('the signing key of a ledger', () => {
  it('is made with the ledger, kept, read without writing, and shown as five groups of eight hex digits', async () => {
    const ledger = await groupLedger('key', ENVIRONMENT);
    const written = ledger.store.info().journalRecords;
    const first = unwrap(ledger.rollup.signingKey());
    expect(ledger.store.info().journalRecords).toBe(written);
    expect(first.fingerprint).toMatch(/^[0-9A-F]{8}( [0-9A-F]{8}){4}$/);
    expect(unwrap(ledger.rollup.signingKey()).fingerprint).toBe(first.fingerprint);
    const path = ledger.store.path;
    unwrap(ledger.close());
    const reopened = unwrap(await Ledger.open(path, { password: PASSWORD }));
    expect(unwrap(reopened.rollup.signingKey()).fingerprint).toBe(first.fingerprint);
    unwrap(reopened.close());
  });
});

describe('the report package and the commission ledger', () => {
  let environment: Ledger;
  let water: Ledger;
  let environmentPackage: Uint8Array;
  let waterPackage: Uint8Array;
  beforeAll(async () => {
    environment = await groupLedger('environment', ENVIRONMENT);
    water = await groupLedger('water', WATER);
    environmentPackage = await packageOf(environment);
    waterPackage = await packageOf(water);
  });

  it('carries the group, its key, the period and the figures as of the last day of the month', async () => {
    const opened = await read(environmentPackage);
    expect(opened.content.group).toBe(ENVIRONMENT);
    expect(opened.content.period).toBe(NOVEMBER);
    expect(opened.fingerprint).toBe(unwrap(environment.rollup.signingKey()).fingerprint);
    expect(opened.content.stats).toEqual(environment.stats({ asOf: '2026-11-30' as never }));
    expect(opened.content.rows.tasks).toHaveLength(14);
    expect(opened.content.rows.tasks.filter((task) => task.overdue)).toHaveLength(opened.content.stats.tasks.overdue);
  });

  it('takes both groups, whose figures equal each group’s own', async () => {
    const commission = await commissionLedger();
    for (const bytes of [environmentPackage, waterPackage])
      expect(unwrap(commission.rollup.accept(await read(bytes), { acceptNew: true })).outcome).toBe('added');
    const { groups } = commission.rollup.stats();
    expect(groups.map((g) => g.name).sort()).toEqual([ENVIRONMENT, WATER].sort());
    const byName = new Map(groups.map((g) => [g.name, g]));
    for (const [ledger, name] of [
      [environment, ENVIRONMENT],
      [water, WATER],
    ] as const) {
      const { name: _name, fingerprint, period, madeAt: _madeAt, ...figures } = byName.get(name)!;
      expect(figures).toEqual(ledger.stats({ asOf: '2026-11-30' as never }));
      expect(fingerprint).toBe(unwrap(ledger.rollup.signingKey()).fingerprint);
      expect(period).toBe(NOVEMBER);
    }
  });

  it('writes the groups side by side in its summary workbook, with a 合计 row over them; a group ledger has none to write', async () => {
    const commission = await commissionLedger('summary');
    for (const bytes of [environmentPackage, waterPackage]) unwrap(commission.rollup.accept(await read(bytes), { acceptNew: true }));
    const file = unwrap(await commission.exchange.export({ kind: 'groups' }, 'zh-CN'));
    expect(file.fileName).toMatch(/^各纪检监察组整改督办工作汇总表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = (await loadWithExcelJS(Buffer.from(file.bytes))).worksheets[0]!;
    const rows = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : []));
    const rowOf = (name: string) => rows.find((row) => row[0] === name)!;
    const own = [environment, water].map((ledger) => ledger.stats({ asOf: '2026-11-30' as never }));
    expect(rowOf(ENVIRONMENT).slice(1, 3)).toEqual(['2026年11月', own[0]!.tasks.total]);
    expect(rowOf(WATER)[2]).toBe(own[1]!.tasks.total);
    const total = rowOf('合计');
    expect(total[2]).toBe(own[0]!.tasks.total + own[1]!.tasks.total);
    expect(total).toContain(own[0]!.petitions.total + own[1]!.petitions.total);
    expect(await environment.exchange.export({ kind: 'groups' }, 'zh-CN')).toMatchObject({ ok: false, error: { code: 'report.not_commission' } });
  });

  it('asks before recording a group seen for the first time', async () => {
    const commission = await commissionLedger('asks');
    const opened = await read(environmentPackage);
    expect(commission.rollup.check(opened)).toMatchObject({ group: ENVIRONMENT, key: 'new', outcome: 'added' });
    expect(commission.rollup.accept(opened, { acceptNew: false })).toMatchObject({ ok: false, error: { code: 'report.new_group' } });
    expect(commission.rollup.stats().groups).toHaveLength(0);
  });

  it('changes nothing when the same package comes twice, and says so', async () => {
    const commission = await commissionLedger('twice');
    unwrap(commission.rollup.accept(await read(waterPackage), { acceptNew: true }));
    const entries = commission.audit.list().length;
    expect(unwrap(commission.rollup.accept(await read(waterPackage), { acceptNew: true })).outcome).toBe('unchanged');
    expect(commission.audit.list().length).toBe(entries);
  });

  it('replaces a group-month by a newer package, and records it in the history', async () => {
    const commission = await commissionLedger('newer');
    unwrap(commission.rollup.accept(await read(waterPackage), { acceptNew: true }));
    const newer = await read(await packageOf(water, new Date('2026-12-03T16:30:00+08:00')));
    expect(commission.rollup.check(newer)).toMatchObject({ key: 'known', outcome: 'replaced' });
    expect(unwrap(commission.rollup.accept(newer, { acceptNew: false })).outcome).toBe('replaced');
    expect(commission.rollup.stats().groups[0]!.madeAt).toBe(newer.content.madeAt);
    const last = commission.audit.list({ entity: 'report_package' })[0]!;
    expect(last).toMatchObject({ action: 'update', entity: 'report_package' });
  });

  it('refuses a package signed by another key, naming the group and both fingerprints', async () => {
    const commission = await commissionLedger('other-key');
    unwrap(commission.rollup.accept(await read(environmentPackage), { acceptNew: true }));
    const impostor = await groupLedger('impostor', ENVIRONMENT);
    const forged = await read(await packageOf(impostor));
    const refused = commission.rollup.accept(forged, { acceptNew: true });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'report.key_changed',
        params: { group: ENVIRONMENT, recorded: unwrap(environment.rollup.signingKey()).fingerprint, presented: forged.fingerprint },
      },
    });
  });

  it('refuses a package with one byte changed as damaged, and a wrong passphrase as such', async () => {
    for (const at of [0, 30, 60, environmentPackage.length - 1]) {
      const changed = Uint8Array.from(environmentPackage);
      changed[at]! ^= 0x01;
      expect(await readReportPackage(changed, PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'report.damaged' } });
    }
    expect(await readReportPackage(Buffer.from('序号,任务\n1,整改'), PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'report.not_a_package' } });
    expect(await readReportPackage(environmentPackage, '别的口令')).toMatchObject({ ok: false, error: { code: 'report.wrong_passphrase' } });
  });

  it('refuses content changed by someone who knew the passphrase: the signature no longer holds', async () => {
    const plaintext = unwrap(await openPackage(environmentPackage, PASSPHRASE));
    const forged = Buffer.from(plaintext.toString('latin1').replace('"total":14', '"total":15'), 'latin1');
    expect(forged.equals(plaintext)).toBe(false);
    expect(await readReportPackage(await sealPackage(forged, PASSPHRASE, KDF_FLOOR), PASSPHRASE)).toMatchObject({
      ok: false,
      error: { code: 'report.bad_signature' },
    });
  });

  it('refuses rollup in a group ledger and a package from a commission ledger', async () => {
    expect(environment.rollup.accept(await read(waterPackage), { acceptNew: true })).toMatchObject({ ok: false, error: { code: 'report.not_commission' } });
    const commission = await commissionLedger('no-package');
    expect(await writeReportPackage(commission, NOVEMBER, PASSPHRASE, { kdf: KDF_FLOOR })).toMatchObject({
      ok: false,
      error: { code: 'report.commission_reports_nothing' },
    });
    expect(commission.rollup.signingKey()).toMatchObject({ ok: false, error: { code: 'report.commission_reports_nothing' } });
  });
});
