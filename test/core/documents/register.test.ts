import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../src/core/audit/audit-log';
import { Ledger } from '../../../src/core/ledger';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory, TEST_PASSWORD } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

/** Three units; 水利厅 leads two overdue tasks and a finished one, 住建厅 one overdue, 林草局 none. */
async function ledgerWithTasks() {
  ledger = await newLedger();
  const u = addUnits(ledger, ['自治区水利厅', '自治区住房和城乡建设厅', '自治区林业和草原局']);
  const t = {
    river: addTask(ledger, '2', u['自治区水利厅']!, {
      problem: '入河排污口排查整治进展滞后',
      deadline: { kind: 'date', date: '2026-06-30' },
      status: 'in_progress',
    }),
    dam: addTask(ledger, '10', u['自治区水利厅']!, { problem: '小水电站生态流量泄放不到位', deadline: { kind: 'date', date: '2026-03-31' } }),
    done: addTask(ledger, '3', u['自治区水利厅']!, { deadline: { kind: 'date', date: '2026-01-31' }, status: 'completed' }),
    sewage: addTask(ledger, '4', u['自治区住房和城乡建设厅']!, { problem: '城镇污水处理厂超标排放', deadline: { kind: 'date', date: '2026-09-30' } }),
    forest: addTask(ledger, '5', u['自治区林业和草原局']!, { deadline: { kind: 'ongoing' } }),
  };
  return { u, t };
}

const draft = (unitId: number, taskIds: number[], extra: Record<string, unknown> = {}) => ({
  docType: 'reminder',
  recipientUnitId: unitId,
  taskIds,
  issuedOn: '2026-11-24',
  replyDue: '2026-12-04',
  ...extra,
});

