import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { ok, err, type Result } from '../../../shared/result';
import { ioError } from '../../storage/durable-fs';
import { inspectWorkbook } from './inspect';
import { readWorkbook, type WorkbookData } from './workbook';

/**
 * Where a workbook comes from: its bytes (a file the browser read, a file dropped in the window)
 * or, in the desktop app and the command line, a path on this machine.
 */
export const workbookSource = z.union([
  z.object({ fileName: z.string().max(1000), bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array) }),
  z.object({ path: z.string().min(1).max(4096) }),
]);
export type WorkbookSource = z.infer<typeof workbookSource>;

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
