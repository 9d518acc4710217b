import { afterEach, describe, expect, it, vi } from 'vitest';
import { countAudit } from '../../../src/core/audit/audit-log';
import { Ledger } from '../../../src/core/ledger';
import { ledgerFactory, TEST_PASSWORD } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const TYPED = { receiptNumber: 'X150000202607010007', problem: '某化工园区夜间偷排废水', batch: null };

describe('drafts', () => {
  it('are kept in the ledger across a restart, one per form and record, and dropped', async () => {
    ledger = await newLedger();
    const audited = countAudit(ledger.context.db);
    unwrap(ledger.drafts.put('petition:new', TYPED));
    unwrap(ledger.drafts.put('petition:new', { ...TYPED, batch: 3 }));
    unwrap(ledger.drafts.put('petition:7', { problem: '另一件' }));
    // Words on their way to a record are not a change of the ledger's records.
    expect(countAudit(ledger.context.db)).toBe(audited);
    const path = ledger.store.path;
    ledger.close();

    ledger = unwrap(await Ledger.open(path, { password: TEST_PASSWORD }));
    expect(unwrap(ledger.drafts.get('petition:new'))).toMatchObject({ key: 'petition:new', values: { ...TYPED, batch: 3 } });
    expect(unwrap(ledger.drafts.get('petition:7'))?.values).toEqual({ problem: '另一件' });
    unwrap(ledger.drafts.drop('petition:new'));
    unwrap(ledger.drafts.drop('petition:new'));
    expect(unwrap(ledger.drafts.get('petition:new'))).toBeNull();
  });

  it('refuses an empty key and values no form has', async () => {
    ledger = await newLedger();
    expect(failure(ledger.drafts.put('', TYPED)).code).toBe('validation');
    expect(failure(ledger.drafts.put('petition:new', { notes: '字'.repeat(300_000) })).code).toBe('validation');
  });
});
