import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { lastTag, openChunks, sealChunks, sealedLength } from './chunks';
import { KEY_BYTES, NONCE_BYTES, open, random, seal, subkey } from './crypto';
import { type Header, type KeySlot, type ParsedHeader, SALT_BYTES, SNAPSHOT_SALT_BYTES, sealHeader, slotDescriptor, type SlotKind, verifyHeaderMac } from './header';
import { readJournal, type JournalEntry } from './journal';
import { writeFileAtomic } from './durable-fs';
import { deriveKey, type KdfParams } from './kdf';
import { parseRecoveryKey } from './recovery-key';

/**
 * The ledger file as a whole: header, snapshot, journal (docs/ledger-format.md). These functions
 * are pure: they turn bytes and keys into bytes or a reading, and leave the disk to the store.
 */
export type Unlock = { readonly password: string } | { readonly recoveryKey: string };

export const DEFAULT_CHUNK_SIZE = 1024 * 1024;

/** Binds snapshot chunks and journal records to one ledger and one snapshot generation. */
export function fileContext(header: Pick<Header, 'ledgerId' | 'generation'>): Buffer {
  const generation = Buffer.alloc(8);
  generation.writeBigUInt64LE(BigInt(header.generation));
  return Buffer.concat([header.ledgerId, generation]);
}

export async function makeSlot(kind: SlotKind, secret: string, kdf: KdfParams, ledgerId: Buffer, dataKey: Buffer): Promise<KeySlot> {
  const salt = random(SALT_BYTES);
  const nonce = random(NONCE_BYTES);
  const wrapKey = await deriveKey(secret, salt, kdf);
  const wrappedKey = seal(wrapKey, nonce, dataKey, slotDescriptor(ledgerId, { kind, kdf, salt }));
  return { kind, kdf, salt, nonce, wrappedKey };
}

/** Tries each slot of the matching kind; the data key, or why the secret does not open this file. */
export async function unwrapDataKey(parsed: ParsedHeader, unlock: Unlock): Promise<Result<Buffer>> {
  const { header } = parsed;
  const kind: SlotKind = 'password' in unlock ? 'password' : 'recovery';
  let secret: string;
  if ('password' in unlock) {
    secret = unlock.password;
  } else {
    const parsedKey = parseRecoveryKey(unlock.recoveryKey);
    if (!parsedKey) return err(dubanError('ledger.recovery_key_malformed'));
    secret = parsedKey;
  }
  for (const slot of header.slots.filter((s) => s.kind === kind)) {
    const wrapKey = await deriveKey(secret, slot.salt, slot.kdf);
    const dataKey = open(wrapKey, slot.nonce, slot.wrappedKey, slotDescriptor(header.ledgerId, slot));
    if (dataKey && dataKey.length === KEY_BYTES) {
      return verifyHeaderMac(parsed, subkey(dataKey, 'header-mac', header.ledgerId))
        ? ok(dataKey)
        : err(dubanError('ledger.damaged', { part: 'header' }));
    }
  }
  return err(dubanError(kind === 'password' ? 'ledger.wrong_password' : 'ledger.wrong_recovery_key'));
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
 * Writes `image` as a whole new file (atomically: see writeFileAtomic): the next generation under a
 * fresh snapshot salt, same slots. The image is sealed a chunk at a time as the file is written, so a
 * large ledger is never held sealed in memory beside its plain image.
 */
export function writeSnapshot(
  path: string,
  previous: Pick<Header, 'ledgerId' | 'generation' | 'slots' | 'chunkSize'>,
  dataKey: Buffer,
  image: Uint8Array,
  writtenAt: number,
  beforeRename?: () => void,
): WrittenSnapshot {
  const header: Header = {
    ledgerId: previous.ledgerId,
    generation: previous.generation + 1,
    snapshotSalt: random(SNAPSHOT_SALT_BYTES),
    snapshotLength: image.length,
    chunkSize: previous.chunkSize,
    writtenAt,
    slots: previous.slots,
  };
  const headerBytes = sealHeader(header, subkey(dataKey, 'header-mac', header.ledgerId));
  let lastChunk: Buffer | undefined;
  function* parts(): Generator<Buffer> {
    yield headerBytes;
    for (const chunk of sealChunks(subkey(dataKey, 'snapshot', header.snapshotSalt), image, header.chunkSize, fileContext(header))) {
      lastChunk = chunk;
      yield chunk;
    }
  }
  writeFileAtomic(path, parts(), beforeRename);
  return { header, headerLength: headerBytes.length, length: headerBytes.length + sealedLength(image.length, header.chunkSize), chainStart: lastTag(lastChunk!) };
}

export interface LedgerReading {
  readonly image: Buffer;
  readonly entries: JournalEntry[];
  /** Where the journal begins, and where its last complete record ends. */
  readonly journalStart: number;
  readonly journalEnd: number;
  /** A crash during an append left an incomplete record, which was dropped (it was never acknowledged). */
  readonly tornTail: boolean;
  readonly chainTag: Buffer;
}

export function readLedger(file: Buffer, parsed: ParsedHeader, dataKey: Buffer): Result<LedgerReading> {
  const { header } = parsed;
  const snapshotEnd = parsed.length + sealedLength(header.snapshotLength, header.chunkSize);
  if (file.length < snapshotEnd) return err(dubanError('ledger.damaged', { part: 'data' }));
  const sealed = file.subarray(parsed.length, snapshotEnd);
  const image = openChunks(subkey(dataKey, 'snapshot', header.snapshotSalt), sealed, header.snapshotLength, header.chunkSize, fileContext(header));
  if (!image) return err(dubanError('ledger.damaged', { part: 'data' }));
  const journal = readJournal(subkey(dataKey, 'journal', header.snapshotSalt), fileContext(header), file.subarray(snapshotEnd), lastTag(sealed));
  if (!journal.ok) return err(dubanError('ledger.damaged', { part: 'journal' }));
  return ok({
    image,
    entries: journal.entries,
    journalStart: snapshotEnd,
    journalEnd: snapshotEnd + journal.goodLength,
    tornTail: journal.torn,
    chainTag: journal.lastTag,
  });
}

/** The header with new slots, sealed: a password change rewraps the data key and leaves the data as it is. */
export function rewrapHeader(header: Header, slots: readonly KeySlot[], dataKey: Buffer): Buffer {
  return sealHeader({ ...header, slots }, subkey(dataKey, 'header-mac', header.ledgerId));
}
