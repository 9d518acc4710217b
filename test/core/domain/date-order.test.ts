import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { describeField } from '../../../src/shared/i18n/describe';
import { createI18n } from '../../../src/shared/i18n/setup';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

describe('a date-order error', () => {
  it('names both dates, in the core’s answer and in the sentence the office reads', async () => {
    ledger = await newLedger();
    const completed = failure(
      ledger.petitions.create({ receiptNumber: 'D1', problem: '夜间偷排', handedOverOn: '2024-07-01', completion: 'completed', completedOn: '2024-06-01' }),
    ).fields!;
    expect(completed).toEqual([{ field: 'completedOn', code: 'date_order', params: { date: '2024-06-01', other: '2024-07-01' } }]);
    expect(describeField(createI18n('zh-CN').t, completed[0]!)).toBe('2024年6月1日早于2024年7月1日，日期先后顺序不对');
    expect(describeField(createI18n('en').t, completed[0]!)).toBe('June 1, 2024 is before July 1, 2024: the dates are in the wrong order');

    const concluded = failure(
      ledger.accountability.create({ issue: '问题', handedOverOn: '2023-07-10', state: 'concluded', concludedOn: '2023-07-01' }),
    ).fields;
    expect(concluded).toEqual([{ field: 'concludedOn', code: 'date_order', params: { date: '2023-07-01', other: '2023-07-10' } }]);

    const u = addUnits(ledger, ['生态环境厅']);
    const task = addTask(ledger, '1', u['生态环境厅']!);
    const request = unwrap(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-07-03' }));
    expect(failure(ledger.closeOuts.check(request.id, { on: '2024-07-02' })).fields).toEqual([
      { field: 'on', code: 'date_order', params: { date: '2024-07-02', other: '2024-07-03' } },
    ]);
  });
});
