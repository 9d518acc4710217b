import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded the first time a workbook is written: it is large, and most sessions of the app
 * and most commands never write one, so they start without it.
 */
let exceljs: Promise<typeof ExcelJS> | null = null;
export const loadExcelJs = (): Promise<typeof ExcelJS> => (exceljs ??= import('exceljs').then((module) => module.default));

/**
 * A workbook written by exceljs's streaming writer into memory: rows are serialised as they are
 * committed, so a ledger of 20,000 cases never sits whole in memory as cells.
 */
export async function streamedWorkbook(write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const { stream } = await loadExcelJs();
  const workbook = new stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Duban';
  await write(workbook);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
