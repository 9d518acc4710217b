import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { ledgerFactory } from '../../helpers/ledger';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

/** How SQLite would run the petition list's page sorted by `column`: a walk of an index, or a sort of every case. */
function planOf(l: Ledger, column: string): string {
  const plan = l.context.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT * FROM petition_cases p ORDER BY p.${column} DESC, p.id DESC LIMIT 100`);
  return plan.map((row) => row.detail).join('\n');
}

describe('the petition list of 200,000 cases', () => {
  it('reads a page sorted by hand-over date or by last change from an index, never sorting every case', async () => {
    ledger = await newLedger();
    for (const column of ['handed_over_on', 'updated_at', 'receipt_number', 'batch']) {
      expect(planOf(ledger, column)).not.toContain('TEMP B-TREE');
    }
  });
});
