import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { ImportOptions } from '../../../src/core/excel/import/model';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes, WORKBOOKS, workbookBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const file = (bytes: Buffer, fileName = '导入.xlsx') => ({ fileName, bytes: new Uint8Array(bytes) });
const preview = async (bytes: Buffer, options: ImportOptions = {}) => unwrap(await ledger.exchange.imports.preview(file(bytes), options));

const TASK_HEADER = ['序号', '督察反馈问题', '责任单位', '整改时限', '整改进展'];

describe('importing tasks', () => {
  it('shows an update field by field, old → new, and keeps what a blank cell does not say', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['自治区生态环境厅', '自治区水利厅']);
    addTask(ledger, '1', u['自治区生态环境厅']!, { goal: '建立长效机制', deadline: { kind: 'date', date: '2024-06-30' } });
    const bytes = await sheetBytes([
      ['序号', '督察反馈问题', '整改目标', '责任单位', '整改时限'],
      ['1', '第1项问题：入河排污口排查整治进展滞后', null, '自治区水利厅', '2024年12月底前'],
    ]);
    const planned = await preview(bytes);
    expect(planned.counts).toMatchObject({ update: 1, create: 0 });
    expect(planned.rows[0]!.changes).toEqual([
      { field: 'leadUnits', before: { t: 'list', v: ['自治区生态环境厅'] }, after: { t: 'list', v: ['自治区水利厅'] } },
      {
        field: 'deadline',
        before: { t: 'deadline', v: { kind: 'date', date: '2024-06-30' } },
        after: { t: 'deadline', v: { kind: 'date', date: '2024-12-31' } },
      },
    ]);
    unwrap(ledger.exchange.imports.apply(planned.importId));
    const task = unwrap(ledger.tasks.get(unwrap(ledger.tasks.list()).rows[0]!.id));
    expect(task).toMatchObject({ goal: '建立长效机制', leadUnitIds: [u['自治区水利厅']], deadline: { kind: 'date', date: '2024-12-31' } });
  });

  it('offers close unit names for a misspelt one, and takes the one the user chooses', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['自治区生态环境厅', '自治区水利厅']);
    const bytes = await sheetBytes([TASK_HEADER, ['1', '排污口整治滞后', '自治区生态环镜厅', '立行立改', '']]);
    const first = await preview(bytes);
    expect(first.units).toEqual([
      {
        name: '自治区生态环镜厅',
        rows: 1,
        match: null,
        suggestions: [expect.objectContaining({ unitId: u['自治区生态环境厅'], name: '自治区生态环境厅' })],
        decision: null,
        collective: false,
        group: null,
        suggestedMembers: null,
      },
    ]);
    expect(first.counts.error).toBe(1);
    const decided = unwrap(ledger.exchange.imports.revise(first.importId, { units: { 自治区生态环镜厅: { action: 'use', unitId: u['自治区生态环境厅']! } } }));
    expect(decided.counts).toMatchObject({ create: 1, error: 0 });
    unwrap(ledger.exchange.imports.apply(decided.importId));
    expect(ledger.units.list()).toHaveLength(2);
    expect(unwrap(ledger.tasks.list()).rows[0]!.leadUnits.map((x) => x.name)).toEqual(['自治区生态环境厅']);
  });

  it('passes over blank rows, notes and the 合计 row, saying which and why', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['自治区水利厅']);
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('清单');
      sheet.addRow(['整改任务清单']);
      sheet.addRow(TASK_HEADER);
      sheet.addRow([1, 2, 3, 4, 5]);
      sheet.addRow(['1', '湖泊补水推进缓慢', '自治区水利厅', '2024.6.30', '序时推进']);
      sheet.addRow([]);
      sheet.addRow(['2', null, null, null, null]);
      sheet.addRow(['3', '河道整治滞后', '自治区水利厅', new Date(Date.UTC(2024, 8, 30)), '已销号']);
      sheet.addRow(['合计', '2项']);
      sheet.addRow(['注：整改时限以方案为准']);
    });
    const planned = await preview(bytes);
    expect(planned.headerRows).toEqual([2]);
    expect(planned.rows.map((r) => [r.row, r.action, r.skipReason ?? ''])).toEqual([
      [3, 'skip', 'column_numbers'],
      [4, 'create', ''],
      [5, 'skip', 'blank'],
      [6, 'skip', 'blank'],
      [7, 'create', ''],
      [8, 'skip', 'total'],
      [9, 'skip', 'note'],
    ]);
    expect(planned.rows[4]!.issues).toEqual([{ severity: 'warning', code: 'closed_needs_close_out', field: 'status' }]);
    const result = unwrap(ledger.exchange.imports.apply(planned.importId));
    expect(result).toMatchObject({ created: 2, skipped: 5 });
    expect(unwrap(ledger.tasks.list()).rows.map((t) => [t.number, t.deadline, t.status])).toEqual([
      ['1', { kind: 'date', date: '2024-06-30' }, 'in_progress'],
      ['3', { kind: 'date', date: '2024-09-30' }, 'completed'],
    ]);
  });

  it('finds the data on a later sheet, and reads formulas by their cached result', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['自治区水利厅']);
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('填表说明').addRow(['请按要求填写，时限写到月']);
      const data = workbook.addWorksheet('任务清单');
      data.addRow(TASK_HEADER);
      data.addRow([{ formula: 'ROW()-1', result: 1 }, '湖泊补水推进缓慢', { formula: '"自治区"&"水利厅"', result: '自治区水利厅' }, 45473, '']);
    });
    const planned = await preview(bytes);
    expect(planned).toMatchObject({ sheet: '任务清单', sheets: [{ name: '填表说明' }, { name: '任务清单' }] });
    expect(planned.rows[0]).toMatchObject({ key: '1', action: 'create' });
    expect(planned.rows[0]!.changes).toContainEqual({
      field: 'deadline',
      before: { t: 'empty' },
      after: { t: 'deadline', v: { kind: 'date', date: '2024-06-30' } },
    });
  });

  it('marks each row that cannot be read, and imports the rest', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['自治区水利厅']);
    const bytes = await sheetBytes([
      TASK_HEADER,
      ['1', '湖泊补水推进缓慢', '自治区水利厅', '明年', ''],
      ['2', '', '自治区水利厅', '2024-06-30', '说不清'],
      ['1', '重复的编号', '自治区水利厅', '2024-06-30', ''],
      ['3', '河道整治滞后', '自治区水利厅', '2024-06-30', ''],
    ]);
    const planned = await preview(bytes);
    expect(planned.rows.map((r) => r.issues.map((i) => `${i.severity}:${i.code}:${i.field}`))).toEqual([
      ['error:unknown_word:deadline'],
      ['error:unknown_word:status', 'error:required:problem'],
      ['error:duplicate_in_file:number'],
      [],
    ]);
    expect(planned.rows[2]!.issues[0]!.params).toEqual({ row: 2 });
    const told = unwrap(ledger.exchange.imports.revise(planned.importId, { words: { deadline: { 明年: '2025-12-31' }, status: { 说不清: 'pending' } } }));
    expect(unwrap(ledger.exchange.imports.apply(told.importId))).toMatchObject({ created: 2, errors: 2 });
    expect(unwrap(ledger.tasks.list()).rows.map((t) => t.number)).toEqual(['1', '3']);
  });
});

