import { afterEach, describe, expect, it, vi } from 'vitest';
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

async function taskToClose() {
  ledger = await newLedger();
  const u = addUnits(ledger, ['生态环境厅']);
  return addTask(ledger, '1', u['生态环境厅']!, { status: 'completed' });
}

describe('close-out (销号)', () => {
  it('goes requested, checked, approved — approval needs evidence and closes the task', async () => {
    const task = await taskToClose();
    const request = unwrap(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-07-01', requestedBy: '生态环境厅', requestNote: '已完成整改' }));
    expect(request.state).toBe('requested');
    expect(failure(ledger.closeOuts.approve(request.id, { on: '2024-07-02' }))).toMatchObject({
      code: 'invalid_transition',
      params: { from: 'requested', to: 'approved' },
    });
    unwrap(ledger.closeOuts.check(request.id, { on: '2024-07-03', by: '督察办', note: '材料齐全' }));
    expect(failure(ledger.closeOuts.approve(request.id, { on: '2024-07-05' })).fields).toEqual([{ field: 'evidence', code: 'required' }]);
    unwrap(ledger.evidence.add({ ownerKind: 'close_out', ownerId: request.id, fileName: '验收报告.pdf', mediaType: 'application/pdf', bytes: SCAN }));
    expect(failure(ledger.closeOuts.approve(request.id, { on: '2024-07-02' })).fields).toEqual([
      { field: 'on', code: 'date_order', params: { date: '2024-07-02', other: '2024-07-03' } },
    ]);
    expect(unwrap(ledger.closeOuts.approve(request.id, { on: '2024-07-05', by: '组长' }))).toMatchObject({
      state: 'approved',
      approvedOn: '2024-07-05',
      approvedBy: '组长',
    });
    expect(unwrap(ledger.tasks.get(task.id)).status).toBe('closed');
    expect(failure(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-08-01' })).code).toBe('invalid_transition');
  });

  it('can be rejected with a reason, after which a new request may be made, but not two at once', async () => {
    const task = await taskToClose();
    const request = unwrap(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-07-01' }));
    expect(failure(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-07-02' }))).toMatchObject({
      code: 'invalid_transition',
      params: { from: 'requested' },
    });
    expect(failure(ledger.closeOuts.reject(request.id, { on: '2024-07-02', reason: ' ' })).fields).toEqual([{ field: 'reason', code: 'required' }]);
    expect(unwrap(ledger.closeOuts.reject(request.id, { on: '2024-07-02', reason: '佐证材料不足' })).state).toBe('rejected');
    expect(unwrap(ledger.closeOuts.request({ taskId: task.id, requestedOn: '2024-07-10' })).state).toBe('requested');
    expect(
      ledger.closeOuts
        .list({ taskId: task.id })
        .map((c) => c.state)
        .sort(),
    ).toEqual(['rejected', 'requested']);
  });
});

describe('evidence', () => {
  it('is stored encrypted beside the ledger, read back whole, and removed only by marking', async () => {
    const task = await taskToClose();
    const added = unwrap(
      ledger.evidence.add({ ownerKind: 'task', ownerId: task.id, fileName: 'C:\\扫描件\\整改报告?.pdf', bytes: SCAN, description: '现场照片' }),
    );
    expect(added).toMatchObject({ fileName: '整改报告_.pdf', mediaType: 'application/octet-stream', size: SCAN.length, removedAt: null });
    const content = unwrap(ledger.evidence.content(added.id));
    expect(Buffer.from(content.bytes).equals(Buffer.from(SCAN))).toBe(true);
    unwrap(ledger.evidence.remove(added.id));
    expect(ledger.evidence.list({ kind: 'task', id: task.id })).toEqual([]);
    expect(ledger.evidence.list({ kind: 'task', id: task.id }, { includeRemoved: true })).toHaveLength(1);
    expect(failure(ledger.evidence.remove(added.id)).code).toBe('invalid_transition');
    unwrap(ledger.evidence.restore(added.id));
    expect(failure(ledger.tasks.remove(task.id))).toMatchObject({ code: 'in_use', params: { uses: 'evidence:1' } });
  });

  it('refuses an empty file, an unknown owner, and a name that is only dots', async () => {
    const task = await taskToClose();
    expect(failure(ledger.evidence.add({ ownerKind: 'task', ownerId: task.id, fileName: 'a.pdf', bytes: new Uint8Array() })).fields).toEqual([
      { field: 'bytes', code: 'required' },
    ]);
    expect(failure(ledger.evidence.add({ ownerKind: 'task', ownerId: 999, fileName: 'a.pdf', bytes: SCAN })).fields).toEqual([
      { field: 'ownerId', code: 'unknown_reference' },
    ]);
    expect(failure(ledger.evidence.add({ ownerKind: 'task', ownerId: task.id, fileName: '/tmp/..', bytes: SCAN })).fields).toEqual([
      { field: 'fileName', code: 'required' },
    ]);
  });
});
