import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../../src/core/ledger';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import type { PackageFile } from '../../../src/core/excel/packages/model';
import type { Period } from '../../../src/shared/dates';
import { ledgerFactory, TEST_PASSWORD } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { loadWithExcelJS, resaveWithLibreOffice, WORKBOOKS } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
let ledger: Ledger;
afterEach(() => ledger?.close());

const NOVEMBER = '2026-11' as Period;
const sample = (name: string) => ({ path: join(WORKBOOKS, name) });
const file = (bytes: Uint8Array, fileName = '填报表.xlsx') => ({ fileName, bytes });

async function taskLedger(): Promise<Ledger> {
  const l = await newLedger({ clock: () => new Date('2026-11-25T09:00:00+08:00') });
  unwrap(await l.exchange.imports.importFile(sample('units.xlsx'), {}, false));
  unwrap(
    await l.exchange.imports.importFile(
      sample('rectification-tasks.xlsx'),
      { units: { '各盟市人民政府（行政公署）': { action: 'createGroup' as const, members: { by: 'kind' as const, kind: 'city' as const } } } },
      false,
    ),
  );
  return l;
}

const unitFile = (files: readonly PackageFile[], name: string) => files.find((f) => f.unitName === name)!;

/** The unit fills in its rows (a state and a sentence each) and saves, as exceljs writes. */
async function fillIn(bytes: Uint8Array, edit?: (sheet: import('exceljs').Worksheet) => void): Promise<Buffer> {
  const book = await loadWithExcelJS(bytes);
  const sheet = book.getWorksheet('进展填报')!;
  for (let row = 4; row <= sheet.rowCount; row++) {
    sheet.getCell(row, 6).value = `第${row - 3}项本月已完成现场核查`;
    sheet.getCell(row, 7).value = row % 2 === 0 ? '序时推进' : '滞后';
    sheet.getCell(row, 8).value = '资金缺口较大';
  }
  sheet.getCell(4, 11).value = '王建国';
  sheet.getCell(4, 12).value = '0471-6941001';
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('unit workbooks sent out', () => {
  it('one per unit with open tasks: fixed columns locked, a list for the state, instructions, the code in three places, printable', async () => {
    ledger = await taskLedger();
    const sent = unwrap(await ledger.exchange.packages.export({ period: NOVEMBER, returnBy: '2026-12-05' }));
    expect(sent.files.map((f) => [f.unitName, f.tasks])).toContainEqual(['自治区生态环境厅', 4]);
    // 14 tasks led and 6 co-operated on; task 7 is completed, so nobody reports on it; task 14, given to
    // 各盟市人民政府（行政公署）, is in the workbook of each of the five 盟市.
    expect(sent.files.reduce((n, f) => n + f.tasks, 0)).toBe(18 + 5);
    expect(sent.withoutTasks.map((u) => u.unitName)).toEqual(['自治区农牧厅']);
    const env = unitFile(sent.files, '自治区生态环境厅');
    expect(env.fileName).toBe('2026年11月整改进展填报表-自治区生态环境厅.xlsx');
    const book = await loadWithExcelJS(env.bytes);
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['进展填报', 'visible'],
      ['填报说明', 'visible'],
      ['_duban', 'veryHidden'],
    ]);
    const sheet = book.getWorksheet('进展填报')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '督察反馈问题',
      '整改时限',
      '本单位职责',
      '上月进展',
      '本月进展',
      '进展状态',
      '存在问题',
      '下一步计划',
      '佐证材料',
      '填报人',
      '联系电话',
      '任务标识',
    ]);
    expect([4, 5, 6, 7].map((row) => sheet.getCell(row, 1).value)).toEqual(['2', '3', '10', '11']);
    expect(sheet.getCell(4, 4).value).toBe('配合单位');
    expect(sheet.getCell(5, 3).value).toBe('2024年12月31日');
    expect(sheet.getCell(4, 2).protection?.locked).not.toBe(false);
    expect(sheet.getCell(4, 6).protection).toMatchObject({ locked: false });
    expect(sheet.getCell(4, 7).dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,序时推进,滞后,已完成"'] });
    expect(sheet.getColumn(13).hidden).toBe(true);
    const code = /DB1-[0-9A-F-]+/.exec(String(sheet.getCell(2, 1).value))![0];
    expect(sheet.getCell(2, 1).value).toContain('请于2026年12月5日前报送');
    expect(sheet.headerFooter.oddFooter).toContain(code);
    expect(book.getWorksheet('_duban')!.getCell('A1').value).toBe(code);
    expect(String(book.getWorksheet('填报说明')!.getCell('A2').value)).toContain('2026年11月');
    const xml = await (await JSZip.loadAsync(env.bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<sheetProtection[^>]*sheet="1"/);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(ledger.exchange.packages.sent(NOVEMBER)).toHaveLength(sent.files.length);
  });
});

