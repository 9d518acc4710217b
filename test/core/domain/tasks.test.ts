import { afterEach, describe, expect, it, vi } from 'vitest';
import { listAudit } from '../../../src/core/audit/audit-log';
import type { Ledger } from '../../../src/core/ledger';
import { taskInput } from '../../../src/core/tasks/model';
import { loadTask, loadTasks } from '../../../src/core/tasks/service';
import type { Reader } from '../../../src/core/storage/database';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

describe('tasks', () => {
  it('keep their lead and co-operating units in order, their measures and each kind of deadline', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅', '水利厅', '住建厅']);
    const measure = unwrap(ledger.measures.create({ number: '1', content: '开展入河排污口排查' }));
    const task = addTask(ledger, '3', u['水利厅']!, {
      leadUnitIds: [u['水利厅']!, u['生态环境厅']!],
      cooperatingUnitIds: [u['住建厅']!, u['住建厅']!],
      measureIds: [measure.id],
      deadline: { kind: 'immediate' },
      responsibleLeader: '分管副厅长',
    });
    expect(task).toMatchObject({
      leadUnitIds: [u['水利厅'], u['生态环境厅']],
      cooperatingUnitIds: [u['住建厅']],
      measureIds: [measure.id],
      deadline: { kind: 'immediate' },
      status: 'pending',
    });
    const ongoing = unwrap(ledger.tasks.update(task.id, { ...task, deadline: { kind: 'ongoing' } }));
    expect(ongoing.deadline).toEqual({ kind: 'ongoing' });
    expect(unwrap(ledger.measures.get(measure.id)).taskIds).toEqual([task.id]);
  });

  it('are read many at once as one at a time, in the order asked, in four reads however many', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅', '水利厅', '住建厅', '自然资源厅']);
    const group = unwrap(ledger.unitGroups.create({ name: '厅直部门', members: { by: 'list', unitIds: [u['住建厅']!, u['自然资源厅']!] } }));
    const [first, second] = ['1', '2'].map((number) => unwrap(ledger.measures.create({ number, content: `措施${number}` })));
    const tasks = [
      addTask(ledger, '1', u['水利厅']!, {
        leadUnitIds: [u['水利厅']!, u['生态环境厅']!],
        cooperatingUnitIds: [u['住建厅']!],
        measureIds: [second!.id, first!.id],
      }),
      addTask(ledger, '2', u['生态环境厅']!, { leadUnitIds: [], leadGroupIds: [group.id], deadline: { kind: 'ongoing' } }),
      addTask(ledger, '3', u['自然资源厅']!, {
        cooperatingUnitIds: [u['生态环境厅']!, u['水利厅']!],
        cooperatingGroupIds: [group.id],
        measureIds: [first!.id],
      }),
    ];
    const read: string[] = [];
    const db: Reader = {
      all: (sql, params) => {
        read.push(sql);
        return ledger.context.db.all(sql, params);
      },
      get: (sql, params) => {
        read.push(sql);
        return ledger.context.db.get(sql, params);
      },
    };
    const asked = [tasks[2]!.id, 9999, tasks[0]!.id, tasks[1]!.id];
    const many = loadTasks(db, asked);
    expect(read).toHaveLength(4);
    expect(many).toEqual(asked.map((id) => loadTask(ledger.context.db, id)));
    expect(many).toEqual([tasks[2], undefined, tasks[0], tasks[1]]);
  });

  it('say that no unit leads a task whatever else is missing, so a form shows every missing field at once', () => {
    const parsed = taskInput.safeParse({ problem: '问题', deadline: { kind: 'ongoing' }, leadUnitIds: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['number', 'leadUnitIds']));
  });

  it('say what is wrong: no lead unit, a unit both leading and co-operating, a bad date, an unknown unit', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    const noLead = failure(ledger.tasks.create({ number: '1', problem: '问题', deadline: { kind: 'date', date: '2024-02-30' }, leadUnitIds: [] }));
    expect(noLead.fields).toEqual(
      expect.arrayContaining([
        { field: 'leadUnitIds', code: 'required' },
        { field: 'deadline.date', code: 'invalid_date' },
      ]),
    );
    const both = failure(
      ledger.tasks.create({
        number: '1',
        problem: '问题',
        deadline: { kind: 'ongoing' },
        leadUnitIds: [u['生态环境厅']!],
        cooperatingUnitIds: [u['生态环境厅']!],
      }),
    );
    expect(both.fields).toEqual([{ field: 'cooperatingUnitIds', code: 'lead_and_cooperating' }]);
    const unknown = failure(ledger.tasks.create({ number: '1', problem: '问题', deadline: { kind: 'ongoing' }, leadUnitIds: [999] }));
    expect(unknown.fields).toEqual([{ field: 'leadUnitIds', code: 'unknown_reference', params: { id: 999 } }]);
    expect(failure(ledger.tasks.create({ number: '1', problem: '问题', deadline: { kind: 'soon' } as never, leadUnitIds: [u['生态环境厅']!] })).fields).toEqual(
      [{ field: 'deadline.kind', code: 'invalid_choice' }],
    );
  });

  it('refuse a number taken in the same inspection, and a parent that would make a loop', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    const parent = addTask(ledger, '1', u['生态环境厅']!);
    expect(failure(ledger.tasks.create({ number: '1', problem: '另一项', deadline: { kind: 'ongoing' }, leadUnitIds: [u['生态环境厅']!] })).fields).toEqual([
      { field: 'number', code: 'duplicate' },
    ]);
    const child = addTask(ledger, '1', u['生态环境厅']!, { parentId: parent.id });
    const grandchild = addTask(ledger, '1', u['生态环境厅']!, { parentId: child.id });
    expect(failure(ledger.tasks.update(parent.id, { ...parent, parentId: grandchild.id })).fields).toEqual([{ field: 'parentId', code: 'parent_cycle' }]);
    expect(failure(ledger.tasks.update(parent.id, { ...parent, parentId: parent.id })).fields).toEqual([{ field: 'parentId', code: 'parent_cycle' }]);
  });

  it('become closed only through an approved close-out, never by editing', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    const task = addTask(ledger, '1', u['生态环境厅']!);
    expect(failure(ledger.tasks.update(task.id, { ...task, status: 'closed' }))).toMatchObject({
      code: 'invalid_transition',
      params: { from: 'pending', to: 'closed' },
    });
    expect(unwrap(ledger.tasks.update(task.id, { ...task, status: 'completed' })).status).toBe('completed');
  });

  it('list in the natural order of their numbers, filtered by unit, status, overdue and words', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅', '水利厅']);
    for (const number of ['10', '2', '1.10', '1.2']) addTask(ledger, number, u['生态环境厅']!);
    addTask(ledger, '3', u['水利厅']!, { problem: '尾矿库环境风险隐患排查整治不到位', deadline: { kind: 'date', date: '2025-12-31' } });
    const numbers = (query: Parameters<Ledger['tasks']['list']>[0]) => unwrap(ledger.tasks.list(query)).rows.map((t) => t.number);
    expect(numbers({})).toEqual(['1.2', '1.10', '2', '3', '10']);
    expect(numbers({ descending: true })).toEqual(['10', '3', '2', '1.10', '1.2']);
    expect(numbers({ unitId: u['水利厅']! })).toEqual(['3']);
    expect(numbers({ search: '尾矿' })).toEqual(['3']);
    expect(numbers({ search: '%' })).toEqual([]);
    expect(numbers({ overdueAsOf: '2025-01-01' })).toEqual(['1.2', '1.10', '2', '10']);
    expect(numbers({ sort: 'deadline', descending: true, limit: 2 })).toEqual(['3', '1.2']);
    expect(unwrap(ledger.tasks.counts({ unitId: u['生态环境厅']!, statuses: ['closed'] }))).toEqual({ pending: 4, in_progress: 0, completed: 0, closed: 0 });
    const page = unwrap(ledger.tasks.list({ limit: 2, offset: 2 }));
    expect(page).toMatchObject({ total: 5, rows: [{ number: '2', leadUnits: [{ name: '生态环境厅' }] }, { number: '3' }] });
  });

  it('are not deleted while they hold history, and the audit log keeps what a deletion removed', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    const reported = addTask(ledger, '1', u['生态环境厅']!);
    unwrap(ledger.progress.submit({ taskId: reported.id, unitId: u['生态环境厅']!, period: '2024-05', state: 'on_track' }));
    expect(failure(ledger.tasks.remove(reported.id))).toMatchObject({ code: 'in_use', params: { uses: 'progress_reports:1' } });
    const fresh = addTask(ledger, '2', u['生态环境厅']!);
    unwrap(ledger.tasks.remove(fresh.id));
    const [removal] = listAudit(ledger.context.db, { entity: 'task', entityId: fresh.id });
    expect(removal).toMatchObject({ action: 'delete', after: null, before: { number: '2', leadUnitIds: [u['生态环境厅']] } });
  });
});

