import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { staged } from '../../../src/core/tasks/standing';
import { ledgerFactory } from '../../helpers/ledger';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const planOf = (l: Ledger, sql: string): string =>
  l.context.db
    .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .map((row) => row.detail)
    .join('\n');

describe('the dashboard of 20,000 tasks and 100,000 reports', () => {
  it('works out check stages only for tasks with a report of completion or a close-out, found through an index', async () => {
    ledger = await newLedger();
    const plan = planOf(ledger, staged());
    expect(plan).toContain('progress_reports_completed');
    expect(plan).not.toMatch(/SCAN a\b/);
  });
});