describe('words the import does not know', () => {
  it('asks what a status not on the list stands for, naming its cells, and refuses to write until told', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['自治区水利厅']);
    const bytes = await sheetBytes([
      TASK_HEADER,
      ['1', '湖泊补水推进缓慢', '自治区水利厅', '2024-06-30', '基本完成'],
      ['2', '河道整治滞后', '自治区水利厅', '2024-06-30', '已完成'],
      ['3', '排污口整治滞后', '自治区水利厅', '2024-06-30', ' 基本 完成 '],
    ]);
    const asked = await preview(bytes);
    expect(asked.words).toEqual([
      {
        field: 'status',
        text: '基本完成',
        cells: ['E2', 'E4'],
        count: 2,
        choice: { as: 'enum', enumName: 'taskStatus', values: ['pending', 'in_progress', 'completed', 'closed'] },
        decision: null,
      },
    ]);
    expect(asked.rows.map((r) => [r.action, r.issues.map((i) => `${i.code}:${i.params?.cell ?? ''}`)])).toEqual([
      ['error', ['unknown_word:E2']],
      ['create', []],
      ['error', ['unknown_word:E4']],
    ]);
    expect(failure(ledger.exchange.imports.apply(asked.importId))).toMatchObject({
      code: 'excel.words_undecided',
      params: { count: 1, cell: 'E2', value: '基本完成' },
    });
    expect(unwrap(ledger.tasks.list()).total).toBe(0);

    const told = unwrap(ledger.exchange.imports.revise(asked.importId, { words: { status: { 基本完成: 'in_progress' } } }));
    expect(told.words[0]).toMatchObject({ text: '基本完成', decision: 'in_progress' });
    expect(told.counts).toMatchObject({ create: 3, error: 0 });
    unwrap(ledger.exchange.imports.apply(told.importId));
    expect(unwrap(ledger.tasks.list()).rows.map((t) => [t.number, t.status])).toEqual([
      ['1', 'in_progress'],
      ['2', 'completed'],
      ['3', 'in_progress'],
    ]);
  });

  it('reads no word by a part of it: 基本完成 is not 完成, 未完成 is not 完成, 光污染 is no kind', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['自治区水利厅']);
    const progress = await preview(
      await sheetBytes([
        ['任务编号', '责任单位', '本月进展', '进展状态'],
        ['1', '自治区水利厅', '主体完工', '基本完成'],
        ['2', '自治区水利厅', '推进中', '未完成'],
      ]),
      { kind: 'progress', period: '2024-05' },
    );
    expect(progress.words.map((w) => [w.field, w.text])).toEqual([
      ['state', '基本完成'],
      ['state', '未完成'],
    ]);
    const petitions = await preview(
      await sheetBytes([
        ['受理编号', '反映问题', '污染类型', '是否属实', '办结情况'],
        ['D1', '异味扰民', '光污染', '基本属实', '基本办结'],
        ['D2', '噪声扰民', '噪声', '属实', '已办结'],
      ]),
      { kind: 'petitions' },
    );
    expect(petitions.words.map((w) => [w.field, w.text])).toEqual([
      ['pollutionKinds', '光污染'],
      ['completion', '基本办结'],
    ]);
    expect(petitions.rows[1]).toMatchObject({ action: 'create', issues: [] });
  });

  it('asks about a deadline it cannot read as a whole, and takes a date or a kind for it', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['自治区水利厅']);
    const bytes = await sheetBytes([
      TASK_HEADER,
      ['1', '湖泊补水推进缓慢', '自治区水利厅', '2024年底前完成并长期坚持', ''],
      ['2', '河道整治滞后', '自治区水利厅', '尽快', ''],
      ['3', '排污口整治滞后', '自治区水利厅', '立行立改、长期坚持', ''],
    ]);
    const asked = await preview(bytes);
    expect(asked.words.map((w) => [w.field, w.text, w.cells, w.choice])).toEqual([
      ['deadline', '2024年底前完成并长期坚持', ['D2'], { as: 'deadline' }],
      ['deadline', '尽快', ['D3'], { as: 'deadline' }],
    ]);
    expect(asked.rows[2]).toMatchObject({ action: 'create', issues: [{ code: 'deadline_immediate_and_ongoing' }] });
    const told = unwrap(
      ledger.exchange.imports.revise(asked.importId, { words: { deadline: { '2024年底前完成并长期坚持': '2024-12-31', 尽快: 'immediate' } } }),
    );
    unwrap(ledger.exchange.imports.apply(told.importId));
    expect(unwrap(ledger.tasks.list()).rows.map((t) => t.deadline)).toEqual([{ kind: 'date', date: '2024-12-31' }, { kind: 'immediate' }, { kind: 'ongoing' }]);
  });
});

