import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { acquireLock, lockPathOf, thisBoot } from '../../../src/core/storage/lock';
import { LedgerStore } from '../../../src/core/storage/store';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();

/** A lock left on this machine by a process that is running now (this test's parent): its pid is alive. */
function leftLock(boot: unknown): string {
  const path = join(tempDir(), '督办台账.duban');
  const owner = { pid: process.ppid, host: hostname(), since: '2026-12-01T08:30:00.000Z', token: 'left', boot };
  writeFileSync(lockPathOf(path), JSON.stringify(owner));
  return path;
}

describe('the ledger’s lock', () => {
  it('records its holder’s machine, process and boot', () => {
    const path = join(tempDir(), '督办台账.duban');
    const lock = unwrap(acquireLock(path));
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({ host: hostname(), pid: process.pid, boot: thisBoot() });
    lock.release();
  });

  it('is taken over when it was left before this machine last started, though its process number is in use again', () => {
    const earlier = { ...thisBoot(), id: thisBoot().id && 'an-earlier-boot', at: thisBoot().at - 3 * 3600 };
    unwrap(acquireLock(leftLock(earlier))).release();
  });

  it('is respected while its holder runs in this boot', () => {
    expect(failure(acquireLock(leftLock(thisBoot()))).code).toBe('ledger.in_use');
  });

  it('left by an older version, which named no boot, is judged by its process as before', () => {
    expect(failure(acquireLock(leftLock(undefined))).code).toBe('ledger.in_use');
  });

  it('names its holder and lock, and is taken over when the user asks for the very lock they were shown', () => {
    const path = leftLock(thisBoot());
    const refused = failure(acquireLock(path));
    expect(refused).toMatchObject({ code: 'ledger.in_use', params: { host: hostname(), pid: process.ppid, lock: 'left' } });
    expect(failure(acquireLock(path, 'another-lock')).code).toBe('ledger.in_use');
    unwrap(acquireLock(path, 'left')).release();
  });

  it('is taken over only once the password has opened the ledger: a wrong one leaves the other lock in place', async () => {
    const path = join(tempDir(), '督办台账.duban');
    unwrap(unwrap(await LedgerStore.create(path, { password: '正确的密码 correct horse', kdf: KDF_FLOOR })).store.close());
    const owner = { pid: process.ppid, host: hostname(), since: '2026-12-01T08:30:00.000Z', token: 'left', boot: thisBoot() };
    writeFileSync(lockPathOf(path), JSON.stringify(owner));

    expect(failure(await LedgerStore.open(path, { password: '错误的密码' }, { takeOverLock: 'left' })).code).toBe('ledger.wrong_password');
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({ token: 'left' });

    const store = unwrap(await LedgerStore.open(path, { password: '正确的密码 correct horse' }, { takeOverLock: 'left' }));
    expect(JSON.parse(readFileSync(lockPathOf(path), 'utf8'))).toMatchObject({ pid: process.pid });
    unwrap(store.close());
  });
});
