import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LedgerStore } from '../../../src/core/storage/store';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { listBackups } from '../../../src/core/storage/backups';
import { err, ok } from '../../../src/shared/result';
import { dubanError } from '../../../src/shared/errors';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const PASSWORD = '正确的密码 correct horse';

async function createWithTable(path: string) {
  const created = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  unwrap(created.store.write((w) => ok(w.run('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'))));
  return created;
}

const notes = (store: LedgerStore) => store.db.all<{ text: string }>('SELECT text FROM note ORDER BY id').map((r) => r.text);

describe('ledger store', () => {
  it('keeps committed changes across close and reopen, and nothing readable on disk', async () => {
    const path = join(tempDir(), 'office.duban');
    const { store } = await createWithTable(path);
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['驻在单位整改推进情况']))));
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES ($text)', { text: '第二条' }))));
    const onDisk = readFileSync(path);
    expect(onDisk.includes(Buffer.from('驻在单位'))).toBe(false);
    expect(onDisk.includes(Buffer.from('SQLite format'))).toBe(false);
    expect(onDisk.includes(Buffer.from('INSERT'))).toBe(false);
    unwrap(store.close());
    const reopened = unwrap(await LedgerStore.open(path, { password: PASSWORD }));
    expect(notes(reopened)).toEqual(['驻在单位整改推进情况', '第二条']);
    unwrap(reopened.close());
  });

  it('replays the journal of commits that were never snapshotted', async () => {
    const path = join(tempDir(), 'journal.duban');
    const { store } = await createWithTable(path);
    for (let i = 0; i < 20; i++) unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', [`第${i}条`]))));
    expect(store.info().journalRecords).toBe(21);
    const reader = unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true }));
    expect(notes(reader)).toHaveLength(20);
    expect(reader.info().journalRecords).toBe(21);
    reader.close();
    store.close();
  });

  it('rolls back a transaction whose work fails, and journals nothing for it', async () => {
    const path = join(tempDir(), 'rollback.duban');
    const { store } = await createWithTable(path);
    const before = store.info().journalBytes;
    const result = store.write((w) => {
      w.run('INSERT INTO note (text) VALUES (?)', ['不应保存']);
      return err(dubanError('validation'));
    });
    expect(result.ok).toBe(false);
    expect(notes(store)).toEqual([]);
    expect(store.info().journalBytes).toBe(before);
    store.close();
  });

  it('says "wrong password" for a wrong password and opens with the recovery key', async () => {
    const path = join(tempDir(), 'keys.duban');
    const { store, recoveryKey } = await createWithTable(path);
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    store.close();
    expect(failure(await LedgerStore.open(path, { password: 'not the password' })).code).toBe('ledger.wrong_password');
    const typedSloppily = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const opened = unwrap(await LedgerStore.open(path, { recoveryKey: typedSloppily }));
    opened.close();
    const slip = recoveryKey.slice(0, 3) + (recoveryKey[3] === 'A' ? 'B' : 'A') + recoveryKey.slice(4);
    expect(failure(await LedgerStore.open(path, { recoveryKey: slip })).code).toBe('ledger.recovery_key_malformed');
  });

  it('refuses a weak password, saying why, and writes nothing', async () => {
    const path = join(tempDir(), 'weak.duban');
    expect(failure(await LedgerStore.create(path, { password: '12345678', kdf: KDF_FLOOR }))).toMatchObject({
      code: 'ledger.password_weak',
      params: { reason: 'common' },
    });
    expect(failure(await LedgerStore.create(path, { password: 'Zq7#vK2', kdf: KDF_FLOOR }))).toMatchObject({
      code: 'ledger.password_weak',
      params: { reason: 'too_short', min: 8 },
    });
    expect(existsSync(path)).toBe(false);
  });

  it('will not create a ledger over an existing file', async () => {
    const path = join(tempDir(), 'exists.duban');
    writeFileSync(path, 'something else');
    expect(failure(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR })).code).toBe('ledger.already_exists');
    expect(readFileSync(path, 'utf8')).toBe('something else');
  });

  it('says a file that is not a ledger is not one', async () => {
    const path = join(tempDir(), 'book.duban');
    writeFileSync(path, 'PK\u0003\u0004 an xlsx perhaps');
    expect(failure(await LedgerStore.open(path, { password: PASSWORD })).code).toBe('ledger.not_a_ledger');
    expect(failure(await LedgerStore.open(join(tempDir(), 'missing.duban'), { password: PASSWORD })).code).toBe('ledger.not_found');
  });

  it('snapshots into a fresh file, keeps the old one as a backup, and empties the journal', async () => {
    const path = join(tempDir(), 'snap.duban');
    const { store } = await createWithTable(path);
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['快照前']))));
    const generation = store.info().generation;
    unwrap(store.snapshot());
    expect(store.info()).toMatchObject({ generation: generation + 1, journalRecords: 0, journalBytes: 0 });
    expect(listBackups(path)).toHaveLength(1);
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['快照后']))));
    store.close();
    const reopened = unwrap(await LedgerStore.open(path, { password: PASSWORD }));
    expect(notes(reopened)).toEqual(['快照前', '快照后']);
    reopened.close();
  });

  it('changes the password with a new data key, in the ledger and in its backups', async () => {
    const path = join(tempDir(), 'passwd.duban');
    const { store, recoveryKey } = await createWithTable(path);
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['改密码前']))));
    unwrap(store.snapshot());
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['日志中']))));
    const dataBefore = readFileSync(path);
    expect(failure(await store.changePassword({ password: 'wrong old password' }, 'new password 2026', KDF_FLOOR)).code).toBe('ledger.wrong_password');
    expect(failure(await store.changePassword({ password: PASSWORD }, 'zhangwei1990', KDF_FLOOR))).toMatchObject({
      code: 'ledger.password_weak',
      params: { reason: 'name' },
    });
    expect(readFileSync(path).equals(dataBefore)).toBe(true);
    unwrap(await store.changePassword({ password: PASSWORD }, 'new password 2026', KDF_FLOOR));
    const dataAfter = readFileSync(path);
    // Everything was sealed again under the new key: no encrypted byte run survives.
    expect(dataAfter.includes(dataBefore.subarray(dataBefore.length - 64))).toBe(false);
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['改密码后']))));
    store.close();
    expect(failure(await LedgerStore.open(path, { password: PASSWORD })).code).toBe('ledger.wrong_password');
    const reopened = unwrap(await LedgerStore.open(path, { password: 'new password 2026' }));
    expect(notes(reopened)).toEqual(['改密码前', '日志中', '改密码后']);
    reopened.close();
    unwrap(await LedgerStore.open(path, { recoveryKey }, { readOnly: true })).close();
    for (const backup of listBackups(path)) {
      expect(failure(await LedgerStore.open(backup.path, { password: PASSWORD }, { readOnly: true })).code).toBe('ledger.wrong_password');
      unwrap(await LedgerStore.open(backup.path, { password: 'new password 2026' }, { readOnly: true })).close();
    }
  });

  it('replaces the recovery key: the old one stops working', async () => {
    const path = join(tempDir(), 'recovery.duban');
    const { store, recoveryKey } = await createWithTable(path);
    const fresh = unwrap(await store.replaceRecoveryKey(PASSWORD)).recoveryKey!;
    expect(fresh).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(fresh).not.toBe(recoveryKey);
    store.close();
    expect(failure(await LedgerStore.open(path, { recoveryKey })).code).toBe('ledger.wrong_recovery_key');
    unwrap(await LedgerStore.open(path, { recoveryKey: fresh })).close();
  });

  it('restores a backup taken under an earlier password', async () => {
    const path = join(tempDir(), 'restore.duban');
    const { store } = await createWithTable(path);
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['备份时的内容']))));
    unwrap(store.snapshot());
    unwrap(store.snapshot());
    const [backup] = listBackups(path);
    unwrap(store.write((w) => ok(w.run('DELETE FROM note'))));
    unwrap(await store.restoreBackup(backup!.path));
    expect(notes(store)).toEqual(['备份时的内容']);
    store.close();
    const reopened = unwrap(await LedgerStore.open(path, { password: PASSWORD }));
    expect(notes(reopened)).toEqual(['备份时的内容']);
    reopened.close();
  });

  it('refuses to restore a backup of another ledger', async () => {
    const dir = tempDir();
    const { store } = await createWithTable(join(dir, 'a.duban'));
    const other = await createWithTable(join(dir, 'b.duban'));
    other.store.close();
    expect(failure(await store.restoreBackup(join(dir, 'b.duban'))).code).toBe('ledger.backup_other_ledger');
    store.close();
  });

  it('stores attachments encrypted beside the ledger and refuses a tampered one', async () => {
    const path = join(tempDir(), 'blobs.duban');
    const { store } = await createWithTable(path);
    const scan = Buffer.from('%PDF-1.7 整改佐证材料 '.repeat(100000));
    const id = unwrap(store.putBlob(scan));
    expect(unwrap(store.getBlob(id)).equals(scan)).toBe(true);
    const file = join(`${path}.blobs`, id);
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('整改佐证材料'))).toBe(false);
    bytes[bytes.length - 5]! ^= 1;
    writeFileSync(file, bytes);
    expect(failure(store.getBlob(id)).code).toBe('ledger.damaged');
    expect(failure(store.getBlob('../../etc/passwd')).code).toBe('not_found');
    store.close();
  });

  it('copies the ledger with its attachments to another place', async () => {
    const dir = tempDir();
    const { store } = await createWithTable(join(dir, 'src.duban'));
    unwrap(store.write((w) => ok(w.run('INSERT INTO note (text) VALUES (?)', ['副本']))));
    const id = unwrap(store.putBlob(Buffer.from('photo')));
    unwrap(store.saveCopy(join(dir, 'copy.duban')));
    store.close();
    const copy = unwrap(await LedgerStore.open(join(dir, 'copy.duban'), { password: PASSWORD }));
    expect(notes(copy)).toEqual(['副本']);
    expect(unwrap(copy.getBlob(id)).toString()).toBe('photo');
    copy.close();
  });
});
