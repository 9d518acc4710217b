import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { IsoDate, Period } from '../../../src/shared/dates';
import { ledgerFactory } from '../../helpers/ledger';
import { julyLedger } from '../../helpers/month-ledger';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const JULY = '2024-07' as Period;

describe('the monthly report’s figures', () => {
  it('count the tasks as they stand at the month’s end, and what changed in the month', async () => {
    ledger = await newLedger();
    const { late, eco, water, forest } = julyLedger(ledger);
    const report = ledger.monthlyReport.figures(JULY, '2024-08-05' as IsoDate);
    expect(report.asOf).toBe('2024-07-31');
    expect(report.tasks).toMatchObject({
      total: 5,
      byStatus: { pending: 2, in_progress: 1, completed: 1, closed: 1 },
      overdue: 1,
      completionRate: 0.4,
      closedRate: 0.2,
      closedInMonth: 1,
      reportedCompletedInMonth: 1,
    });
    // Units in their set order, then by name: 林 (U+6797), 水 (U+6C34), 生 (U+751F).
    expect(report.tasks.byUnit.map((u) => [u.unit.id, u.total, u.overdue])).toEqual([
      [forest, 1, 0],
      [water, 2, 0],
      [eco, 2, 1],
    ]);
    expect(report.problems.overdueTasks).toEqual([{ id: late.id, number: '1', problem: late.problem }]);
  });

  it('count the work dated in the month only, and name the units that did not report', async () => {
    ledger = await newLedger();
    const { forest } = julyLedger(ledger);
    const report = ledger.monthlyReport.figures(JULY, '2024-08-05' as IsoDate);
    expect(report.work).toEqual({ siteVisits: 2, unannouncedVisits: 1, meetings: 1, lettersIssued: 1, progressReports: 3, unitsReporting: 2 });
    expect(report.problems.unitsNotReported).toEqual([{ unit: { id: forest, name: '林草局', shortName: '' }, tasks: 1 }]);
  });

  it('count petition cases by completion and region, and accountability by subject and form', async () => {
    ledger = await newLedger();
    julyLedger(ledger);
    const { petitions, accountability } = ledger.monthlyReport.figures(JULY, '2024-08-05' as IsoDate);
    expect(petitions).toMatchObject({ total: 3, completed: 1, stage_completed: 1, pending: 1 });
    expect(petitions.byRegion).toEqual([
      { region: '东川市', total: 2, completed: 1, stage_completed: 0, pending: 1 },
      { region: '西岭市', total: 1, completed: 0, stage_completed: 1, pending: 0 },
    ]);
    expect(accountability.cases).toBe(1);
    expect(accountability.subjects.person.admonishment).toBe(2);
    expect(accountability.subjects.unit.criticism).toBe(1);
    expect(accountability.subjects.enterprise.fine).toBe(0);
  });

  it('are as of the report’s date when that comes before the month’s end', async () => {
    ledger = await newLedger();
    julyLedger(ledger);
    expect(ledger.monthlyReport.figures(JULY, '2024-07-16' as IsoDate).asOf).toBe('2024-07-16');
  });
});
