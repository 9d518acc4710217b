import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../src/core/excel/read/cells';
import { DEFAULT_READ_LIMITS } from '../../../src/core/excel/read/limits';
import { isDateFormat } from '../../../src/core/excel/read/styles';
import { readWorkbook, type SheetData } from '../../../src/core/excel/read/workbook';
import { failure, unwrap } from '../../helpers/result';
import { sheetBytes, WORKBOOKS, workbookBytes } from '../../helpers/workbooks';

const texts = (sheet: SheetData, row: number) => sheet.rows.find((r) => r.number === row)!.cells.map(cellText);

describe('reading a workbook', () => {
  it('reads the petitions sample as LibreOffice wrote it: merges, rich text, dates, the 合计 row by its cached results', async () => {
    const { sheets } = unwrap(await readWorkbook(readFileSync(join(WORKBOOKS, 'petitions-120.xlsx'))));
    const [sheet] = sheets;
    expect(sheet!.name).toBe('信访件台账');
    expect(sheet!.rows).toHaveLength(124);
    expect(sheet!.merges).toContainEqual({ top: 2, left: 12, bottom: 2, right: 13 });
    expect(texts(sheet!, 4).slice(0, 4)).toEqual(['1', 'D150000202306060001', '第1批', '2023-06-06']);
    expect(sheet!.rows[3]!.cells[3]).toEqual({ kind: 'date', date: '2023-06-06' });
    expect(texts(sheet!, 10)[3]).toBe('2023年6月7日');
    expect(texts(sheet!, 124)).toEqual(['合计', '', '', '', '', '', '', '', '', '', '', '92', '46']);
  });

  it('reads what exceljs writes: formulas by their cached result, rich text, hyperlinks, dates, full-width spaces', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('数据');
      sheet.addRow(['合计', { formula: 'SUM(B2:B3)', result: 7 }, { formula: 'CONCAT("东","川")', result: '东川' }]);
      sheet.addRow([{ richText: [{ text: '2024' }, { text: '年6月底前', font: { bold: true } }] }, 3, new Date(Date.UTC(2024, 5, 30))]);
      sheet.addRow([{ text: '链接文字', hyperlink: 'https://example.invalid' }, 4, '\u3000自治区　水利厅 ']);
    });
    const [sheet] = unwrap(await readWorkbook(bytes)).sheets;
    expect(texts(sheet!, 1)).toEqual(['合计', '7', '东川']);
    expect(texts(sheet!, 2)).toEqual(['2024年6月底前', '3', '2024-06-30']);
    expect(texts(sheet!, 3)).toEqual(['链接文字', '4', '自治区 水利厅']);
  });

  it('keeps hidden sheets, defined names and page footers, and says which sheets are hidden', async () => {
    const bytes = await workbookBytes((workbook) => {
      const shown = workbook.addWorksheet('填报');
      shown.addRow(['序号']);
      shown.headerFooter.oddFooter = '&L识别码 ABC';
      workbook.addWorksheet('隐藏', { state: 'hidden' }).addRow(['秘密']);
      workbook.definedNames.add("'填报'!$A$1", 'duban_mark');
    });
    const read = unwrap(await readWorkbook(bytes));
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual([
      ['填报', 'visible'],
      ['隐藏', 'hidden'],
    ]);
    expect(read.sheets[0]!.headerFooter).toContain('识别码 ABC');
    expect(read.definedNames.get('duban_mark')).toBe("'填报'!$A$1");
  });

  it('refuses a sheet with more rows or columns than the limits, as soon as reading reaches them', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i + 1, `第${i + 1}行`]);
    expect(failure(await readWorkbook(await sheetBytes(rows), { ...DEFAULT_READ_LIMITS, maxRows: 20, maxColumns: 50 }))).toEqual({
      code: 'excel.sheet_too_large',
      params: { sheet: '表1', rows: 20, columns: 50 },
    });
    const wide = await workbookBytes((workbook) => {
      workbook.addWorksheet('宽表').getCell('ZZ1').value = '远处的值';
    });
    expect(failure(await readWorkbook(wide)).code).toBe('excel.sheet_too_large');
  });

  it('says a workbook with a broken part is damaged', async () => {
    const zip = await JSZip.loadAsync(await sheetBytes([['序号', '问题']]));
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData');
    expect(failure(await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }))).code).toBe('excel.damaged');
  });

  it('knows date formats by their letters, not by quoted text or colours', () => {
    expect(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-F800]dddd, mmmm dd, yyyy', 'm/d/yy h:mm'].every(isDateFormat)).toBe(true);
    expect(['0.00', '#,##0', '0.00E+00', '[Red]0', '"合计"0', 'General', '@'].some(isDateFormat)).toBe(false);
  });
});
