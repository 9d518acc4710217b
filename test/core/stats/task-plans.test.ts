import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { SqlParams } from '../../../src/core/storage/journal';
import { staged } from '../../../src/core/tasks/standing';
import type { IsoDate } from '../../../src/shared/dates';
import { ledgerFactory } from '../../helpers/ledger';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const planOf = (l: Ledger, sql: string, params?: SqlParams): string =>
  l.context.db
    .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)
    .map((row) => row.detail)
    .join('\n');

/** Every statement the dashboard's figures run, as SQLite would run it. */
function statsPlans(l: Ledger): string[] {
  const db = l.context.db;
  const statements: [string, SqlParams | undefined][] = [];
  const all = db.all.bind(db);
  const spy = vi.spyOn(db, 'all').mockImplementation((sql: string, params?: SqlParams) => {
    statements.push([sql, params]);
    return all(sql, params);
  });
  l.stats({ asOf: '2026-06-30' as IsoDate });
  spy.mockRestore();
  return statements.map(([sql, params]) => planOf(l, sql, params));
}

describe('the dashboard of 20,000 tasks and 100,000 reports', () => {
  it('reads the check stages the ledger keeps beside the tasks, without working them out from the reports', async () => {
    ledger = await newLedger();
    const plan = planOf(ledger, staged('reported'));
    expect(plan).toContain('task_check_stages');
    expect(plan).not.toContain('progress_reports');
  });

  it('counts from tallies and reads only the late tasks, through a partial index: never every task, lead unit or report', async () => {
    ledger = await newLedger();
    const plans = statsPlans(ledger);
    // A walk of tasks_open_deadline reads only the open top-level tasks with a date.
    for (const plan of plans) expect(plan).not.toMatch(/^SCAN (t|tu|lu|r|tasks|task_units|progress_reports)\b(?! USING COVERING INDEX tasks_open_deadline)/m);
    expect(plans.join('\n')).toContain('tasks_open_deadline');
  });
});
