import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { IsoDate, Period } from '../../../src/shared/dates';
import { ok } from '../../../src/shared/result';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const AS_OF = '2024-07-15' as IsoDate;

/** Two units; five tasks of which two are overdue on 15 July 2024; reports for June and July. */
async function ledgerWithWork() {
  ledger = await newLedger();
  const u = addUnits(ledger, ['生态环境厅', '水利厅']);
  const eco = u['生态环境厅']!;
  const water = u['水利厅']!;
  const inspection = unwrap(ledger.inspections.create({ name: '第二轮督察', feedbackDate: '2023-06-12' }));
  const late = addTask(ledger, '1', eco, { deadline: { kind: 'date', date: '2024-06-30' }, status: 'in_progress', inspectionId: inspection.id });
  addTask(ledger, '2', eco, { deadline: { kind: 'date', date: '2024-07-14' }, inspectionId: inspection.id });
  addTask(ledger, '3', eco, { deadline: { kind: 'date', date: '2024-07-15' }, status: 'in_progress' });
  addTask(ledger, '4', water, { deadline: { kind: 'date', date: '2023-12-31' }, status: 'completed', cooperatingUnitIds: [eco] });
  const ongoing = addTask(ledger, '5', water, { deadline: { kind: 'ongoing' } });
  addTask(ledger, '5.1', water, { parentId: ongoing.id, deadline: { kind: 'date', date: '2023-01-01' } });
  unwrap(ledger.progress.submit({ taskId: late.id, unitId: eco, period: '2024-06', state: 'behind' }));
  unwrap(ledger.progress.submit({ taskId: late.id, unitId: eco, period: '2024-07', state: 'on_track' }));
  unwrap(ledger.progress.submit({ taskId: ongoing.id, unitId: water, period: '2024-06', state: 'on_track' }));
  return { eco, water };
}

