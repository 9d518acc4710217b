import { Ledger } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import type { Result } from '../../src/shared/result';
import { PASSWORD } from './steps';

/** A ledger file at `path` under the tests' password, filled by the core in this process before the app opens it. */
export async function madeLedger(path: string, fill: (ledger: Ledger) => Result<unknown>): Promise<void> {
  const created = await Ledger.create(path, { password: PASSWORD, kdf: KDF_FLOOR });
  if (!created.ok) throw new Error(created.error.code);
  const { ledger } = created.value;
  const filled = fill(ledger);
  ledger.close();
  if (!filled.ok) throw new Error(filled.error.code);
}