describe('the document register', () => {
  it('ships the four types with their templates and numbers each type per year, consecutively, from one', async () => {
    const { u, t } = await ledgerWithTasks();
    expect(ledger.documents.types().map((type) => [type.code, type.name])).toEqual([
      ['notice', '通报'],
      ['reminder', '提醒函'],
      ['supervision', '督办单'],
      ['monthly_report', '情况报告'],
    ]);
    const first = unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id, t.dam.id])));
    const second = unwrap(ledger.documents.issue(draft(u['自治区住房和城乡建设厅']!, [t.sewage.id])));
    const notice = unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id], { docType: 'notice' })));
    const nextYear = unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id], { issuedOn: '2027-01-05', replyDue: null })));
    expect([first.number, second.number, notice.number, nextYear.number]).toEqual([
      '某纪监驻环函〔2026〕1号',
      '某纪监驻环函〔2026〕2号',
      '某纪监驻环通〔2026〕1号',
      '某纪监驻环函〔2027〕1号',
    ]);
    expect(first).toMatchObject({
      recipient: '自治区水利厅',
      taskIds: [t.river.id, t.dam.id],
      state: 'issued',
      replyDue: '2026-12-04',
      title: '关于督促加快推进逾期整改任务的提醒函',
    });
    // What was printed is kept with the entry: the text names the unit, its overdue tasks and the dates.
    const text = JSON.stringify(first.content);
    expect(first.content).toMatchObject({ format: 'letter', number: '某纪监驻环函〔2026〕1号', addressee: '自治区水利厅', date: '2026-11-24' });
    expect(text).toContain('入河排污口排查整治进展滞后（任务编号2，整改时限：2026年6月30日，已逾期147天）');
    expect(text).toContain('请于2026年12月4日前');
    expect(listAudit(ledger.context.db, { entity: 'document' })).toHaveLength(4);
  });

  it('takes no number for a preview, and shows the one the document would get', async () => {
    const { u, t } = await ledgerWithTasks();
    for (let i = 0; i < 3; i++)
      expect(unwrap(ledger.documents.preview(draft(u['自治区水利厅']!, [t.river.id]))).document.number).toBe('某纪监驻环函〔2026〕1号');
    expect(unwrap(ledger.documents.nextNumber('reminder', 2026))).toBe('某纪监驻环函〔2026〕1号');
    expect(unwrap(ledger.documents.list())).toEqual([]);
    expect(unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id]))).number).toBe('某纪监驻环函〔2026〕1号');
  });

  it('never reuses a number: a voided document keeps its number and its entry, and many issues run on consecutively', async () => {
    const { u, t } = await ledgerWithTasks();
    const units = [u['自治区水利厅']!, u['自治区住房和城乡建设厅']!, u['自治区林业和草原局']!];
    const issued: string[] = [];
    for (let i = 0; i < 30; i++) {
      // Issues of two types interleaved, previews and voids between them, one refused issue in the middle.
      const type = i % 3 === 0 ? 'notice' : 'reminder';
      unwrap(ledger.documents.preview(draft(units[i % 3]!, [t.river.id], { docType: type })));
      if (i === 15) expect(failure(ledger.documents.issue(draft(units[0]!, [99_999], { docType: type }))).code).toBe('validation');
      const doc = unwrap(ledger.documents.issue(draft(units[i % 3]!, [t.river.id], { docType: type })));
      if (i % 4 === 1) unwrap(ledger.documents.void(doc.id, { voidedOn: '2026-11-25', reason: '收文单位有误，重新发文' }));
      issued.push(doc.number);
    }
    const serials = (pattern: RegExp) => issued.filter((n) => pattern.test(n)).map((n) => Number(/〕(\d+)号/.exec(n)![1]));
    expect(serials(/^某纪监驻环通/)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(serials(/^某纪监驻环函/)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const register = unwrap(ledger.documents.list());
    expect(register).toHaveLength(30);
    expect(new Set(register.map((d) => d.number)).size).toBe(30);
    expect(register.filter((d) => d.state === 'voided')).toHaveLength(8);
    const voided = register.find((d) => d.state === 'voided')!;
    expect(voided).toMatchObject({ voidedOn: '2026-11-25', voidReason: '收文单位有误，重新发文' });
    expect(failure(ledger.documents.void(voided.id, { voidedOn: '2026-11-26', reason: '再次作废' })).code).toBe('invalid_transition');
    expect(failure(ledger.documents.reply(voided.id, { repliedOn: '2026-11-26' })).code).toBe('invalid_transition');
  });

  it('lets an office start a year where its paper register left off, never below a number used', async () => {
    const { u, t } = await ledgerWithTasks();
    unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id])));
    expect(failure(ledger.documents.setCounter({ docType: 'reminder', year: 2026, nextSerial: 1 })).fields).toEqual([
      { field: 'nextSerial', code: 'number_below_used', params: { year: 2026, used: 1, next: 2 } },
    ]);
    expect(unwrap(ledger.documents.setCounter({ docType: 'reminder', year: 2026, nextSerial: 12 }))).toBe('某纪监驻环函〔2026〕12号');
    expect(unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id]))).number).toBe('某纪监驻环函〔2026〕12号');
    expect(unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id]))).number).toBe('某纪监驻环函〔2026〕13号');
  });

  it('lets only one ledger handle write: a second opening for writing is refused by the lock', async () => {
    await ledgerWithTasks();
    const second = await Ledger.open(ledger.store.path, { password: TEST_PASSWORD });
    expect(failure(second).code).toBe('ledger.in_use');
  });

  it('writes one letter per lead unit of the overdue tasks, its own tasks by number, numbered consecutively, all or none', async () => {
    const { t } = await ledgerWithTasks();
    const batch = { docType: 'reminder', overdueAsOf: '2026-11-24', issuedOn: '2026-11-24', replyDue: '2026-12-04' };
    const previews = unwrap(ledger.documents.previewBatch(batch));
    // In the order of the units list, each with its own overdue tasks (the finished one left out).
    const unitOrder = ledger.units.list().map((unit) => unit.name);
    expect(previews.map((p) => p.recipient)).toEqual(unitOrder.filter((name) => name !== '自治区林业和草原局'));
    expect(Object.fromEntries(previews.map((p) => [p.recipient, p.taskIds]))).toEqual({
      自治区水利厅: [t.river.id, t.dam.id],
      自治区住房和城乡建设厅: [t.sewage.id],
    });
    expect(previews.map((p) => p.document.number)).toEqual(['某纪监驻环函〔2026〕1号', '某纪监驻环函〔2026〕2号']);
    expect(unwrap(ledger.documents.list())).toEqual([]);
    const issued = unwrap(ledger.documents.issueBatch(batch));
    expect(issued.map((d) => [d.recipient, d.number, d.taskIds])).toEqual(previews.map((p) => [p.recipient, p.document.number, p.taskIds]));
    expect(JSON.stringify(issued.find((d) => d.recipient === '自治区水利厅')!.content)).toContain('以下2项整改任务');
    // Tasks overdue on an earlier date only: the dam (31 March) but not the river (30 June).
    const earlier = unwrap(ledger.documents.previewBatch({ ...batch, overdueAsOf: '2026-05-01' }));
    expect(earlier.map((p) => [p.recipient, p.taskIds, p.document.number])).toEqual([['自治区水利厅', [t.dam.id], '某纪监驻环函〔2026〕3号']]);
  });

  it('tracks replies, lists those awaited (overdue first) and chases one with a reminder linked to it', async () => {
    const { u, t } = await ledgerWithTasks();
    const a = unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id, t.dam.id], { replyDue: '2026-12-04' })));
    const b = unwrap(ledger.documents.issue(draft(u['自治区住房和城乡建设厅']!, [t.sewage.id], { replyDue: '2026-12-10' })));
    unwrap(ledger.documents.issue(draft(u['自治区住房和城乡建设厅']!, [t.sewage.id], { replyDue: null })));
    expect(ledger.documents.awaitingReply('2026-12-06' as never).map((r) => [r.document.id, r.overdue, r.daysLeft])).toEqual([
      [a.id, true, -2],
      [b.id, false, 4],
    ]);
    expect(failure(ledger.documents.reply(b.id, { repliedOn: '2026-11-01' })).fields).toEqual([
      { field: 'repliedOn', code: 'date_order', params: { date: '2026-11-01', other: '2026-11-24' } },
    ]);
    const replied = unwrap(ledger.documents.reply(b.id, { repliedOn: '2026-12-08', replyText: '已完成提标改造主体工程，预计12月底完成验收。' }));
    expect(replied).toMatchObject({ repliedOn: '2026-12-08', replyText: '已完成提标改造主体工程，预计12月底完成验收。' });
    unwrap(
      ledger.evidence.add({
        ownerKind: 'document',
        ownerId: b.id,
        fileName: '回复函.pdf',
        mediaType: 'application/pdf',
        bytes: new Uint8Array([37, 80, 68, 70]),
      }),
    );
    expect(ledger.evidence.list({ kind: 'document', id: b.id }).map((e) => e.fileName)).toEqual(['回复函.pdf']);
    expect(unwrap(ledger.documents.list({ replyOverdueAsOf: '2026-12-06' })).map((d) => d.id)).toEqual([a.id]);

    const chase = unwrap(ledger.documents.chase(a.id, { issuedOn: '2026-12-07', replyDue: '2026-12-14' }));
    expect(chase).toMatchObject({
      docType: 'reminder',
      chaseOf: a.id,
      recipientUnitId: u['自治区水利厅'],
      taskIds: [t.river.id, t.dam.id],
      number: '某纪监驻环函〔2026〕4号',
    });
    expect(chase.content.title).toBe('关于催报整改落实情况的提醒函');
    expect(JSON.stringify(chase.content)).toContain('我组于2026年11月24日向你单位发出《关于督促加快推进逾期整改任务的提醒函》（某纪监驻环函〔2026〕1号）');
  });

  it('records a reply only with what came, its text or a file, and keeps a correction in the change history', async () => {
    const { u, t } = await ledgerWithTasks();
    const doc = unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id])));
    expect(failure(ledger.documents.reply(doc.id, { repliedOn: '2026-12-01', replyText: '  ' })).fields).toEqual([
      { field: 'replyText', code: 'reply_content_required' },
    ]);
    expect(unwrap(ledger.documents.get(doc.id)).repliedOn).toBeNull();
    unwrap(
      ledger.evidence.add({
        ownerKind: 'document',
        ownerId: doc.id,
        fileName: '回复函.pdf',
        mediaType: 'application/pdf',
        bytes: new Uint8Array([37, 80, 68, 70]),
      }),
    );
    expect(unwrap(ledger.documents.reply(doc.id, { repliedOn: '2026-12-01' }))).toMatchObject({ repliedOn: '2026-12-01', replyText: '' });
    unwrap(ledger.documents.reply(doc.id, { repliedOn: '2026-12-02', replyText: '已完成排污口溯源。' }));
    const [correction] = listAudit(ledger.context.db, { entity: 'document', entityId: doc.id, limit: 1 });
    expect(correction).toMatchObject({
      action: 'update',
      before: { repliedOn: '2026-12-01', replyText: '' },
      after: { repliedOn: '2026-12-02', replyText: '已完成排污口溯源。' },
    });
  });

  it('warns, without refusing, of a chase before the original is due and of a letter about the same tasks within the office’s interval', async () => {
    const { u, t } = await ledgerWithTasks();
    const water = u['自治区水利厅']!;
    // A contact on file: no sentence of the templates is left out.
    unwrap(ledger.documents.setOffice({ ...ledger.documents.office(), contact: '王建国', phone: '0471-6941001' }));
    const original = unwrap(ledger.documents.issue(draft(water, [t.river.id, t.dam.id], { issuedOn: '2026-11-20', replyDue: '2026-11-30' })));
    // Chased before its reply is due; the original itself is not also "sent lately".
    const early = unwrap(ledger.documents.previewChase(original.id, { issuedOn: '2026-11-24', replyDue: '2026-12-04' }));
    expect(early.warnings).toEqual([{ code: 'reply_not_due', number: original.number, replyDue: '2026-11-30' }]);
    expect(early.document.number).toBe('某纪监驻环函〔2026〕2号');
    expect(unwrap(ledger.documents.list())).toHaveLength(1);
    // Past its due date, nothing to say of the original; without a reply date the sentence asking for one is left out, and said so.
    expect(unwrap(ledger.documents.previewChase(original.id, { issuedOn: '2026-12-01', replyDue: null })).warnings.map((w) => w.code)).toEqual([
      'sentence_left_out',
    ]);

    // The office's interval (7 days unless it says otherwise), counted back from the new letter's date, for any task in common.
    const batch = { docType: 'reminder', overdueAsOf: '2026-11-24', issuedOn: '2026-11-27', replyDue: '2026-12-10' };
    const recent = { code: 'recently_sent', number: original.number, issuedOn: '2026-11-20' };
    const warnings = (issuedOn: string) =>
      Object.fromEntries(unwrap(ledger.documents.previewBatch({ ...batch, issuedOn })).map((p) => [p.recipient, p.warnings]));
    expect(warnings('2026-11-27')).toEqual({ 自治区水利厅: [recent], 自治区住房和城乡建设厅: [] });
    expect(unwrap(ledger.documents.preview(draft(water, [t.done.id], { issuedOn: '2026-11-27' }))).warnings).toEqual([]);
    expect(warnings('2026-11-28')['自治区水利厅']).toEqual([]);
    unwrap(ledger.documents.setOffice({ ...ledger.documents.office(), reminderIntervalDays: 10 }));
    expect(warnings('2026-11-30')['自治区水利厅']).toEqual([recent]);
    // A voided letter was never sent.
    unwrap(ledger.documents.void(original.id, { voidedOn: '2026-11-21', reason: '文号有误' }));
    expect(warnings('2026-11-27')['自治区水利厅']).toEqual([]);
  });

  it('refuses a template with an unknown field or a broken loop, saying where', async () => {
    ledger = await newLedger();
    const saved = unwrap(
      ledger.documents.createTemplate({ name: '简短提醒', format: 'letter', source: '标题：提醒函\n主送：{{收文单位}}\n请于{{回复期限}}前反馈。' }),
    );
    expect(
      failure(ledger.documents.updateTemplate(saved.id, { name: '简短提醒', format: 'letter', source: '标题：提醒函\n{{#任务}}\n{{整改任务}}\n' })).fields,
    ).toEqual([{ field: 'source', code: 'template_unclosed_loop', params: { line: 2, column: 1, name: '任务' } }]);
    expect(ledger.documents.checkTemplate({ source: '标题：x\n请于{{回复日期}}前', format: 'standard', sample: null }).problem).toEqual({
      code: 'template_unknown_field',
      line: 2,
      column: 3,
      name: '回复日期',
    });
    const type = unwrap(ledger.documents.createType({ name: '约谈通知', numberPattern: '某纪监驻环约〔{YYYY}〕{N}号', templateId: saved.id }));
    expect(type).toMatchObject({ code: 'custom-5', builtin: false });
    expect(failure(ledger.documents.createType({ name: '工作提示', numberPattern: '某纪监驻环〔2026〕号', templateId: saved.id })).fields).toEqual([
      { field: 'numberPattern', code: 'invalid_number_pattern' },
    ]);
    expect(failure(ledger.documents.removeTemplate(saved.id)).code).toBe('in_use');
  });

  it('prints each type sealed or unsealed as the type says: a 提醒函 unsealed, a notice sealed, as the office changes it', async () => {
    const { u, t } = await ledgerWithTasks();
    const types = ledger.documents.types();
    expect(types.map((type) => [type.code, type.sealed])).toEqual([
      ['notice', true],
      ['reminder', false],
      ['supervision', true],
      ['monthly_report', true],
    ]);
    const issue = (docType: string) => unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id], { docType }))).content.sealed;
    expect([issue('notice'), issue('reminder')]).toEqual([true, false]);
    const notice = types.find((type) => type.code === 'notice')!;
    unwrap(ledger.documents.updateType(notice.id, { name: notice.name, numberPattern: notice.numberPattern, templateId: notice.templateId, sealed: false }));
    expect(issue('notice')).toBe(false);
  });

  it('warns, before issuing, of a sentence the template leaves out for a field the office has not set', async () => {
    const { u, t } = await ledgerWithTasks();
    const warnings = () => unwrap(ledger.documents.preview(draft(u['自治区水利厅']!, [t.river.id], { docType: 'notice' }))).warnings;
    expect(warnings()).toContainEqual({ code: 'sentence_left_out', sentence: '联系人：……，联系电话：……。', fields: ['contact', 'phone'] });
    unwrap(ledger.documents.setOffice({ ...ledger.documents.office(), contact: '王建国', phone: '0471-6941001' }));
    expect(warnings()).toEqual([]);
  });

  it('prints the issuer mark at the office’s size, and keeps on an issued document the size it was issued at', async () => {
    const { u, t } = await ledgerWithTasks();
    const issue = () => unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id], { docType: 'notice' })));
    const before = issue();
    expect(before.content.issuerMarkPt).toBe(42);
    unwrap(ledger.documents.setOffice({ ...ledger.documents.office(), issuerMarkPt: 48 }));
    expect(unwrap(ledger.documents.preview(draft(u['自治区水利厅']!, [t.river.id]))).document.issuerMarkPt).toBe(48);
    expect(issue().content.issuerMarkPt).toBe(48);
    expect(unwrap(ledger.documents.get(before.id)).content.issuerMarkPt).toBe(42);
  });

  it('sets digits and Latin letters as the office chose when a document is composed, one issued before keeping its own', async () => {
    const { u, t } = await ledgerWithTasks();
    const issue = () => unwrap(ledger.documents.issue(draft(u['自治区水利厅']!, [t.river.id], { docType: 'notice' })));
    const before = issue();
    expect(before.content.latinFace).toBe('chinese');
    unwrap(ledger.documents.setOffice({ ...ledger.documents.office(), latinFace: 'times' }));
    expect(issue().content.latinFace).toBe('times');
    expect(unwrap(ledger.documents.get(before.id)).content.latinFace).toBe('chinese');
    expect(failure(ledger.documents.setOffice({ ...ledger.documents.office(), latinFace: 'arial' as never })).code).toBe('validation');
  });
});
