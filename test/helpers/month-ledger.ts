import type { Ledger } from '../../src/core/ledger';
import { addTask, addUnits } from './domain';
import { unwrap } from './result';

/**
 * A small ledger for July 2024's report: five tasks of every state (one overdue on 31 July, one
 * closed out in July), 林草局 not reporting July, visits, meetings and letters inside and outside
 * the month, three petition cases in two regions and one accountability case of three subjects.
 */
export function julyLedger(ledger: Ledger) {
  const u = addUnits(ledger, ['生态环境厅', '水利厅', '林草局']);
  const [eco, water, forest] = [u['生态环境厅']!, u['水利厅']!, u['林草局']!];
  const late = addTask(ledger, '1', eco, { deadline: { kind: 'date', date: '2024-06-30' }, status: 'in_progress' });
  const onTime = addTask(ledger, '2', eco, { deadline: { kind: 'date', date: '2024-12-31' } });
  const done = addTask(ledger, '3', water, { deadline: { kind: 'date', date: '2024-05-31' }, status: 'completed' });
  const closing = addTask(ledger, '4', water, { deadline: { kind: 'date', date: '2024-06-30' }, status: 'completed' });
  addTask(ledger, '5', forest, { deadline: { kind: 'date', date: '2024-09-30' } });
  const request = unwrap(ledger.closeOuts.request({ taskId: closing.id, requestedOn: '2024-07-10', requestedBy: '水利厅', requestNote: '已完成整改' }));
  unwrap(ledger.closeOuts.check(request.id, { on: '2024-07-15', by: '督察办', note: '材料齐全' }));
  const scan = new TextEncoder().encode('%PDF-1.4 验收报告');
  unwrap(ledger.evidence.add({ ownerKind: 'close_out', ownerId: request.id, fileName: '验收报告.pdf', mediaType: 'application/pdf', bytes: scan }));
  unwrap(ledger.closeOuts.approve(request.id, { on: '2024-07-20', by: '派驻纪检监察组', note: '同意销号' }));
  unwrap(ledger.progress.submit({ taskId: late.id, unitId: eco, period: '2024-06', state: 'behind' }));
  unwrap(ledger.progress.submit({ taskId: late.id, unitId: eco, period: '2024-07', state: 'behind' }));
  unwrap(ledger.progress.submit({ taskId: onTime.id, unitId: eco, period: '2024-07', state: 'on_track' }));
  unwrap(ledger.progress.submit({ taskId: done.id, unitId: water, period: '2024-07', state: 'completed' }));
  for (const [visitedOn, unannounced] of [
    ['2024-06-28', true],
    ['2024-07-10', true],
    ['2024-07-20', false],
  ] as const)
    unwrap(ledger.siteVisits.create({ visitedOn, places: '三道河入河排污口', unannounced, unitId: eco }));
  for (const heldOn of ['2024-07-05', '2024-08-01'])
    unwrap(ledger.meetings.create({ heldOn, kind: 'party_group', title: '党组会议研究整改工作', unitId: eco }));
  for (const issuedOn of ['2024-06-20', '2024-07-15'])
    unwrap(ledger.documents.issue({ docType: 'reminder', recipientUnitId: eco, taskIds: [late.id], issuedOn, replyDue: null }));
  for (const [receiptNumber, region, completion] of [
    ['D1', '东川市', 'completed'],
    ['D2', '东川市', 'pending'],
    ['X1', '西岭市', 'stage_completed'],
  ] as const)
    unwrap(ledger.petitions.create({ receiptNumber, problem: '河道排污', region, completion, unitId: eco }));
  unwrap(
    ledger.accountability.create({
      issue: '监管不力',
      state: 'concluded',
      concludedOn: '2024-07-25',
      subjects: [
        { kind: 'unit', name: '西岭市林业和草原局', form: 'criticism' },
        { kind: 'person', name: '张某某', form: 'admonishment' },
        { kind: 'person', name: '李某某', form: 'admonishment' },
      ],
    }),
  );
  return { eco, water, forest, late };
}
