import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

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
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Duban';
  await write(workbook);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
