import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../../src/core/ledger';
import { listBackups } from '../../../src/core/storage/backups';
import { parseHeader } from '../../../src/core/storage/header';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

/** A ledger written by Duban before format 2 (test/fixtures/ledger-v1/README.md) still opens, and is upgraded once written to. */
const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'ledger-v1');
const PASSWORD = '版本一的台账 format-one';
const RECOVERY_KEY = 'FV6SR-NQSC0-9QM94-B7SE9-CZ5Z2-WMHT2';
const tempDir = useTempDir();

function copyOfFixture(): string {
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  return join(dir, 'format-1.duban');
}

const unitNames = (ledger: Ledger) =>
  ledger.units
    .list()
    .map((u) => u.name)
    .sort();

describe('a ledger of format 1', () => {
  it('opens read-only as it is, its plain audit chain verified, and is left untouched', async () => {
    const path = copyOfFixture();
    const before = readFileSync(path);
    const ledger = unwrap(await Ledger.open(path, { password: PASSWORD }, { readOnly: true }));
    expect(unitNames(ledger)).toEqual(['市水务局', '市生态环境局']);
    expect(unwrap(ledger.verify())).toMatchObject({ formatVersion: 1, auditEntries: 4, journalRecords: 2 });
    ledger.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('is upgraded to format 2 when opened for writing: data, attachment, audit chain (now keyed) and backup kept', async () => {
    const path = copyOfFixture();
    const ledger = unwrap(await Ledger.open(path, { password: PASSWORD }));
    expect(unwrap(parseHeader(readFileSync(path))).header.formatVersion).toBe(2);
    expect(unitNames(ledger)).toEqual(['市水务局', '市生态环境局']);
    const [evidence] = ledger.evidence.list({ kind: 'task', id: 1 });
    expect(Buffer.from(unwrap(ledger.evidence.content(evidence!.id)).bytes).toString()).toBe('整改报告：已完成排查。');
    unwrap(ledger.units.create({ name: '升级后新增的单位', kind: 'supervised' }));
    expect(unwrap(ledger.verify())).toMatchObject({ formatVersion: 2, auditEntries: 5 });
    // The backup of format 1 restores into the upgraded ledger.
    const oldest = listBackups(path).at(-1)!;
    unwrap(await ledger.restoreBackup(oldest.path));
    expect(unitNames(ledger)).toEqual(['市生态环境局']); // the backup was taken before 市水务局 was added
    ledger.close();
    const reopened = unwrap(await Ledger.open(path, { recoveryKey: RECOVERY_KEY }));
    expect(unwrap(reopened.verify()).formatVersion).toBe(2);
    reopened.close();
  });

  it('gets a new recovery key with its first password change (its old recovery slot cannot follow a new key)', async () => {
    const path = copyOfFixture();
    const ledger = unwrap(await Ledger.open(path, { password: PASSWORD }));
    const change = unwrap(await ledger.changePassword({ password: PASSWORD }, '升级之后的新密码 2026', KDF_FLOOR));
    expect(change.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(change.backupsNotResealed).toEqual([]);
    ledger.close();
    expect(failure(await Ledger.open(path, { recoveryKey: RECOVERY_KEY }, { readOnly: true })).code).toBe('ledger.wrong_recovery_key');
    const reopened = unwrap(await Ledger.open(path, { recoveryKey: change.recoveryKey! }));
    expect(unitNames(reopened)).toEqual(['市水务局', '市生态环境局']);
    expect(readdirSync(`${path}.blobs`)).toHaveLength(1); // one copy, under the new key
    reopened.close();
  });
});
