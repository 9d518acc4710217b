import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { Ledger, type LedgerOptions } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { unwrap } from './result';

export const TEST_PASSWORD = '测试用的密码 test-password';

/**
 * Fresh ledgers for tests. One is created per test file; each test gets a copy of it, opened anew.
 * With the memoised KDF (helpers/fast-kdf) the copy opens without re-deriving its key.
 */
export function ledgerFactory(tempDir: () => string) {
  let template: string | null = null;
  afterAll(() => {
    if (template) rmSync(dirname(template), { recursive: true, force: true });
  });
  return async (options: LedgerOptions = {}): Promise<Ledger> => {
    if (!template) {
      template = join(mkdtempSync(join(tmpdir(), 'duban-template-')), 'template.duban');
      unwrap(await Ledger.create(template, { password: TEST_PASSWORD, kdf: KDF_FLOOR })).ledger.close();
    }
    const path = join(tempDir(), 'ledger.duban');
    copyFileSync(template, path);
    return unwrap(await Ledger.open(path, { password: TEST_PASSWORD }, { actor: '测试员', ...options }));
  };
}

/** A clock that the test moves by hand. */
export function manualClock(start: string) {
  let now = new Date(start);
  return {
    clock: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
}
