import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { LedgerStore } from '../../../src/core/storage/store';
import { failure } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();

describe('creating a ledger', () => {
  it('in a folder that does not exist says so, naming the folder, and makes none', async () => {
    const folder = join(tempDir(), '没有这个文件夹');
    const path = join(folder, '2026年督办台账.duban');
    expect(failure(await LedgerStore.create(path, { password: '正确的密码 correct horse', kdf: KDF_FLOOR }))).toEqual({
      code: 'ledger.folder_not_found',
      params: { folder },
    });
    expect(existsSync(folder)).toBe(false);
  });
});
