import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';

/**
 * The parts of an .xlsx package (a zip), opened from bytes already checked by `inspectWorkbook`.
 * Parts are read as streams, so a large sheet is never held whole; yauzl checks that each part
 * inflates to the size its directory promised.
 */
export interface ZipPackage {
  has(name: string): boolean;
  stream(name: string): Promise<Readable>;
  close(): void;
}

function listEntries(zip: yauzl.ZipFile): Promise<Result<Map<string, yauzl.Entry>>> {
  return new Promise((resolve) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/^\//, ''), entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(ok(entries)));
    zip.on('error', () => resolve(err(dubanError('excel.damaged'))));
    zip.readEntry();
  });
}

export async function openPackage(bytes: Buffer): Promise<Result<ZipPackage>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return err(dubanError('excel.damaged'));
  }
  const listed = await listEntries(zip);
  if (!listed.ok) return listed;
  const entries = listed.value;
  return ok({
    has: (name) => entries.has(name),
    stream: (name) => zip.openReadStreamPromise(entries.get(name)!),
    close: () => zip.close(),
  });
}
