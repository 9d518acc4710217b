import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded the first time a workbook is written: it is large, and most sessions of the app
 * and most commands never write one, so they start without it.
 */
let exceljs: Promise<typeof ExcelJS> | null = null;
export function loadExcelJs(): Promise<typeof ExcelJS> {
  exceljs ??= import('exceljs').then((module) => module.default);
  return exceljs;
}

/**
 * A workbook written by exceljs's streaming writer into memory: rows are serialised as they are
 * committed, so a ledger of 20,000 cases never sits whole in memory as cells. With the bytes comes
 * what `write` answered (how many rows it wrote).
 */
export async function streamedWorkbook<T>(write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => T | Promise<T>): Promise<{ bytes: Buffer; written: T }> {
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
  const written = await write(workbook);
  await workbook.commit();
  await finished;
  return { bytes: Buffer.concat(chunks), written };
}
