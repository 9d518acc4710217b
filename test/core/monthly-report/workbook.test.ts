import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { IsoDate, Period } from '../../../src/shared/dates';
import { ledgerFactory } from '../../helpers/ledger';
import { julyLedger } from '../../helpers/month-ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { loadWithExcelJS } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const JULY = '2024-07' as Period;
const TODAY = '2024-08-05' as IsoDate;

/** The sheet's rows from row 1, each an array of its values from column A. */
const rowsOf = (sheet: { getSheetValues(): unknown[] }): unknown[][] =>
  sheet
    .getSheetValues()
    .slice(1)
    .map((row) => (Array.isArray(row) ? row.slice(1) : []));

describe('the month’s 统计表', () => {
  it('is titled with its month, one table a sheet, printed A4 landscape fitted to the width with the header repeated', async () => {
    ledger = await newLedger();
    julyLedger(ledger);
    const file = unwrap(await ledger.monthlyReport.workbook(JULY, TODAY, 'zh-CN'));
    expect(file.fileName).toBe('统计表-2024-07.xlsx');
    const book = await loadWithExcelJS(file.bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(['整改任务', '信访件', '问责情况']);
    for (const sheet of book.worksheets) {
      expect(sheet.getCell('A1').value).toBe('2024年7月整改督办工作统计表');
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^3:\d$/);
    }
    expect(String(book.worksheets[0]!.getCell('A2').value)).toContain('2024年7月31日');
  });

  it('gives tasks by lead unit and status with a 合计 row equal to the month’s figures', async () => {
    ledger = await newLedger();
    julyLedger(ledger);
    const figures = ledger.monthlyReport.figures(JULY, TODAY);
    const book = await loadWithExcelJS(unwrap(await ledger.monthlyReport.workbook(JULY, TODAY, 'zh-CN')).bytes);
    const rows = rowsOf(book.getWorksheet('整改任务')!);
    expect(rows[2]).toEqual(['责任单位', '任务总数', '按状态', '按状态', '按状态', '按状态', '逾期', '完成率']);
    expect(rows[3]!.slice(2, 6)).toEqual(['未启动', '推进中', '已完成', '已销号']);
    expect(rows.find((row) => row[0] === '生态环境厅')).toEqual(['生态环境厅', 2, 1, 1, 0, 0, 1, '0.0%']);
    const { tasks } = figures;
    expect(rows.at(-1)).toEqual([
      '合计',
      tasks.total,
      tasks.byStatus.pending,
      tasks.byStatus.in_progress,
      tasks.byStatus.completed,
      tasks.byStatus.closed,
      tasks.overdue,
      '40.0%',
    ]);
  });

  it('gives petitions by region and completion, and accountability by kind of subject and form, each with its 合计', async () => {
    ledger = await newLedger();
    julyLedger(ledger);
    const book = await loadWithExcelJS(unwrap(await ledger.monthlyReport.workbook(JULY, TODAY, 'zh-CN')).bytes);
    const petitions = rowsOf(book.getWorksheet('信访件')!);
    expect(petitions.slice(3)).toEqual([
      ['东川市', 2, 1, 0, 1, '50.0%'],
      ['西岭市', 1, 0, 1, 0, '0.0%'],
      ['合计', 3, 1, 1, 1, '33.3%'],
    ]);
    const accountability = rowsOf(book.getWorksheet('问责情况')!);
    const header = accountability[3]!; // the forms, under 问责方式
    const person = accountability.find((row) => row[0] === '个人')!;
    expect(person[header.indexOf('诫勉')]).toBe(2);
    expect(person.at(-1)).toBe(2);
    expect(accountability.at(-1)![0]).toBe('合计');
    expect(accountability.at(-1)!.at(-1)).toBe(3);
  });
});