describe('unit workbooks come back', () => {
  it('re-saved by LibreOffice: recognised, shown as new reports, applied; the unit leaves the not-reported list', async () => {
    ledger = await taskLedger();
    const env = unitFile(unwrap(await ledger.exchange.packages.export({ period: NOVEMBER })).files, '自治区生态环境厅');
    const returned = resaveWithLibreOffice(await fillIn(env.bytes));
    expect(ledger.progress.missing(NOVEMBER).map((m) => m.unit.name)).toContain('自治区生态环境厅');
    const preview = unwrap(await ledger.exchange.packages.preview(file(returned)));
    expect(preview).toMatchObject({ unit: { name: '自治区生态环境厅' }, period: NOVEMBER, warnings: [], counts: { create: 4, error: 0 } });
    expect(preview.rows[0]!.changes).toContainEqual({ field: 'state', before: { t: 'empty' }, after: { t: 'enum', e: 'progressState', v: 'on_track' } });
    expect(unwrap(ledger.exchange.packages.apply(preview.importId))).toMatchObject({ created: 4, unitName: '自治区生态环境厅' });
    const reports = ledger.progress.ofPeriod(NOVEMBER).filter((r) => r.unitName === '自治区生态环境厅');
    expect(reports.map((r) => [r.taskNumber, r.state, r.reporter, r.reporterPhone])).toEqual([
      ['2', 'on_track', '王建国', '0471-6941001'],
      ['3', 'behind', '王建国', '0471-6941001'],
      ['10', 'on_track', '王建国', '0471-6941001'],
      ['11', 'behind', '王建国', '0471-6941001'],
    ]);
    expect(ledger.progress.missing(NOVEMBER).map((m) => m.unit.name)).not.toContain('自治区生态环境厅');
    const again = unwrap(await ledger.exchange.packages.preview(file(returned)));
    expect(again.warnings).toEqual([{ code: 'same_file_imported', params: { at: expect.any(String) } }]);
    expect(again.counts).toMatchObject({ create: 0, unchanged: 4 });
  });

  it('asks what a state not on the list stands for (基本完成 is not 已完成), and applies nothing until told', async () => {
    ledger = await taskLedger();
    const env = unitFile(unwrap(await ledger.exchange.packages.export({ period: NOVEMBER })).files, '自治区生态环境厅');
    const returned = resaveWithLibreOffice(
      await fillIn(env.bytes, (sheet) => {
        sheet.getCell(5, 7).value = '基本完成';
      }),
    );
    const asked = unwrap(await ledger.exchange.packages.preview(file(returned)));
    expect(asked.words).toEqual([
      {
        field: 'state',
        text: '基本完成',
        cells: ['G5'],
        count: 1,
        choice: { as: 'enum', enumName: 'progressState', values: ['not_started', 'on_track', 'behind', 'completed'] },
        decision: null,
      },
    ]);
    expect(asked.rows[1]).toMatchObject({
      key: '3',
      action: 'error',
      issues: [{ code: 'unknown_word', field: 'state', params: { value: '基本完成', cell: 'G5' } }],
    });
    expect(failure(ledger.exchange.packages.apply(asked.importId)).code).toBe('excel.words_undecided');
    expect(ledger.progress.ofPeriod(NOVEMBER)).toEqual([]);
    const told = unwrap(ledger.exchange.packages.revise(asked.importId, { words: { state: { 基本完成: 'on_track' } } }));
    expect(told.counts).toMatchObject({ create: 4, error: 0 });
    unwrap(ledger.exchange.packages.apply(told.importId));
    expect(ledger.progress.ofPeriod(NOVEMBER).find((r) => r.taskNumber === '3')!.state).toBe('on_track');
  });

  it('recognised by the code on the sheet when the hidden sheet, the footer, protection, validation and the hidden column are gone', async () => {
    ledger = await taskLedger();
    const env = unitFile(unwrap(await ledger.exchange.packages.export({ period: NOVEMBER })).files, '自治区生态环境厅');
    const filled = await fillIn(env.bytes, (sheet) => sheet.spliceColumns(13, 1));
    const zip = await JSZip.loadAsync(filled);
    const workbookXml = (await zip.file('xl/workbook.xml')!.async('string')).replace(/<sheet [^>]*name="_duban"[^>]*\/>/, '');
    zip.file('xl/workbook.xml', workbookXml);
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string'))
      .replace(/<headerFooter>.*<\/headerFooter>/s, '')
      .replace(/<sheetProtection[^>]*\/>/, '')
      .replace(/<dataValidations.*<\/dataValidations>/s, '');
    zip.file('xl/worksheets/sheet1.xml', sheetXml);
    const stripped = resaveWithLibreOffice(await zip.generateAsync({ type: 'nodebuffer' }));
    const preview = unwrap(await ledger.exchange.packages.preview(file(stripped)));
    expect(preview).toMatchObject({ unit: { name: '自治区生态环境厅' }, period: NOVEMBER, warnings: [], counts: { create: 4 } });
  });

  it('warns of another month, changed fixed cells, rows added and deleted, rows left empty', async () => {
    ledger = await taskLedger();
    const env = unitFile(unwrap(await ledger.exchange.packages.export({ period: NOVEMBER })).files, '自治区生态环境厅');
    const edited = await fillIn(env.bytes, (sheet) => {
      sheet.getCell(5, 2).value = '改过的问题描述';
      sheet.getCell(6, 6).value = null;
      sheet.getCell(6, 7).value = null;
      sheet.getCell(6, 8).value = null;
      sheet.spliceRows(7, 1);
      sheet.addRow(['99', '单位自己加的一行', '', '', '', '新增工作', '序时推进']);
    });
    const preview = unwrap(await ledger.exchange.packages.preview(file(edited), { period: '2026-10' }));
    expect(preview.warnings.map((w) => w.code)).toEqual(['period_differs', 'rows_added', 'rows_deleted', 'fixed_changed', 'not_filled']);
    expect(preview.warnings.find((w) => w.code === 'rows_deleted')!.params).toEqual({ numbers: '11' });
    expect(preview.warnings.find((w) => w.code === 'fixed_changed')!.params).toEqual({ numbers: '3' });
    expect(preview.counts).toMatchObject({ create: 2, skip: 2 });
  });

  it('refuses a workbook of another ledger, and a workbook that is no unit workbook, changing nothing', async () => {
    ledger = await taskLedger();
    // A ledger of its own (the test ledgers are copies of one file, and a copy is the same ledger).
    const other = unwrap(await Ledger.create(join(tempDir(), 'other.duban'), { password: TEST_PASSWORD, kdf: KDF_FLOOR })).ledger;
    unwrap(await other.exchange.imports.importFile(sample('units.xlsx'), {}, false));
    unwrap(
      await other.exchange.imports.importFile(
        sample('rectification-tasks.xlsx'),
        {
          createUnits: true,
          units: { '各盟市人民政府（行政公署）': { action: 'createGroup' as const, members: { by: 'kind' as const, kind: 'city' as const } } },
        },
        false,
      ),
    );
    const foreign = unitFile(unwrap(await other.exchange.packages.export({ period: NOVEMBER })).files, '自治区生态环境厅');
    other.close();
    expect(failure(await ledger.exchange.packages.preview(file(foreign.bytes))).code).toBe('excel.other_ledger');
    expect(failure(await ledger.exchange.packages.preview(sample('units.xlsx'))).code).toBe('excel.not_unit_workbook');
    expect(ledger.progress.ofPeriod(NOVEMBER)).toEqual([]);
  });
});
