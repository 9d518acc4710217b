import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { lastTag, openChunks, sealChunks, sealedLength } from './chunks';
import { KEY_BYTES, NONCE_BYTES, open, random, seal, subkey, wipe } from './crypto';
import { writeFileAtomic } from './durable-fs';
import { roomyImage } from './file-room';
import { FORMAT_VERSION, type Header, sealHeader, SNAPSHOT_SALT_BYTES, versionFor } from './header';
import type { SealedFile } from './sealed-file';
import { type JournalEntry, nonceSchemeOf, readJournal } from './journal';

/**
 * The ledger file as a whole: header, snapshot, journal (docs/ledger-format.md). These functions
 * turn bytes and keys into bytes or a reading; the store decides when and where they are written.
 */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;

/** Binds snapshot chunks and journal records to one ledger and one snapshot generation. */
export function fileContext(header: Pick<Header, 'ledgerId' | 'generation'>): Buffer {
  const generation = Buffer.alloc(8);
  generation.writeBigUInt64LE(BigInt(header.generation));
  return Buffer.concat([header.ledgerId, generation]);
}

function integrityAad(ledgerId: Buffer, keyEpoch: number): Buffer {
  const epoch = Buffer.alloc(4);
  epoch.writeUInt32LE(keyEpoch);
  return Buffer.concat([ledgerId, epoch]);
}

/** The integrity key as the header holds it, sealed under the data key of `keyEpoch`. */
export function sealIntegrityKey(integrityKey: Buffer, dataKey: Buffer, ledgerId: Buffer, keyEpoch: number): Buffer {
  const key = subkey(dataKey, 'integrity-key', ledgerId);
  const nonce = random(NONCE_BYTES);
  const sealed = Buffer.concat([nonce, seal(key, nonce, integrityKey, integrityAad(ledgerId, keyEpoch))]);
  wipe(key);
  return sealed;
}

/** The integrity key, or null for a file of format 1 (which had none) or one that does not open. */
export function openIntegrityKey(header: Header, dataKey: Buffer): Buffer | null {
  if (!header.integrityKey) return null;
  const key = subkey(dataKey, 'integrity-key', header.ledgerId);
  const nonce = header.integrityKey.subarray(0, NONCE_BYTES);
  const opened = open(key, nonce, header.integrityKey.subarray(NONCE_BYTES), integrityAad(header.ledgerId, header.keyEpoch));
  wipe(key);
  return opened && opened.length === KEY_BYTES ? opened : null;
}

/** The header of the next snapshot: one generation on, a fresh salt (so fresh snapshot and journal keys). */
export function nextHeader(previous: Header, snapshotLength: number, writtenAt: number): Header {
  return {
    ...previous,
    formatVersion: FORMAT_VERSION,
    generation: previous.generation + 1,
    snapshotSalt: random(SNAPSHOT_SALT_BYTES),
    snapshotLength,
    writtenAt,
  };
}

/** What a snapshot just written is: its header, where its journal starts, and the tag that journal chains to. */
export interface WrittenSnapshot {
  readonly header: Header;
  readonly headerLength: number;
  /** Bytes of header and sealed image: the journal's first record goes here. */
  readonly length: number;
  /** Tag of the last snapshot chunk: the first journal record chains to it. */
  readonly chainStart: Buffer;
}

/**
 * Writes `image` under `header` as a whole new file (atomically: see writeFileAtomic). The image is
 * sealed a chunk at a time as the file is written, so a large ledger is never held sealed in memory
 * beside its plain image. Throws while `path` is still the old file; returns once it is the new one.
 */
export function writeSnapshot(path: string, header: Header, dataKey: Buffer, image: Uint8Array, beforeRename?: () => void): WrittenSnapshot {
  if (header.snapshotLength !== image.length) throw new Error('the header does not describe this image');
  header = { ...header, formatVersion: versionFor(header) };
  const macKey = subkey(dataKey, 'header-mac', header.ledgerId);
  const headerBytes = sealHeader(header, macKey);
  wipe(macKey);
  const snapshotKey = subkey(dataKey, 'snapshot', header.snapshotSalt);
  let lastPart: Buffer | undefined;
  function* parts(): Generator<Buffer> {
    yield headerBytes;
    for (const part of sealChunks(snapshotKey, image, header.chunkSize, fileContext(header))) {
      lastPart = part;
      yield part;
    }
  }
  try {
    writeFileAtomic(path, parts(), beforeRename);
  } finally {
    wipe(snapshotKey);
  }
  return {
    header,
    headerLength: headerBytes.length,
    length: headerBytes.length + sealedLength(image.length, header.chunkSize),
    chainStart: lastTag(lastPart!),
  };
}

export interface LedgerReading {
  readonly image: Uint8Array;
  readonly entries: JournalEntry[];
  /** Where the journal begins, and where its last complete record ends. */
  readonly journalStart: number;
  readonly journalEnd: number;
  /** A crash during an append left an incomplete record, which was dropped (it was never acknowledged). */
  readonly tornTail: boolean;
  readonly chainTag: Buffer;
  /** The snapshot's last chunk's tag, then each record's. */
  readonly tags: readonly Buffer[];
}

/** Decrypts the snapshot (in place: `file.snapshot` becomes the image) and reads the journal after it. */
export function readLedger(file: SealedFile, dataKey: Buffer): Result<LedgerReading> {
  const { header, length } = file.parsed;
  const snapshotEnd = length + file.snapshot.length;
  const snapshotTag = lastTag(file.snapshot);
  const snapshotKey = subkey(dataKey, 'snapshot', header.snapshotSalt);
  const plaintext = openChunks(snapshotKey, file.snapshot, header.snapshotLength, header.chunkSize, fileContext(header));
  wipe(snapshotKey);
  if (!plaintext) return err(dubanError('ledger.damaged', { part: 'data' }));
  // The very bytes sql.js will keep as its file, with the room they were read into (sealed-file.ts) to grow.
  const image = roomyImage(plaintext);
  const journalKey = subkey(dataKey, 'journal', header.snapshotSalt);
  const journal = readJournal(journalKey, fileContext(header), file.journal, snapshotTag, nonceSchemeOf(header.formatVersion));
  wipe(journalKey);
  if (!journal.ok) return err(dubanError('ledger.damaged', { part: 'journal' }));
  return ok({
    image,
    entries: journal.entries,
    journalStart: snapshotEnd,
    journalEnd: snapshotEnd + journal.goodLength,
    tornTail: journal.torn,
    chainTag: journal.lastTag,
    tags: [snapshotTag, ...journal.tags],
  });
}
