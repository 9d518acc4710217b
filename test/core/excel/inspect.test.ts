import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { inspectWorkbook } from '../../../src/core/excel/read/inspect';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'workbooks');
const codeOf = async (bytes: Buffer, limits?: Parameters<typeof inspectWorkbook>[1]) => {
  const result = await inspectWorkbook(bytes, limits);
  return result.ok ? 'ok' : result.error.code;
};

describe('what is let in as a workbook', () => {
  it.each(['rectification-tasks.xlsx', 'petitions-120.xlsx', 'units.xlsx'])('lets in the sample %s (written by LibreOffice)', async (name) => {
    expect(await codeOf(readFileSync(join(FIXTURES, name)))).toBe('ok');
  });

  it('lets in a workbook written by exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('表').addRow(['序号', '问题']);
    expect(await codeOf(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('ok');
  });

  it('asks for .xlsx instead of Excel 97 (.xls) and WPS (.et) files', async () => {
    expect(await codeOf(readFileSync(join(FIXTURES, 'old-format.xls')))).toBe('excel.old_format');
    expect(await codeOf(readFileSync(join(FIXTURES, 'wps-format.et')))).toBe('excel.old_format');
  });

  it('says a workbook with an opening password cannot be read', async () => {
    expect(await codeOf(readFileSync(join(FIXTURES, 'encrypted.xlsx')))).toBe('excel.encrypted');
  });

  it('says a CSV is a text file, and other files are not workbooks', async () => {
    expect(await codeOf(Buffer.from('序号,受理编号,交办批次\n1,D1500002023,第1批\n'))).toBe('excel.text_file');
    expect(await codeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBe('excel.not_a_workbook');
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    expect(await codeOf(await docx.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toBe('excel.not_a_workbook');
  });

  it('says a cut-off workbook is damaged', async () => {
    const bytes = readFileSync(join(FIXTURES, 'units.xlsx'));
    expect(await codeOf(bytes.subarray(0, bytes.length - 200))).toBe('excel.damaged');
  });

  it('refuses a zip bomb from its directory alone, before inflating anything', async () => {
    const bomb = new JSZip();
    bomb.file('xl/workbook.xml', '<workbook/>');
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024));
    const bytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bytes.length).toBeLessThan(200 * 1024);
    expect(await codeOf(bytes)).toBe('excel.too_large');
  });

  it('refuses a package that inflates past the limit, or with too many parts', async () => {
    const bytes = readFileSync(join(FIXTURES, 'petitions-120.xlsx'));
    expect(await codeOf(bytes, { maxInflated: 10_000, maxEntries: 5_000, maxRatio: 200 })).toBe('excel.too_large');
    expect(await codeOf(bytes, { maxInflated: 600 * 1024 * 1024, maxEntries: 3, maxRatio: 200 })).toBe('excel.too_large');
  });
});