describe('measures', () => {
  it('serve several tasks, and deleting one takes it off each task, audited', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['生态环境厅']);
    const measure = unwrap(ledger.measures.create({ number: '2', content: '建立问题清单和整改台账' }));
    const other = unwrap(ledger.measures.create({ number: '10', content: '定期调度整改进展' }));
    const a = addTask(ledger, '1', u['生态环境厅']!, { measureIds: [measure.id, other.id] });
    const b = addTask(ledger, '2', u['生态环境厅']!, { measureIds: [measure.id] });
    expect(ledger.measures.list().map((m) => m.number)).toEqual(['2', '10']);
    expect(ledger.measures.list({ taskId: b.id }).map((m) => m.id)).toEqual([measure.id]);
    expect(failure(ledger.measures.create({ number: '2', content: '重复编号' })).fields).toEqual([{ field: 'number', code: 'duplicate' }]);
    unwrap(ledger.measures.remove(measure.id));
    expect(unwrap(ledger.tasks.get(a.id)).measureIds).toEqual([other.id]);
    expect(unwrap(ledger.tasks.get(b.id)).measureIds).toEqual([]);
    expect(listAudit(ledger.context.db, { entity: 'task', entityId: b.id })[0]).toMatchObject({
      action: 'update',
      before: { measureIds: [measure.id] },
      after: { measureIds: [] },
    });
  });
});
