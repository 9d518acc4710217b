import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { openChunks, sealChunks, sealedLength } from './chunks';
import { random, subkey } from './crypto';
import { ioError, writeFileAtomic } from './durable-fs';

/**
 * Evidence attachments (scans, photos, documents) live beside the ledger in `<ledger>.blobs/`, one
 * encrypted file each, never inside the SQLite image. A blob is written before the row that refers to
 * it is committed, and it is never changed afterwards.
 */
const BLOB_MAGIC = Buffer.from('DUBANBL1', 'latin1');
const BLOB_SALT_BYTES = 32;
const BLOB_CHUNK = 1024 * 1024;
const PREFIX_BYTES = BLOB_MAGIC.length + BLOB_SALT_BYTES + 8;

export const blobDirOf = (ledgerPath: string): string => `${ledgerPath}.blobs`;

const isBlobId = (id: string): boolean => /^[0-9a-f]{32}$/.test(id);

function blobContext(ledgerId: Buffer, blobId: string): Buffer {
  return Buffer.concat([ledgerId, Buffer.from(blobId, 'hex')]);
}

export function putBlob(ledgerPath: string, dataKey: Buffer, ledgerId: Buffer, bytes: Uint8Array): Result<string> {
  const blobId = random(16).toString('hex');
  const salt = random(BLOB_SALT_BYTES);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(bytes.length));
  const sealed = sealChunks(subkey(dataKey, 'blob', salt), bytes, BLOB_CHUNK, blobContext(ledgerId, blobId));
  const dir = blobDirOf(ledgerPath);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(join(dir, blobId), [BLOB_MAGIC, salt, length, ...sealed]);
  } catch (error) {
    return err(ioError(error, dir));
  }
  return ok(blobId);
}

export function getBlob(ledgerPath: string, dataKey: Buffer, ledgerId: Buffer, blobId: string): Result<Buffer> {
  if (!isBlobId(blobId)) return err(dubanError('not_found', { entity: 'blob', id: blobId }));
  const path = join(blobDirOf(ledgerPath), blobId);
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    return err(ioError(error, path));
  }
  const damaged = err(dubanError('ledger.damaged', { part: 'attachment' }));
  if (file.length < PREFIX_BYTES || !file.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC)) return damaged;
  const salt = file.subarray(BLOB_MAGIC.length, BLOB_MAGIC.length + BLOB_SALT_BYTES);
  const length = Number(file.readBigUInt64LE(BLOB_MAGIC.length + BLOB_SALT_BYTES));
  if (file.length - PREFIX_BYTES !== sealedLength(length, BLOB_CHUNK)) return damaged;
  const plain = openChunks(subkey(dataKey, 'blob', salt), file.subarray(PREFIX_BYTES), length, BLOB_CHUNK, blobContext(ledgerId, blobId));
  return plain ? ok(plain) : damaged;
}
