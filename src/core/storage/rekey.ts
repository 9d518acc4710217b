import { ok, type Result } from '../../shared/result';
import { listBackups } from './backups';
import { type BlobKey, listBlobFiles, removeBlobFile, resealBlob } from './blobs';
import { random, wipe } from './crypto';
import { readDatabase } from './file-database';
import { FORMAT_VERSION, type Header, type KeySlot, SNAPSHOT_SALT_BYTES } from './header';
import { sealIntegrityKey, writeSnapshot } from './ledger-file';
import { LedgerFileReader } from './sealed-file';

/**
 * A new data key for a whole ledger — its file, its attachments, its backups — so that an earlier
 * copy of the file opened with an earlier secret reads nothing written from now on. The order makes
 * a crash at any instant harmless: every attachment is sealed under the new key beside its old copy
 * first; then the ledger file is replaced, atomically, by one under the new key (before that instant
 * the old key is the one in use, after it the new); only then are the old copies removed and the
 * backups sealed again. An interrupted run leaves copies of one key or the other, which the next
 * open for writing removes (the store's removeLeftovers); backups it could not reach are reported.
 */
export interface NewKeys {
  readonly dataKey: Buffer;
  readonly epoch: number;
  readonly slots: readonly KeySlot[];
  /** The ledger's integrity key: the same for its whole life, sealed again under the new data key. */
  readonly integrityKey: Buffer;
}

export interface RekeyTarget {
  readonly path: string;
  readonly header: Header;
  readonly dataKey: Buffer;
  /** Replaces the ledger file by a snapshot under `header` and `dataKey`, and adopts them. */
  snapshotUnder(header: Header, dataKey: Buffer): Result<void>;
  removeLeftovers(): void;
}

export function rekey(target: RekeyTarget, keys: NewKeys): Result<{ backupsNotResealed: string[] }> {
  const { path, header } = target;
  const old: BlobKey = { dataKey: Buffer.from(target.dataKey), ledgerId: header.ledgerId, epoch: header.keyEpoch };
  const next: BlobKey = { dataKey: keys.dataKey, ledgerId: header.ledgerId, epoch: keys.epoch };
  const sealedIntegrity = sealIntegrityKey(keys.integrityKey, keys.dataKey, header.ledgerId, keys.epoch);
  const rekeyed: Header = { ...header, keyEpoch: keys.epoch, slots: keys.slots, integrityKey: sealedIntegrity };
  try {
    const blobs = resealBlobs(path, old, next);
    const switched = blobs.ok ? target.snapshotUnder(rekeyed, keys.dataKey) : blobs;
    if (!switched.ok) {
      removeEpoch(path, next.epoch);
      return switched;
    }
    const backupsNotResealed = listBackups(path).flatMap((backup) => (resealBackup(backup.path, old, rekeyed, keys.dataKey) ? [] : [backup.fileName]));
    target.removeLeftovers();
    return ok({ backupsNotResealed });
  } finally {
    wipe(old.dataKey);
  }
}

/** Every blob under the old key sealed again under the new: all of them, or the new key is not used. */
function resealBlobs(path: string, old: BlobKey, next: BlobKey): Result<void> {
  const files = listBlobFiles(path);
  if (!files.ok) return files;
  for (const file of files.value) {
    if (file.epoch !== old.epoch) continue;
    const resealed = resealBlob(path, file.blobId, old, next);
    if (!resealed.ok) return resealed;
  }
  return ok(undefined);
}

function removeEpoch(path: string, epoch: number): void {
  const files = listBlobFiles(path);
  // Unlisted copies under a key never used are removed at the next open for writing.
  if (files.ok) for (const file of files.value) if (file.epoch === epoch) removeBlobFile(path, file.fileName);
}

/**
 * A backup under the old key, rewritten under the new one with the same generation and time (it
 * stays the backup it was); one already under the new key is left alone. False when it could not be.
 */
function resealBackup(backupPath: string, old: BlobKey, rekeyed: Header, dataKey: Buffer): boolean {
  const opened = LedgerFileReader.open(backupPath);
  if (!opened.ok) return false;
  const backup = opened.value.parsed.header;
  opened.value.close();
  if (!backup.ledgerId.equals(rekeyed.ledgerId)) return false;
  if (backup.keyEpoch === rekeyed.keyEpoch) return true;
  if (backup.keyEpoch !== old.epoch) return false;
  const decoded = readDatabase(backupPath, backup, old.dataKey);
  if (!decoded.ok) return false;
  const image = decoded.value.database.image();
  decoded.value.database.close();
  const header: Header = {
    ...rekeyed,
    formatVersion: FORMAT_VERSION,
    generation: backup.generation,
    writtenAt: backup.writtenAt,
    chunkSize: backup.chunkSize,
    snapshotSalt: random(SNAPSHOT_SALT_BYTES),
    snapshotLength: image.length,
  };
  try {
    writeSnapshot(backupPath, header, dataKey, image);
    return true;
  } catch {
    return false;
  } finally {
    wipe(image);
  }
}
