import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { IsoDate } from '../../../src/shared/dates';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const AS_OF = '2024-07-15' as IsoDate;
const SCAN = new TextEncoder().encode('%PDF-1.4 验收报告扫描件');

/** A clock a minute on at every reading: each change of the ledger has a moment of its own. */
function ticking(start: string) {
  let at = new Date(start).getTime();
  return () => {
    at += 60_000;
    return new Date(at);
  };
}

/** Three tasks past their deadline on 15 July 2024: 1 led by 生态环境厅, 2 led by both units, 3 by 生态环境厅. */
async function ledgerWithLateTasks() {
  ledger = await newLedger({ clock: ticking('2024-07-15T09:00:00+08:00') });
  const u = addUnits(ledger, ['生态环境厅', '水利厅']);
  const eco = u['生态环境厅']!;
  const water = u['水利厅']!;
  const one = addTask(ledger, '1', eco, { status: 'in_progress' });
  const two = addTask(ledger, '2', eco, { leadUnitIds: [eco, water] });
  const three = addTask(ledger, '3', eco, { status: 'in_progress' });
  return { eco, water, one, two, three };
}

const numbers = (rows: readonly { number: string }[]) => rows.map((row) => row.number);
const overdueNumbers = () => numbers(unwrap(ledger.tasks.list({ overdueAsOf: AS_OF })).rows);

describe('a task its lead unit reports completed', () => {
  it('awaits the group’s check: listed with the report, marked in the ledger, not overdue, counted apart', async () => {
    const { eco, water, one, two, three } = await ledgerWithLateTasks();
    unwrap(
      ledger.progress.submit({
        taskId: one.id,
        unitId: eco,
        period: '2024-06',
        state: 'completed',
        progress: '三期提标改造完成，出水稳定达标',
        reportedOn: '2024-07-05',
      }),
    );
    unwrap(ledger.progress.submit({ taskId: two.id, unitId: eco, period: '2024-06', state: 'completed' }));
    unwrap(ledger.progress.submit({ taskId: two.id, unitId: water, period: '2024-06', state: 'on_track' }));
    unwrap(ledger.progress.submit({ taskId: three.id, unitId: eco, period: '2024-06', state: 'behind' }));

    const waiting = unwrap(ledger.tasks.awaitingCheck());
    expect(waiting.map((task) => [task.number, task.checkStage])).toEqual([['1', 'reported']]);
    expect(waiting[0]!.latestReports).toMatchObject([
      { unitName: '生态环境厅', period: '2024-06', state: 'completed', progress: '三期提标改造完成，出水稳定达标' },
    ]);
    expect(unwrap(ledger.tasks.awaitingCheck({ unitId: water }))).toEqual([]);
    expect(unwrap(ledger.tasks.get(one.id)).checkStage).toBe('reported');

    // A task led by two units is reported completed when both have said so.
    const ledgerRows = unwrap(ledger.tasks.list()).rows;
    expect(ledgerRows.map((task) => [task.number, task.checkStage, task.latestReports.map((r) => `${r.unitName}:${r.state}`)])).toEqual([
      ['1', 'reported', ['生态环境厅:completed']],
      ['2', null, ['生态环境厅:completed', '水利厅:on_track']],
      ['3', null, ['生态环境厅:behind']],
    ]);
    expect(overdueNumbers()).toEqual(['2', '3']);
    expect(ledger.stats({ asOf: AS_OF }).tasks).toMatchObject({ total: 3, overdue: 2, reportedCompleted: 1 });

    unwrap(ledger.progress.submit({ taskId: two.id, unitId: water, period: '2024-06', state: 'completed' }));
    expect(numbers(unwrap(ledger.tasks.awaitingCheck()))).toEqual(['1', '2']);
    expect(overdueNumbers()).toEqual(['3']);
    // A later month's report that is not completed takes the claim back.
    unwrap(ledger.progress.submit({ taskId: one.id, unitId: eco, period: '2024-07', state: 'on_track' }));
    expect(numbers(unwrap(ledger.tasks.awaitingCheck()))).toEqual(['2']);
    expect(overdueNumbers()).toEqual(['1', '3']);
  });

  it('leaves the queue when the check starts, goes through the close-out, and is overdue again if sent back until reported anew', async () => {
    const { eco, one } = await ledgerWithLateTasks();
    unwrap(ledger.progress.submit({ taskId: one.id, unitId: eco, period: '2024-06', state: 'completed' }));
    const request = unwrap(ledger.closeOuts.request({ taskId: one.id, requestedOn: '2024-07-10', requestedBy: '生态环境厅' }));
    expect(unwrap(ledger.tasks.awaitingCheck())).toEqual([]);
    expect(unwrap(ledger.tasks.get(one.id)).checkStage).toBe('checking');
    expect(overdueNumbers()).toEqual(['2', '3']);
    unwrap(ledger.closeOuts.check(request.id, { on: '2024-07-12' }));
    expect(unwrap(ledger.tasks.get(one.id)).checkStage).toBe('approving');
    expect(ledger.stats({ asOf: AS_OF }).tasks).toMatchObject({ overdue: 2, reportedCompleted: 1 });

    // Sent back: the unit's report has had its answer; the task is late again until it reports again.
    unwrap(ledger.closeOuts.reject(request.id, { on: '2024-07-13', reason: '现场核查仍有超标排放' }));
    expect(unwrap(ledger.tasks.get(one.id)).checkStage).toBeNull();
    expect(overdueNumbers()).toEqual(['1', '2', '3']);
    unwrap(ledger.progress.submit({ taskId: one.id, unitId: eco, period: '2024-07', state: 'completed' }));
    expect(numbers(unwrap(ledger.tasks.awaitingCheck()))).toEqual(['1']);

    const again = unwrap(ledger.closeOuts.request({ taskId: one.id, requestedOn: '2024-07-14' }));
    unwrap(ledger.closeOuts.check(again.id, { on: '2024-07-14' }));
    unwrap(ledger.evidence.add({ ownerKind: 'close_out', ownerId: again.id, fileName: '验收报告.pdf', mediaType: 'application/pdf', bytes: SCAN }));
    unwrap(ledger.closeOuts.approve(again.id, { on: '2024-07-15' }));
    expect(unwrap(ledger.tasks.get(one.id))).toMatchObject({ status: 'closed', checkStage: null });
    expect(ledger.stats({ asOf: AS_OF }).tasks).toMatchObject({ overdue: 2, reportedCompleted: 0 });
  });
});
