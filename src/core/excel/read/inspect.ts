import yauzl from 'yauzl';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';

/**
 * Looks at a file before any workbook library touches it: an .xlsx is a zip holding xl/workbook.xml.
 * Old binary workbooks (.xls, WPS .et), password-protected workbooks (an encrypted package inside
 * the same old container), text files and anything else are refused with a sentence saying what to
 * do; so is a zip that would inflate past the limits (a zip bomb), read from its directory alone.
 */
export interface WorkbookLimits {
  /** Bytes the whole package may inflate to. */
  readonly maxInflated: number;
  readonly maxEntries: number;
  /** An entry that inflates more than this many times its stored size is not a spreadsheet part. */
  readonly maxRatio: number;
}

export const DEFAULT_LIMITS: WorkbookLimits = { maxInflated: 600 * 1024 * 1024, maxEntries: 5_000, maxRatio: 200 };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML package keeps in its OLE2 container. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  return control === 0;
}

function zipEntries(bytes: Buffer): Promise<Result<{ name: string; compressed: number; inflated: number; encrypted: boolean }[]>> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return resolve(err(dubanError('excel.damaged')));
      const entries: { name: string; compressed: number; inflated: number; encrypted: boolean }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ name: entry.fileName, compressed: entry.compressedSize, inflated: entry.uncompressedSize, encrypted: entry.isEncrypted() });
        if (entries.length > DEFAULT_LIMITS.maxEntries * 2) {
          zip.close();
          resolve(ok(entries));
        } else zip.readEntry();
      });
      zip.on('end', () => resolve(ok(entries)));
      zip.on('error', () => resolve(err(dubanError('excel.damaged'))));
      zip.readEntry();
    });
  });
}

export async function inspectWorkbook(bytes: Buffer, limits: WorkbookLimits = DEFAULT_LIMITS): Promise<Result<void>> {
  if (bytes.subarray(0, OLE2.length).equals(OLE2)) {
    return err(dubanError(bytes.includes(ENCRYPTION_INFO) ? 'excel.encrypted' : 'excel.old_format'));
  }
  if (!bytes.subarray(0, ZIP.length).equals(ZIP)) return err(dubanError(looksLikeText(bytes) ? 'excel.text_file' : 'excel.not_a_workbook'));
  const entries = await zipEntries(bytes);
  if (!entries.ok) return entries;
  const list = entries.value;
  if (!list.some((e) => e.name === 'xl/workbook.xml')) return err(dubanError('excel.not_a_workbook'));
  if (list.some((e) => e.encrypted)) return err(dubanError('excel.encrypted'));
  const inflated = list.reduce((sum, e) => sum + e.inflated, 0);
  const absurd = list.some((e) => e.inflated > 1024 * 1024 && e.inflated > e.compressed * limits.maxRatio);
  if (list.length > limits.maxEntries || inflated > limits.maxInflated || absurd) {
    return err(dubanError('excel.too_large', { megabytes: Math.round(inflated / 1024 / 1024) }));
  }
  return ok(undefined);
}
