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

describe('site visits and their findings', () => {
  it('record the points, the tasks they concern, and the problems found there', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['东川市人民政府']);
    const task = addTask(ledger, '1', u['东川市人民政府']!);
    const visit = unwrap(
      ledger.siteVisits.create({
        visitedOn: '2024-05-14',
        places: '班岭营三期污水处理厂；三道河入河排污口',
        unitId: u['东川市人民政府']!,
        team: '督导组三人',
        taskIds: [task.id, task.id],
      }),
    );
    expect(visit).toMatchObject({ unannounced: true, taskIds: [task.id] });
    const finding = unwrap(
      ledger.findings.create({
        origin: { source: 'visit', siteVisitId: visit.id },
        taskId: task.id,
        description: '在线监测设备停运',
        reportedTo: '东川市委',
        reportedOn: '2024-05-16',
      }),
    );
    expect(finding).toMatchObject({ origin: { source: 'visit', siteVisitId: visit.id }, rectified: false, rectifiedOn: null });
    expect(ledger.findings.list({ siteVisitId: visit.id }).map((f) => f.id)).toEqual([finding.id]);
    expect(ledger.siteVisits.list({ taskId: task.id }).map((v) => v.id)).toEqual([visit.id]);
    expect(failure(ledger.siteVisits.remove(visit.id))).toMatchObject({ code: 'in_use', params: { uses: 'findings:1' } });
  });

  it('refuse a finding of a visit that does not exist, and a rectification date on an open finding', async () => {
    ledger = await newLedger();
    expect(failure(ledger.findings.create({ origin: { source: 'visit', siteVisitId: 5 }, description: '问题' })).fields).toEqual([
      { field: 'origin.siteVisitId', code: 'unknown_reference' },
    ]);
    expect(failure(ledger.findings.create({ origin: { source: 'report' }, description: '问题', rectifiedOn: '2024-01-01' })).fields).toEqual([
      { field: 'rectifiedOn', code: 'invalid' },
    ]);
    expect(failure(ledger.findings.create({ origin: { source: 'meeting' } as never, description: '问题' })).fields).toEqual([
      { field: 'origin.meetingId', code: 'required' },
    ]);
  });
});

describe('meetings', () => {
  it('keep what the group learned, and the problems raised there', async () => {
    ledger = await newLedger();
    const meeting = unwrap(ledger.meetings.create({ heldOn: '2024-03-08', kind: 'party_group', title: '厅党组会议研究督察整改工作' }));
    unwrap(ledger.findings.create({ origin: { source: 'meeting', meetingId: meeting.id }, description: '整改方案未明确责任人' }));
    expect(failure(ledger.meetings.remove(meeting.id))).toMatchObject({ code: 'in_use', params: { uses: 'findings:1' } });
    expect(failure(ledger.meetings.create({ heldOn: '2024-03-08', kind: 'banquet' as never, title: '' })).fields).toEqual(
      expect.arrayContaining([
        { field: 'kind', code: 'invalid_choice' },
        { field: 'title', code: 'required' },
      ]),
    );
  });
});

describe('accountability cases', () => {
  it('hold their subjects — units, enterprises, persons — and the form of accountability', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['西岭市人民政府']);
    const source = unwrap(ledger.petitions.create({ receiptNumber: 'D1', problem: '违规开采破坏植被' }));
    const created = unwrap(
      ledger.accountability.create({
        issue: '自然保护区违规开发问题',
        handedOverBy: '中央第三生态环境保护督察组',
        handedOverOn: '2023-07-10',
        team: '自治区问责专项工作组',
        petitionCaseId: source.id,
        subjects: [
          { kind: 'unit', name: '西岭市人民政府', unitId: u['西岭市人民政府']!, form: 'interview' },
          { kind: 'enterprise', name: '瑞丰建材有限公司', form: 'fine', fineYuan: 200_000 },
          { kind: 'person', name: '张某', position: '副局长', form: 'disciplinary', partySanction: 'warning', decidedOn: '2023-09-01' },
        ],
      }),
    );
    expect(created.subjects.map((s) => [s.kind, s.form])).toEqual([
      ['unit', 'interview'],
      ['enterprise', 'fine'],
      ['person', 'disciplinary'],
    ]);
    const concluded = unwrap(
      ledger.accountability.update(created.id, { ...created, subjects: created.subjects.slice(2), state: 'concluded', concludedOn: '2023-10-01' }),
    );
    expect(concluded).toMatchObject({ state: 'concluded', subjects: [{ name: '张某' }] });
    expect(listAudit(ledger.context.db, { entity: 'accountability_case', entityId: created.id })[0]).toMatchObject({
      action: 'update',
      before: { subjects: expect.any(Array) },
    });
    expect(failure(ledger.petitions.remove(source.id))).toMatchObject({ code: 'in_use', params: { uses: 'accountability_cases:1' } });
  });

  it('say when a conclusion lacks its date, precedes the hand-over, or names an unknown unit', async () => {
    ledger = await newLedger();
    const base = { issue: '问题', handedOverOn: '2023-07-10' };
    expect(failure(ledger.accountability.create({ ...base, state: 'concluded' })).fields).toEqual([{ field: 'concludedOn', code: 'required' }]);
    expect(failure(ledger.accountability.create({ ...base, concludedOn: '2023-08-01' })).fields).toEqual([{ field: 'concludedOn', code: 'invalid' }]);
    expect(failure(ledger.accountability.create({ ...base, state: 'concluded', concludedOn: '2023-07-01' })).fields).toEqual([
      { field: 'concludedOn', code: 'date_order', params: { date: '2023-07-01', other: '2023-07-10' } },
    ]);
    expect(failure(ledger.accountability.create({ ...base, subjects: [{ kind: 'unit', name: '某单位', unitId: 77, form: 'criticism' }] })).fields).toEqual([
      { field: 'subjects.0.unitId', code: 'unknown_reference' },
    ]);
  });
});
