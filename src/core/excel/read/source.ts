import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ok, err, type Result } from '../../../shared/result';
import { ioError } from '../../storage/durable-fs';
import { inspectWorkbook } from './inspect';
import { readWorkbook, type WorkbookData } from './workbook';

import { MAX_WORKBOOK_BYTES, type WorkbookSource } from '../import/model';
import { dubanError } from '../../../shared/errors';
export type { WorkbookSource } from '../import/model';

export interface LoadedWorkbook {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly workbook: WorkbookData;
}

/** Reads the file, refuses what is not a sane .xlsx before parsing it, then reads its sheets. */
export async function loadWorkbook(source: WorkbookSource): Promise<Result<LoadedWorkbook>> {
  let bytes: Buffer;
  let fileName: string;
  if ('path' in source) {
    try {
      const size = statSync(source.path).size;
      if (size > MAX_WORKBOOK_BYTES) return err(dubanError('excel.too_large', { megabytes: Math.round(size / 1024 / 1024) }));
      bytes = readFileSync(source.path);
    } catch (error) {
      return err(ioError(error, source.path));
    }
    fileName = basename(source.path);
  } else {
    bytes = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
    fileName = basename(source.fileName.replace(/\\/g, '/'));
  }
  const inspected = await inspectWorkbook(bytes);
  if (!inspected.ok) return inspected;
  const workbook = await readWorkbook(bytes);
  return workbook.ok ? ok({ fileName, bytes, workbook: workbook.value }) : workbook;
}
