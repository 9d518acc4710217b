import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../src/core/ledger';
import { listAudit } from '../../src/core/audit/audit-log';
import { listBackups } from '../../src/core/storage/backups';
import { listBlobFiles } from '../../src/core/storage/blobs';
import { parseHeader } from '../../src/core/storage/header';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { addTask, addUnits } from '../helpers/domain';
import { ledgerFactory, TEST_PASSWORD } from '../helpers/ledger';
import { failure, unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

vi.mock('../../src/core/storage/kdf', async () => (await import('../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
const WANG = '王五的密码 wang-wu 2026';
const ZHAO = '赵六用的密码 zhao-liu 2026';
const opened: Ledger[] = [];
afterEach(() => {
  for (const ledger of opened.splice(0)) ledger.close();
});

async function open(path: string, password: string) {
  const ledger = await Ledger.open(path, { password });
  if (ledger.ok) opened.push(ledger.value);
  return ledger;
}

/** Who `unlock` opens the ledger as (closed again at once), or the code of why it does not open. */
async function whoOpens(path: string, unlock: { password: string } | { recoveryKey: string }): Promise<string> {
  const ledger = await Ledger.open(path, unlock);
  if (!ledger.ok) return ledger.error.code;
  const who = ledger.value.people.signedIn()?.name ?? '';
  ledger.value.close();
  return who;
}

/** A ledger whose administrator is 张三, with 王五 and 赵六 as members; closed, so that each can open it. */
async function ledgerOfThree() {
  const admin = await newLedger({ actor: undefined });
  unwrap(admin.people.rename(admin.people.signedIn()!.id, '张三'));
  unwrap(await admin.people.add({ name: '王五', password: WANG }));
  unwrap(await admin.people.add({ name: ' 赵六 ', password: ZHAO }));
  const path = admin.store.path;
  admin.close();
  return path;
}

describe('the people of a ledger', () => {
  it('opens with each person’s own password and records their name on every change', async () => {
    const path = await ledgerOfThree();
    const wang = unwrap(await open(path, WANG));
    expect(wang.people.signedIn()).toMatchObject({ name: '王五', role: 'member' });
    const unit = unwrap(wang.units.create({ name: '自治区水利厅', kind: 'supervised' }));
    expect(listAudit(wang.context.db, { entity: 'unit', entityId: unit.id })[0]).toMatchObject({ actor: '王五' });
    expect(wang.people.list().map((p) => [p.name, p.role])).toEqual([
      ['张三', 'administrator'],
      ['王五', 'member'],
      ['赵六', 'member'],
    ]);
  });

  it('offers the history’s names to filter by: the people, then names only older entries carry', async () => {
    const path = await ledgerOfThree();
    const wang = unwrap(await open(path, WANG));
    unwrap(wang.units.create({ name: '自治区农牧厅', kind: 'supervised' }));
    // The rename was recorded under the administrator's name of the moment: 管理员.
    expect(wang.audit.actors()).toEqual(['张三', '王五', '赵六', '管理员']);
    expect(wang.audit.list({ actor: '王五' }).map((line) => line.entity)).toEqual(['unit']);
  });

  it('keeps names out of the file’s plain header', async () => {
    const path = await ledgerOfThree();
    const header = readFileSync(path).subarray(0, unwrap(parseHeader(readFileSync(path))).length);
    expect(header.includes(Buffer.from('王五'))).toBe(false);
    expect(unwrap(parseHeader(readFileSync(path))).header.slots.map((s) => s.kind)).toEqual(['password', 'recovery', 'person', 'person']);
  });

  it('lets only the administrator add and remove people, and never remove the administrator', async () => {
    const path = await ledgerOfThree();
    const wang = unwrap(await open(path, WANG));
    expect(failure(await wang.people.add({ name: '钱七', password: '钱七的密码 qian-qi 2026' })).code).toBe('people.admin_only');
    expect(failure(await wang.people.remove('赵六', WANG, KDF_FLOOR)).code).toBe('people.admin_only');
    wang.close();
    const admin = unwrap(await open(path, TEST_PASSWORD));
    expect(failure(await admin.people.remove('张三', TEST_PASSWORD, KDF_FLOOR)).code).toBe('people.cannot_remove_administrator');
    expect(failure(await admin.people.remove(' 钱七 ', TEST_PASSWORD, KDF_FLOOR))).toEqual({ code: 'people.not_found', params: { name: '钱七' } });
    expect(failure(await admin.people.add({ name: ' 王五', password: '另一个王五的密码 2026 x' })).fields).toEqual([
      expect.objectContaining({ field: 'name', code: 'duplicate' }),
    ]);
  });

  it('removing a person gives the ledger a new key: their password opens nothing, everyone else still opens', async () => {
    const path = await ledgerOfThree();
    const admin = unwrap(await open(path, TEST_PASSWORD));
    const units = addUnits(admin, ['市生态环境局']);
    const task = addTask(admin, '1', units['市生态环境局']!);
    unwrap(admin.evidence.add({ ownerKind: 'task', ownerId: task.id, fileName: '整改报告.pdf', bytes: Buffer.from('%PDF 整改报告') }));
    unwrap(admin.store.snapshot());
    const epoch = admin.store.info().keyEpoch;
    const { recoveryKey } = unwrap(await admin.replaceRecoveryKey(TEST_PASSWORD, KDF_FLOOR)) as { recoveryKey: string };
    expect(failure(await admin.people.remove('王五', WANG, KDF_FLOOR)).code).toBe('people.admin_only');
    unwrap(await admin.people.remove('王五', TEST_PASSWORD, KDF_FLOOR));
    expect(admin.people.list().map((p) => p.name)).toEqual(['张三', '赵六']);
    const now = admin.store.info().keyEpoch;
    expect(now).toBe(epoch + 2);
    expect(unwrap(listBlobFiles(path)).every((f) => f.epoch === now)).toBe(true);
    expect(listBackups(path).every((b) => b.keyEpoch === now)).toBe(true);
    expect(listAudit(admin.context.db, { entity: 'person' })[0]).toMatchObject({ action: 'delete', actor: '张三', before: { name: '王五' } });
    admin.close();
    expect(await whoOpens(path, { password: WANG })).toBe('ledger.wrong_password');
    expect(await whoOpens(path, { password: ZHAO })).toBe('赵六');
    expect(await whoOpens(path, { password: TEST_PASSWORD })).toBe('张三');
    expect(await whoOpens(path, { recoveryKey })).toBe('张三');
    expect(readdirSync(`${path}.blobs`).length).toBeGreaterThan(0);
  });

  it('refuses a new password that already opens the ledger: unlocking would sign its owner in as someone else', async () => {
    const path = await ledgerOfThree();
    const zhao = unwrap(await open(path, ZHAO));
    expect(failure(await zhao.changePassword({ password: ZHAO }, WANG, KDF_FLOOR)).fields).toEqual([
      expect.objectContaining({ field: 'next', code: 'password_in_use' }),
    ]);
    zhao.close();
    const admin = unwrap(await open(path, TEST_PASSWORD));
    expect(failure(await admin.changePassword({ password: TEST_PASSWORD }, ZHAO, KDF_FLOOR)).fields).toEqual([
      expect.objectContaining({ field: 'next', code: 'password_in_use' }),
    ]);
    expect(failure(await admin.people.add({ name: '钱七', password: WANG })).fields).toEqual([
      expect.objectContaining({ field: 'password', code: 'password_in_use' }),
    ]);
  });

  it('a person’s new password replaces their slot and leaves the others alone', async () => {
    const path = await ledgerOfThree();
    const zhao = unwrap(await open(path, ZHAO));
    unwrap(await zhao.changePassword({ password: ZHAO }, '赵六换过的新密码 zhao 2027', KDF_FLOOR));
    zhao.close();
    expect(await whoOpens(path, { password: ZHAO })).toBe('ledger.wrong_password');
    expect(await whoOpens(path, { password: '赵六换过的新密码 zhao 2027' })).toBe('赵六');
    expect(await whoOpens(path, { password: TEST_PASSWORD })).toBe('张三');
  });
});
