import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { Period } from '../../../src/shared/dates';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const MAY = '2024-05' as Period;

describe('monthly progress reports', () => {
  it('are one per task, unit and month: reporting again replaces the report', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    const task = addTask(ledger, '1', u['生态环境厅']!);
    const first = unwrap(ledger.progress.submit({ taskId: task.id, unitId: u['生态环境厅']!, period: MAY, state: 'on_track', progress: '已完成排查' }));
    const second = unwrap(
      ledger.progress.submit({
        taskId: task.id,
        unitId: u['生态环境厅']!,
        period: MAY,
        state: 'behind',
        progress: '排查发现新问题',
        reporterPhone: '0471-6941001',
      }),
    );
    expect(second.id).toBe(first.id);
    expect(ledger.progress.ofPeriod(MAY)).toMatchObject([{ state: 'behind', progress: '排查发现新问题', taskNumber: '1', unitName: '生态环境厅' }]);
  });

  it('come only from a unit responsible for the task, for a real month', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅', '水利厅']);
    const task = addTask(ledger, '1', u['生态环境厅']!);
    expect(failure(ledger.progress.submit({ taskId: task.id, unitId: u['水利厅']!, period: MAY, state: 'on_track' })).fields).toEqual([
      { field: 'unitId', code: 'not_responsible_unit' },
    ]);
    expect(failure(ledger.progress.submit({ taskId: task.id, unitId: u['生态环境厅']!, period: '2024-13', state: 'on_track' })).fields).toEqual([
      { field: 'period', code: 'invalid_period' },
    ]);
  });

  it('show who has not reported for a month: each lead unit with its open tasks unreported', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅', '水利厅']);
    const reported = addTask(ledger, '1', u['生态环境厅']!);
    addTask(ledger, '10', u['生态环境厅']!);
    addTask(ledger, '2', u['生态环境厅']!);
    const done = addTask(ledger, '3', u['水利厅']!);
    unwrap(ledger.tasks.update(done.id, { ...done, status: 'completed' }));
    unwrap(ledger.progress.submit({ taskId: reported.id, unitId: u['生态环境厅']!, period: MAY, state: 'on_track' }));
    expect(ledger.progress.missing(MAY)).toEqual([
      {
        unit: { id: u['生态环境厅'], name: '生态环境厅', shortName: '' },
        tasks: [expect.objectContaining({ number: '2' }), expect.objectContaining({ number: '10' })],
      },
    ]);
    expect(ledger.progress.history(reported.id)).toHaveLength(1);
  });
});