describe('statistics', () => {
  it('count top-level tasks by status, deadline kind, lead unit and source, with the overdue as of a day', async () => {
    const { eco, water } = await ledgerWithWork();
    const { tasks } = ledger.stats({ asOf: AS_OF });
    expect(tasks).toMatchObject({
      total: 5,
      overdue: 2,
      byStatus: { pending: 2, in_progress: 2, completed: 1, closed: 0 },
      byDeadlineKind: { date: 4, immediate: 0, ongoing: 1 },
      completionRate: 0.2,
      closedRate: 0,
    });
    // Units in their set order, then by name: 水 (U+6C34) before 生 (U+751F).
    expect(tasks.byUnit).toEqual([
      {
        unit: { id: water, name: '水利厅', shortName: '' },
        total: 2,
        overdue: 0,
        reportedCompleted: 0,
        byStatus: { pending: 1, in_progress: 0, completed: 1, closed: 0 },
      },
      {
        unit: { id: eco, name: '生态环境厅', shortName: '' },
        total: 3,
        overdue: 2,
        reportedCompleted: 0,
        byStatus: { pending: 1, in_progress: 2, completed: 0, closed: 0 },
      },
    ]);
    expect(tasks.bySource.map((s) => [s.inspection?.name ?? null, s.total])).toEqual([
      [null, 3],
      ['第二轮督察', 2],
    ]);
    expect(ledger.stats({ asOf: '2024-07-16' as IsoDate }).tasks.overdue).toBe(3);
  });

  it('name the units that have not reported for the month, and count the reports month by month', async () => {
    const { eco, water } = await ledgerWithWork();
    // Unless asked for a month, the figures are of the month the office collects: last month, here.
    expect(ledger.stats({ asOf: AS_OF }).units.period).toBe('2024-06');
    const stats = ledger.stats({ asOf: AS_OF, period: '2024-07' as Period });
    expect(stats.units).toMatchObject({ total: 2, period: '2024-07' });
    // A sub-task is reported on by its own lead unit: 水利厅 owes July for task 5 and its sub-task 5.1.
    expect(stats.units.notReported).toEqual([
      { unit: expect.objectContaining({ id: water }), tasks: 2 },
      { unit: expect.objectContaining({ id: eco }), tasks: 2 },
    ]);
    expect(ledger.stats({ asOf: AS_OF, period: '2024-06' as Period }).units.notReported.map((r) => [r.unit.id, r.tasks])).toEqual([
      [water, 1],
      [eco, 2],
    ]);
    const months = stats.progressByMonth;
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toEqual({ period: '2024-07', reports: 1, unitsReporting: 1, behind: 0 });
    expect(months.at(-2)).toEqual({ period: '2024-06', reports: 2, unitsReporting: 2, behind: 1 });
    expect(months[0]).toEqual({ period: '2023-08', reports: 0, unitsReporting: 0, behind: 0 });
  });

  it('sum petition completion and accountability, and count documents awaiting a reply', async () => {
    const { eco } = await ledgerWithWork();
    unwrap(
      ledger.petitions.create({
        receiptNumber: 'D1',
        problem: '粉尘',
        completion: 'completed',
        truth: 'true',
        personsHeldAccountable: 2,
        finesYuan: 50000,
        unitId: eco,
      }),
    );
    unwrap(ledger.petitions.create({ receiptNumber: 'D2', problem: '噪声', completion: 'stage_completed', pollutionKinds: ['noise'], entitiesPenalized: 1 }));
    unwrap(ledger.petitions.create({ receiptNumber: 'D3', problem: '异味', unitId: eco }));
    unwrap(ledger.petitions.create({ receiptNumber: 'D4', problem: '污水', truth: 'false' }));
    unwrap(
      ledger.accountability.create({
        issue: '问题一',
        subjects: [
          { kind: 'person', name: '张某', form: 'admonishment' },
          { kind: 'person', name: '李某', form: 'admonishment' },
        ],
      }),
    );
    unwrap(
      ledger.accountability.create({
        issue: '问题二',
        state: 'concluded',
        concludedOn: '2024-01-01',
        subjects: [{ kind: 'enterprise', name: '某公司', form: 'fine', fineYuan: 80_000 }],
      }),
    );
    unwrap(
      ledger.context.write((tx) => {
        const insert = (number: string, due: string | null, replied: string | null, state = 'issued') =>
          tx.run(
            'INSERT INTO documents (doc_type, number, title, issued_on, reply_due, replied_on, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            ['reminder', number, '提醒函', '2024-07-01', due, replied, state, tx.at, tx.at],
          );
        insert('1', '2024-07-10', null);
        insert('2', '2024-07-20', null);
        insert('3', '2024-07-10', '2024-07-09');
        insert('4', null, null);
        insert('5', '2024-07-10', null, 'voided');
        return ok(undefined);
      }),
    );
    const stats = ledger.stats({ asOf: AS_OF });
    expect(stats.petitions).toMatchObject({
      total: 4,
      byCompletion: { pending: 2, stage_completed: 1, completed: 1 },
      completionRate: 0.25,
      handledRate: 0.5,
      byTruth: { true: 1, mostly_true: 0, partly_true: 0, false: 1, unknown: 2 },
      accountability: { personsHeldAccountable: 2, entitiesPenalized: 1, finesYuan: 50000, personsDetained: 0 },
      byUnit: [{ unit: expect.objectContaining({ id: eco }), total: 2, completed: 1 }],
    });
    expect(stats.petitions.byKind).toMatchObject({ noise: 1, other: 3 });
    expect(stats.accountability).toMatchObject({
      cases: 2,
      concluded: 1,
      subjects: { unit: 0, enterprise: 1, person: 2 },
      byForm: { admonishment: 2, fine: 1 },
      finesYuan: 80_000,
    });
    expect(stats.documents).toEqual({ issued: 4, voided: 1, awaitingReply: 2, overdueReplies: 1 });
  });

  it('give zeros, not errors, for an empty ledger', async () => {
    ledger = await newLedger();
    const stats = ledger.stats({ asOf: AS_OF });
    expect(stats.tasks).toMatchObject({ total: 0, overdue: 0, completionRate: 0, byUnit: [] });
    expect(stats.petitions).toMatchObject({ total: 0, completionRate: 0, accountability: { finesYuan: 0 } });
    expect(stats.documents).toEqual({ issued: 0, voided: 0, awaitingReply: 0, overdueReplies: 0 });
  });
});
