import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../src/core/audit/audit-log';
import type { Ledger } from '../../../src/core/ledger';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const SCAN = new TextEncoder().encode('%PDF-1.4 验收报告扫描件');
const file = (ownerKind: 'task' | 'close_out', ownerId: number, fileName = '验收报告.pdf') => ({ ownerKind, ownerId, fileName, bytes: SCAN });

/** A task closed out (销号 approved), its evidence on the request and on the task itself. */
async function closedTask() {
  ledger = await newLedger();
  const u = addUnits(ledger, ['生态环境厅']);
  const task = addTask(ledger, '1', u['生态环境厅']!, { status: 'completed' });
  const request = unwrap(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-07-01' }));
  unwrap(ledger.closeOuts.check(request.id, { on: '2024-07-02' }));
  const onRequest = unwrap(ledger.evidence.add(file('close_out', request.id)));
  const onTask = unwrap(ledger.evidence.add(file('task', task.id, '现场照片.jpg')));
  unwrap(ledger.closeOuts.approve(request.id, { on: '2024-07-05' }));
  return { task, request, onRequest, onTask };
}

describe('a closed task’s evidence', () => {
  it('is frozen: neither removed, restored nor added to, on the task or on its close-out', async () => {
    const { task, request, onRequest, onTask } = await closedTask();
    expect(failure(ledger.evidence.remove(onRequest.id))).toMatchObject({ code: 'evidence.frozen' });
    expect(failure(ledger.evidence.remove(onTask.id))).toMatchObject({ code: 'evidence.frozen' });
    expect(failure(ledger.evidence.add(file('task', task.id, '补充材料.pdf')))).toMatchObject({ code: 'evidence.frozen' });
    expect(failure(ledger.evidence.add(file('close_out', request.id, '补充材料.pdf')))).toMatchObject({ code: 'evidence.frozen' });
    expect(ledger.evidence.list({ kind: 'task', id: task.id })).toHaveLength(1);
  });
});

describe('reopening a close-out (撤销销号)', () => {
  it('needs a reason, is recorded in the audit log, and returns the task to work so that its evidence can change', async () => {
    const { task, request, onTask } = await closedTask();
    expect(failure(ledger.closeOuts.reopen(request.id, { on: '2024-08-01', reason: ' ' })).fields).toEqual([{ field: 'reason', code: 'required' }]);
    expect(failure(ledger.closeOuts.reopen(request.id, { on: '2024-07-04', reason: '问题反弹' })).fields).toEqual([
      { field: 'on', code: 'date_order', params: { date: '2024-07-04', other: '2024-07-05' } },
    ]);
    const reopened = unwrap(ledger.closeOuts.reopen(request.id, { on: '2024-08-01', by: '组长', reason: '群众反映问题反弹' }));
    expect(reopened).toMatchObject({ state: 'reopened', reopenedOn: '2024-08-01', reopenedBy: '组长', reopenReason: '群众反映问题反弹' });
    expect(unwrap(ledger.tasks.get(task.id)).status).toBe('in_progress');
    const audit = listAudit(ledger.context.db, { entity: 'close_out', entityId: request.id });
    expect(audit[0]).toMatchObject({ action: 'update', before: { state: 'approved' }, after: { state: 'reopened', reopenReason: '群众反映问题反弹' } });
    unwrap(ledger.evidence.remove(onTask.id));
    unwrap(ledger.evidence.add(file('task', task.id, '补充材料.pdf')));
    expect(unwrap(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-08-10' })).state).toBe('requested');
  });

  it('is only for an approved close-out', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    const task = addTask(ledger, '1', u['生态环境厅']!);
    const request = unwrap(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-07-01' }));
    expect(failure(ledger.closeOuts.reopen(request.id, { on: '2024-07-02', reason: '误操作' }))).toMatchObject({
      code: 'invalid_transition',
      params: { from: 'requested', to: 'reopened' },
    });
  });
});