describe('the column mapping', () => {
  it('can be corrected by the user, and is remembered for the next file of the same shape', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['自治区水利厅']);
    const rows = [
      ['编号', '督察反馈问题', '主办处室', '整改时限'],
      ['1', '湖泊补水推进缓慢', '自治区水利厅', '2024-06-30'],
    ];
    const first = await preview(await sheetBytes(rows), { kind: 'tasks' });
    expect(first.missingFields).toEqual(['leadUnits']);
    expect(first.columns.map((c) => [c.letters, c.label, c.field, c.source])).toEqual([
      ['A', '编号', 'number', 'detected'],
      ['B', '督察反馈问题', 'problem', 'detected'],
      ['C', '主办处室', null, 'none'],
      ['D', '整改时限', 'deadline', 'detected'],
    ]);
    expect(first.columns[2]!.samples).toEqual(['自治区水利厅']);
    const corrected = unwrap(ledger.exchange.imports.revise(first.importId, { kind: 'tasks', mapping: { '3': 'leadUnits' } }));
    expect(corrected).toMatchObject({ missingFields: [], counts: { create: 1 } });
    unwrap(ledger.exchange.imports.apply(corrected.importId));

    const next = await preview(await sheetBytes([rows[0]!, ['2', '河道整治滞后', '自治区水利厅', '2024-09-30']]));
    expect(next.kind).toBe('tasks');
    expect(next.columns[2]).toMatchObject({ field: 'leadUnits', source: 'remembered' });
    expect(next.counts).toMatchObject({ create: 1, error: 0 });
  });
});

