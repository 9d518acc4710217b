import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { counterNonce, NONCE_BYTES, open, random, seal, TAG_BYTES } from './crypto';

/**
 * The journal follows the snapshot in the ledger file: one sealed record per committed transaction,
 * holding the SQL statements it ran. Replaying them on the snapshot rebuilds the ledger, so a commit
 * costs one small append and one fsync whatever the size of the ledger.
 */
export type SqlValue = string | number | null;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
export type Statement = readonly [sql: string, params: SqlParams];

export interface JournalEntry {
  readonly at: number;
  readonly statements: readonly Statement[];
}

const LENGTH_BYTES = 4;
const PLAIN = 0;
const DEFLATED = 1;
const COMPRESS_FROM = 4096;
/** A length prefix beyond this is not a record of ours (the largest import is far smaller). */
const MAX_RECORD_BYTES = 512 * 1024 * 1024;

function recordAad(context: Buffer, seq: number, prevTag: Buffer): Buffer {
  const index = Buffer.alloc(8);
  index.writeBigUInt64LE(BigInt(seq));
  return Buffer.concat([context, index, prevTag]);
}

export interface SealedRecord {
  readonly bytes: Buffer;
  readonly tag: Buffer;
}

/**
 * How a record's nonce is chosen. Format 1 counted records (0, 1, …), which a crash could make
 * repeat: an append cut short and dropped on the next open left its sequence number to the next
 * commit, sealed under the same key — and two messages under one (key, nonce) give away their XOR.
 * From format 2 each record carries a random nonce, written before its ciphertext: whatever is cut,
 * dropped or retried, no nonce is used twice under a key (2^-96 per pair; a journal holds far fewer
 * than 2^32 records before its snapshot, with a fresh key, is due).
 */
export type NonceScheme = 'counter' | 'random';

export const nonceSchemeOf = (formatVersion: number): NonceScheme => (formatVersion === 1 ? 'counter' : 'random');

/** Nonces are drawn from a pool the system's CSPRNG refills: one call for many records, none used twice. */
const NONCE_POOL_BYTES = 256 * NONCE_BYTES;
let noncePool: Buffer = Buffer.alloc(0);
let noncesUsed = 0;

function randomNonce(): Buffer {
  if (noncesUsed >= noncePool.length) {
    noncePool = random(NONCE_POOL_BYTES);
    noncesUsed = 0;
  }
  noncesUsed += NONCE_BYTES;
  return Buffer.from(noncePool.subarray(noncesUsed - NONCE_BYTES, noncesUsed));
}

/** `context` binds the record to its ledger and snapshot generation, `prevTag` to the record before it. */
export function sealRecord(key: Buffer, context: Buffer, seq: number, prevTag: Buffer, entry: JournalEntry): SealedRecord {
  const json = Buffer.from(JSON.stringify({ at: entry.at, s: entry.statements }), 'utf8');
  const plain =
    json.length >= COMPRESS_FROM ? Buffer.concat([Buffer.from([DEFLATED]), deflateRawSync(json, { level: 1 })]) : Buffer.concat([Buffer.from([PLAIN]), json]);
  const nonce = randomNonce();
  const sealed = seal(key, nonce, plain, recordAad(context, seq, prevTag));
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32LE(NONCE_BYTES + sealed.length);
  return { bytes: Buffer.concat([length, nonce, sealed]), tag: sealed.subarray(sealed.length - TAG_BYTES) };
}

export type JournalRead =
  | {
      readonly ok: true;
      readonly entries: JournalEntry[];
      /** Bytes of the journal that hold complete records; anything after is a torn, unacknowledged append. */
      readonly goodLength: number;
      readonly torn: boolean;
      readonly lastTag: Buffer;
      /** Each record's tag, in order. */
      readonly tags: readonly Buffer[];
    }
  | { readonly ok: false };

function decodeEntry(plain: Buffer): JournalEntry | null {
  try {
    const json = plain[0] === DEFLATED ? inflateRawSync(plain.subarray(1)) : plain.subarray(1);
    const parsed = JSON.parse(json.toString('utf8')) as { at: number; s: Statement[] };
    return { at: parsed.at, statements: parsed.s };
  } catch {
    return null;
  }
}

/**
 * Reads records until the end. A record cut short at the end of the file is what a crash during an
 * append leaves (it was never acknowledged), and so is one that ends in zeros where a power cut left
 * allocated but unwritten blocks; both are dropped. A complete record that fails authentication
 * anywhere else means the file was damaged or altered.
 */
export function readJournal(key: Buffer, context: Buffer, bytes: Buffer, firstTag: Buffer, scheme: NonceScheme): JournalRead {
  const entries: JournalEntry[] = [];
  const tags: Buffer[] = [];
  const nonceBytes = scheme === 'random' ? NONCE_BYTES : 0;
  let at = 0;
  let prevTag = firstTag;
  while (at < bytes.length) {
    const tornAt = { ok: true as const, entries, goodLength: at, torn: true, lastTag: prevTag, tags };
    if (at + LENGTH_BYTES > bytes.length) return tornAt;
    const length = bytes.readUInt32LE(at);
    if (length === 0 && isZero(bytes.subarray(at))) return tornAt;
    if (length < nonceBytes + TAG_BYTES + 1 || length > MAX_RECORD_BYTES) return { ok: false };
    const record = bytes.subarray(at + LENGTH_BYTES, at + LENGTH_BYTES + length);
    if (record.length < length) return tornAt;
    const nonce = scheme === 'random' ? record.subarray(0, NONCE_BYTES) : counterNonce(entries.length);
    const sealed = record.subarray(nonceBytes);
    const plain = open(key, nonce, sealed, recordAad(context, entries.length, prevTag));
    const isLast = at + LENGTH_BYTES + length === bytes.length;
    if (!plain) return isLast && isZero(sealed.subarray(sealed.length - TAG_BYTES)) ? tornAt : { ok: false };
    const entry = decodeEntry(plain);
    if (!entry) return { ok: false };
    entries.push(entry);
    prevTag = Buffer.from(sealed.subarray(sealed.length - TAG_BYTES));
    tags.push(prevTag);
    at += LENGTH_BYTES + length;
  }
  return { ok: true, entries, goodLength: at, torn: false, lastTag: prevTag, tags };
}

function isZero(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 0) return false;
  return true;
}
