import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pdfLines, type TextLine } from './pdf';

export const WORKBOOKS = join(import.meta.dirname, '..', 'fixtures', 'workbooks');

/** A workbook written by exceljs, as bytes. */
export async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook read by exceljs, to see what a spreadsheet program sees (types, formats, borders). */
export async function loadWithExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types know the Buffer of older Node typings only.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** One sheet of rows (a row is an array of cell values), as bytes. */
export function sheetBytes(rows: readonly (readonly ExcelJS.CellValue[])[], name = '表1'): Promise<Buffer> {
  return workbookBytes((workbook) => {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow([...row]);
  });
}

/**
 * The workbook converted by LibreOffice (`soffice --headless --convert-to FILTER`), with its own
 * profile so that runs do not share one; `read` takes the file it wrote before the folder goes.
 */
function convertWithLibreOffice<T>(bytes: Uint8Array, name: string, filter: string, read: (written: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'duban-soffice-'));
  try {
    const input = join(dir, 'in');
    const output = join(dir, 'out');
    execFileSync('mkdir', ['-p', input, output]);
    writeFileSync(join(input, name), bytes);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', output, join(input, name)],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const [written] = readdirSync(output);
    return read(join(output, written!));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The workbook opened and saved again by LibreOffice, as a unit re-saving what it was sent would. */
export function resaveWithLibreOffice(bytes: Uint8Array, name = 'workbook.xlsx'): Buffer {
  return convertWithLibreOffice(bytes, name, 'xlsx', (written) => readFileSync(written));
}

/** The workbook as LibreOffice would export it to CSV: what a spreadsheet makes of every cell. */
export function csvByLibreOffice(bytes: Uint8Array): string {
  return convertWithLibreOffice(bytes, 'in.xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76', (written) => readFileSync(written, 'utf8'));
}

/** The workbook as LibreOffice prints it (to PDF): each page's lines of text with their boxes. */
export function printedByLibreOffice(bytes: Uint8Array): TextLine[][] {
  return convertWithLibreOffice(bytes, 'in.xlsx', 'pdf', pdfLines);
}