describe('importing progress reports', () => {
  it('reads each row as a task, its unit and the month chosen, and a second import replaces the reports', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['自治区水利厅', '东川市人民政府']);
    addTask(ledger, '1', u['自治区水利厅']!);
    addTask(ledger, '2', u['自治区水利厅']!, { cooperatingUnitIds: [u['东川市人民政府']!] });
    const rows = [
      ['序号', '责任单位', '本月进展', '进展状态', '存在问题', '下一步计划', '填报人', '联系电话'],
      ['1', null, '完成排查', '序时推进', '资金不足', '加快建设', '张三', '0471-6941003'],
      ['2', '东川市人民政府', '配合开展', '滞后', '', '', '李四', ''],
    ];
    const planned = await preview(await sheetBytes(rows), { period: '2024-05' });
    expect(planned.kind).toBe('progress');
    expect(planned.counts).toMatchObject({ create: 2, error: 0 });
    unwrap(ledger.exchange.imports.apply(planned.importId));
    expect(ledger.progress.ofPeriod('2024-05' as never).map((r) => [r.taskNumber, r.unitName, r.state, r.reporter])).toEqual([
      ['1', '自治区水利厅', 'on_track', '张三'],
      ['2', '东川市人民政府', 'behind', '李四'],
    ]);
    const again = await preview(await sheetBytes([rows[0]!, ['1', null, '完成排查和整治', '已完成', '', '', '', '']]), { period: '2024-05' });
    expect(again.rows[0]).toMatchObject({ action: 'update' });
    expect(again.rows[0]!.changes.map((c) => c.field)).toEqual(['state', 'progress']);
  });

  it('needs a month, a known task and a unit responsible for it', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['自治区水利厅', '东川市人民政府']);
    addTask(ledger, '1', u['自治区水利厅']!);
    const rows = [
      ['任务编号', '责任单位', '本月进展', '进展状态'],
      ['1', '东川市人民政府', '配合开展', '序时推进'],
      ['9', null, '配合开展', '序时推进'],
    ];
    const planned = await preview(await sheetBytes(rows), { kind: 'progress' });
    expect(planned.rows.map((r) => r.issues.map((i) => i.code))).toEqual([
      ['not_responsible_unit', 'required'],
      ['unknown_task', 'required'],
    ]);
  });

  it('says of a month it cannot read that it cannot, and not also that it is missing', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['自治区水利厅']);
    addTask(ledger, '1', u['自治区水利厅']!);
    const rows = [
      ['任务编号', '责任单位', '月份', '本月进展', '进展状态'],
      ['1', '自治区水利厅', '下个月', '推进中', '序时推进'],
      ['1', '自治区水利厅', null, '推进中', '序时推进'],
    ];
    const planned = await preview(await sheetBytes(rows), { kind: 'progress' });
    expect(planned.rows.map((r) => r.issues.map((i) => `${i.field}:${i.code}`))).toEqual([['period:invalid_period'], ['period:required']]);
  });
});

describe('what an import refuses, changing nothing', () => {
  it.each([
    ['old-format.xls', 'excel.old_format'],
    ['wps-format.et', 'excel.old_format'],
    ['encrypted.xlsx', 'excel.encrypted'],
  ])('%s: %s', async (name, code) => {
    ledger = await newLedger();
    expect(failure(await ledger.exchange.imports.preview({ path: join(WORKBOOKS, name) })).code).toBe(code);
  });

  it('a CSV file, and a workbook with no table it knows', async () => {
    ledger = await newLedger();
    expect(failure(await ledger.exchange.imports.preview(file(Buffer.from('序号,受理编号\n1,D1\n'), '信访件.csv'))).code).toBe('excel.text_file');
    expect(
      failure(
        await ledger.exchange.imports.preview(
          file(
            await sheetBytes([
              ['姓名', '年龄'],
              ['张三', 30],
            ]),
          ),
        ),
      ).code,
    ).toBe('excel.no_table');
  });
});
