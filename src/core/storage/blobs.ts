import { join } from 'node:path';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { openChunks, sealChunks, sealedLength } from './chunks';
import { random, subkey, wipe } from './crypto';
import { disk } from './disk';
import { ensureDirectory, ioError, writeFileAtomic } from './durable-fs';

/**
 * Evidence attachments (scans, photos, documents) live beside the ledger in `<ledger>.blobs/`, one
 * encrypted file each, never inside the SQLite image. A blob is written before the row that refers to
 * it is committed, and its content never changes afterwards. A new data key (a password change)
 * seals every blob again, as a new file named with the key's epoch: `<id>` under the first data key,
 * `<id>-<epoch>` under later ones; the store removes the versions of other epochs.
 */
const BLOB_MAGIC = Buffer.from('DUBANBL1', 'latin1');
const BLOB_SALT_BYTES = 32;
const BLOB_CHUNK = 1024 * 1024;
const PREFIX_BYTES = BLOB_MAGIC.length + BLOB_SALT_BYTES + 8;
const BLOB_FILE = /^([0-9a-f]{32})(?:-([1-9][0-9]{0,9}))?$/;

export const blobDirOf = (ledgerPath: string): string => `${ledgerPath}.blobs`;

const isBlobId = (id: string): boolean => /^[0-9a-f]{32}$/.test(id);

/** The key of the blobs of one data key (one epoch). */
export interface BlobKey {
  readonly dataKey: Buffer;
  readonly ledgerId: Buffer;
  readonly epoch: number;
}

export const blobFileName = (blobId: string, epoch: number): string => (epoch === 0 ? blobId : `${blobId}-${epoch}`);

function blobContext(ledgerId: Buffer, blobId: string): Buffer {
  return Buffer.concat([ledgerId, Buffer.from(blobId, 'hex')]);
}

function writeBlob(ledgerPath: string, key: BlobKey, blobId: string, bytes: Uint8Array): void {
  const salt = random(BLOB_SALT_BYTES);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(bytes.length));
  const blobKey = subkey(key.dataKey, 'blob', salt);
  const dir = blobDirOf(ledgerPath);
  try {
    ensureDirectory(dir);
    writeFileAtomic(join(dir, blobFileName(blobId, key.epoch)), [
      BLOB_MAGIC,
      salt,
      length,
      ...sealChunks(blobKey, bytes, BLOB_CHUNK, blobContext(key.ledgerId, blobId)),
    ]);
  } finally {
    wipe(blobKey);
  }
}

export function putBlob(ledgerPath: string, key: BlobKey, bytes: Uint8Array): Result<string> {
  const blobId = random(16).toString('hex');
  try {
    writeBlob(ledgerPath, key, blobId, bytes);
  } catch (error) {
    return err(ioError(error, blobDirOf(ledgerPath)));
  }
  return ok(blobId);
}

export function getBlob(ledgerPath: string, key: BlobKey, blobId: string): Result<Buffer> {
  if (!isBlobId(blobId)) return err(dubanError('not_found', { entity: 'blob', id: blobId }));
  const path = join(blobDirOf(ledgerPath), blobFileName(blobId, key.epoch));
  let file: Buffer;
  try {
    file = disk.readFileSync(path);
  } catch (error) {
    return err(ioError(error, path));
  }
  const damaged = err(dubanError('ledger.damaged', { part: 'attachment' }));
  if (file.length < PREFIX_BYTES || !file.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC)) return damaged;
  const salt = file.subarray(BLOB_MAGIC.length, BLOB_MAGIC.length + BLOB_SALT_BYTES);
  const length = Number(file.readBigUInt64LE(BLOB_MAGIC.length + BLOB_SALT_BYTES));
  if (file.length - PREFIX_BYTES !== sealedLength(length, BLOB_CHUNK)) return damaged;
  const blobKey = subkey(key.dataKey, 'blob', salt);
  const plain = openChunks(blobKey, file.subarray(PREFIX_BYTES), length, BLOB_CHUNK, blobContext(key.ledgerId, blobId));
  wipe(blobKey);
  return plain ? ok(plain) : damaged;
}

export interface BlobFile {
  readonly blobId: string;
  readonly epoch: number;
  readonly fileName: string;
}

/** Every blob file beside the ledger, of any epoch; none when there is no folder yet, an error when it cannot be read. */
export function listBlobFiles(ledgerPath: string): Result<BlobFile[]> {
  let names: string[];
  try {
    names = disk.readdirSync(blobDirOf(ledgerPath));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? ok([]) : err(ioError(error, blobDirOf(ledgerPath)));
  }
  return ok(
    names.flatMap((fileName) => {
      const match = BLOB_FILE.exec(fileName);
      return match ? [{ blobId: match[1]!, epoch: Number(match[2] ?? 0), fileName }] : [];
    }),
  );
}

/**
 * The blob files no key in use reads: copies under another epoch's key of a blob the current key has,
 * and copies under a later key that never came into use (a new key interrupted before the ledger
 * switched to it). A blob found under an earlier key only is kept: it is not ours to throw away.
 */
export function staleBlobFiles(files: readonly BlobFile[], epoch: number): BlobFile[] {
  const current = new Set(files.filter((f) => f.epoch === epoch).map((f) => f.blobId));
  return files.filter((f) => f.epoch > epoch || (f.epoch < epoch && current.has(f.blobId)));
}

/** Seals a blob again under the next data key, as a file of its own: the old one stays until the new key is in use. */
export function resealBlob(ledgerPath: string, blobId: string, from: BlobKey, to: BlobKey): Result<void> {
  const plain = getBlob(ledgerPath, from, blobId);
  if (!plain.ok) return plain;
  try {
    writeBlob(ledgerPath, to, blobId, plain.value);
    return ok(undefined);
  } catch (error) {
    return err(ioError(error, blobDirOf(ledgerPath)));
  } finally {
    wipe(plain.value);
  }
}

/** Removes a blob file that no key in use reads any more; best effort (the next open tries again). */
export function removeBlobFile(ledgerPath: string, fileName: string): void {
  try {
    disk.unlinkSync(join(blobDirOf(ledgerPath), fileName));
  } catch {
    // See above.
  }
}
