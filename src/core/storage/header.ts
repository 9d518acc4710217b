import { createHash, createHmac } from 'node:crypto';
import { type DubanError, dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { NONCE_BYTES, X25519_BYTES } from './crypto';
import { isAboveCeiling, isBelowFloor, type KdfParams } from './kdf';

/**
 * The header of a ledger file: see docs/ledger-format.md. The preamble (magic, version, length) and the
 * checksum and MAC at the end keep their places in every format version, so a damaged header is
 * recognised as damaged before its version is believed.
 */
export const MAGIC = Buffer.from('DUBAN\0LG', 'latin1');
/**
 * The newest format this program writes: 3 once a ledger has people's slots (kind 4), which a reader
 * of format 2 would take for damage; a ledger without them is still written in format 2 (see
 * `versionFor`). Format 1 is still read (and upgraded when opened for writing).
 */
export const FORMAT_VERSION = 3;
const PEOPLE_FORMAT = 3;
export const PREAMBLE_BYTES = 14;
const DIGEST_BYTES = 32;
const MAX_HEADER_BYTES = 64 * 1024;

export const LEDGER_ID_BYTES = 16;
export const PERSON_ID_BYTES = 16;
export const SALT_BYTES = 16;
export const SNAPSHOT_SALT_BYTES = 32;
export const WRAPPED_KEY_BYTES = 48;
/** The integrity key as the header holds it: nonce, then the key sealed under the data key. */
export const SEALED_KEY_BYTES = NONCE_BYTES + WRAPPED_KEY_BYTES;

/** Which secret opens a slot: the administrator's password, the recovery key, or another person's password. */
export type SlotKind = 'password' | 'recovery' | 'person';

interface SlotBase {
  readonly kdf: KdfParams;
  readonly salt: Buffer;
  readonly nonce: Buffer;
  readonly wrappedKey: Buffer;
}

/** Who a recipient slot is for: the recovery key, or one person (by an opaque id; their name is inside the database). */
export type RecipientOwner = { readonly kind: 'recovery' } | { readonly kind: 'person'; readonly personId: Buffer };

/** An X25519 recipient: the public key derived from the secret, and the ephemeral key of the last wrap. */
export type RecipientKeys = RecipientOwner & { readonly scheme: 'recipient'; readonly recipient: Buffer; readonly ephemeral: Buffer };

/**
 * How the data key is wrapped: under the key derived from the secret ('secret'), or — for the
 * recovery key from format 2 on, and for people from format 3 — to an X25519 public key whose
 * private half is derived from it ('recipient'), so that a new data key can be wrapped for it
 * without the secret at hand.
 */
export type KeySlot = SlotBase & ({ readonly kind: 'password' | 'recovery'; readonly scheme: 'secret' } | RecipientKeys);

export interface Header {
  /** As read; a header is written in the format `versionFor` picks. */
  readonly formatVersion: number;
  readonly ledgerId: Buffer;
  /** Counts snapshots: bound into every chunk and record, so parts of two snapshots cannot be mixed. */
  readonly generation: number;
  readonly snapshotSalt: Buffer;
  readonly snapshotLength: number;
  readonly chunkSize: number;
  readonly writtenAt: number;
  /** Counts data keys: 0 for the first, +1 each time a password change or a new recovery key replaces it. */
  readonly keyEpoch: number;
  /** The integrity key (audit chain, anchor), sealed under the data key; format 1 had none. */
  readonly integrityKey: Buffer | null;
  readonly slots: readonly KeySlot[];
}

const Field = {
  End: 0x00,
  LedgerId: 0x01,
  Generation: 0x02,
  SnapshotSalt: 0x03,
  SnapshotLength: 0x04,
  ChunkSize: 0x05,
  WrittenAt: 0x06,
  KeyEpoch: 0x07,
  IntegrityKey: 0x08,
  KeySlot: 0x10,
} as const;
/** Fields that appear once; a key slot may appear several times. */
const SINGLE_FIELDS = new Set<number>([
  Field.LedgerId,
  Field.Generation,
  Field.SnapshotSalt,
  Field.SnapshotLength,
  Field.ChunkSize,
  Field.WrittenAt,
  Field.KeyEpoch,
  Field.IntegrityKey,
]);
/** Field types from this value up may be skipped by a reader that does not know them. */
const FIRST_OPTIONAL_FIELD = 0x80;

/** Slot kinds as stored: the secret that opens the slot and how it wraps the data key. */
const SLOT_CODES = [
  { code: 1, kind: 'password', scheme: 'secret' },
  { code: 2, kind: 'recovery', scheme: 'secret' },
  { code: 3, kind: 'recovery', scheme: 'recipient' },
  { code: 4, kind: 'person', scheme: 'recipient' },
] as const;
const KDF_SCRYPT = 1;
const SLOT_DESCRIPTOR_BYTES = 1 + 1 + 1 + 4 + 4 + SALT_BYTES;
const RECIPIENT_BYTES = 2 * X25519_BYTES;
const slotBytes = (code: (typeof SLOT_CODES)[number]): number =>
  SLOT_DESCRIPTOR_BYTES +
  (code.scheme === 'recipient' ? RECIPIENT_BYTES : 0) +
  (code.kind === 'person' ? PERSON_ID_BYTES : 0) +
  NONCE_BYTES +
  WRAPPED_KEY_BYTES;

export type SlotDescription = Pick<SlotBase, 'kdf' | 'salt'> & ({ readonly kind: 'password' | 'recovery'; readonly scheme: 'secret' } | RecipientKeys);

/**
 * The part of a slot that the wrapped key's AAD covers: kind, KDF and its parameters, salt (and a
 * recipient slot's two public keys, and a person's id), so that none of them can be changed without
 * breaking the wrap — a person's slot cannot be passed off as another person's.
 */
export function slotDescriptor(ledgerId: Buffer, slot: SlotDescription): Buffer {
  const out = Buffer.alloc(SLOT_DESCRIPTOR_BYTES);
  out.writeUInt8(SLOT_CODES.find((c) => c.kind === slot.kind && c.scheme === slot.scheme)!.code, 0);
  out.writeUInt8(KDF_SCRYPT, 1);
  out.writeUInt8(slot.kdf.logN, 2);
  out.writeUInt32LE(slot.kdf.r, 3);
  out.writeUInt32LE(slot.kdf.p, 7);
  slot.salt.copy(out, 11);
  const keys = slot.scheme === 'recipient' ? [slot.recipient, slot.ephemeral] : [];
  const person = slot.kind === 'person' ? [slot.personId] : [];
  return Buffer.concat([ledgerId, out, ...keys, ...person]);
}

function u64(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

function field(type: number, value: Buffer): Buffer {
  const head = Buffer.alloc(3);
  head.writeUInt8(type, 0);
  head.writeUInt16LE(value.length, 1);
  return Buffer.concat([head, value]);
}

function encodeSlot(slot: KeySlot): Buffer {
  return Buffer.concat([slotDescriptor(Buffer.alloc(0), slot), slot.nonce, slot.wrappedKey]);
}

/** Header bytes up to the checksum; the MAC needs the data key and is appended by `sealHeader`. */
function encodeBody(header: Header): Buffer {
  if (!header.integrityKey) throw new Error('a header is written in format 2, with its integrity key');
  const fields = Buffer.concat([
    field(Field.LedgerId, header.ledgerId),
    field(Field.Generation, u64(header.generation)),
    field(Field.SnapshotSalt, header.snapshotSalt),
    field(Field.SnapshotLength, u64(header.snapshotLength)),
    field(Field.ChunkSize, u32(header.chunkSize)),
    field(Field.WrittenAt, u64(header.writtenAt)),
    field(Field.KeyEpoch, u32(header.keyEpoch)),
    field(Field.IntegrityKey, header.integrityKey),
    ...header.slots.map((slot) => field(Field.KeySlot, encodeSlot(slot))),
    field(Field.End, Buffer.alloc(0)),
  ]);
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt16LE(versionFor(header), 8);
  preamble.writeUInt32LE(PREAMBLE_BYTES + fields.length + 2 * DIGEST_BYTES, 10);
  return Buffer.concat([preamble, fields]);
}

/** The oldest format that can hold the header: readers of format 2 still open a ledger without people. */
export const versionFor = (header: Pick<Header, 'slots'>): number => (header.slots.some((s) => s.kind === 'person') ? PEOPLE_FORMAT : 2);

const checksumOf = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();
const macOf = (macKey: Buffer, bytes: Buffer): Buffer => createHmac('sha256', macKey).update(bytes).digest();

export function sealHeader(header: Header, macKey: Buffer): Buffer {
  const body = encodeBody(header);
  const checked = Buffer.concat([body, checksumOf(body)]);
  return Buffer.concat([checked, macOf(macKey, checked)]);
}

export interface ParsedHeader {
  readonly header: Header;
  /** Total bytes of the header; the snapshot begins here. */
  readonly length: number;
  /** Everything the MAC covers, and the MAC itself, for `verifyHeaderMac` once the data key is known. */
  readonly macInput: Buffer;
  readonly mac: Buffer;
}

const damaged = (part: string): DubanError => dubanError('ledger.damaged', { part });

function bitDistance(a: Buffer, b: Buffer): number {
  let bits = 0;
  for (let i = 0; i < a.length; i++) {
    let x = a[i]! ^ b[i]!;
    for (; x; x &= x - 1) bits++;
  }
  return bits;
}

/**
 * How many bytes from the start of a file its header takes, as the preamble claims; only the
 * preamble's when the claim cannot be right (`parseHeader` then says what is wrong), so that a
 * damaged length never makes a reader allocate or read more.
 */
export function headerBytesClaimed(preamble: Buffer, fileLength: number): number {
  if (preamble.length < PREAMBLE_BYTES) return preamble.length;
  const length = preamble.readUInt32LE(10);
  return length > PREAMBLE_BYTES && length <= Math.min(fileLength, MAX_HEADER_BYTES) ? length : PREAMBLE_BYTES;
}

/**
 * Reads and checks a header without any key: the checksum tells damage apart from a wrong password,
 * and KDF parameters below the floor are refused before any key is derived from them.
 */
export function parseHeader(file: Buffer): Result<ParsedHeader> {
  if (file.length < MAGIC.length) return err(dubanError('ledger.not_a_ledger'));
  const magic = file.subarray(0, MAGIC.length);
  if (!magic.equals(MAGIC)) {
    // A few flipped bits in the magic is a damaged ledger, not some other kind of file.
    return err(bitDistance(magic, MAGIC) <= 3 ? damaged('header') : dubanError('ledger.not_a_ledger'));
  }
  if (file.length < PREAMBLE_BYTES) return err(damaged('header'));
  const version = file.readUInt16LE(8);
  const length = file.readUInt32LE(10);
  if (length < PREAMBLE_BYTES + 3 + 2 * DIGEST_BYTES || length > MAX_HEADER_BYTES || length > file.length) {
    return err(damaged('header'));
  }
  const bodyEnd = length - 2 * DIGEST_BYTES;
  const body = file.subarray(0, bodyEnd);
  const checksum = file.subarray(bodyEnd, bodyEnd + DIGEST_BYTES);
  if (!checksumOf(body).equals(checksum)) return err(damaged('header'));
  if (version > FORMAT_VERSION) return err(dubanError('ledger.newer_format', { version }));
  if (version < 1) return err(damaged('header'));
  const fields = parseFields(body.subarray(PREAMBLE_BYTES), version);
  if (!fields.ok) return fields;
  return ok({
    header: fields.value,
    length,
    macInput: file.subarray(0, bodyEnd + DIGEST_BYTES),
    mac: file.subarray(bodyEnd + DIGEST_BYTES, length),
  });
}

export function verifyHeaderMac(parsed: ParsedHeader, macKey: Buffer): boolean {
  return macOf(macKey, parsed.macInput).equals(parsed.mac);
}

function parseFields(bytes: Buffer, formatVersion: number): Result<Header> {
  const values = new Map<number, Buffer>();
  const slots: KeySlot[] = [];
  let at = 0;
  for (;;) {
    if (at + 3 > bytes.length) return err(damaged('header'));
    const type = bytes.readUInt8(at);
    const size = bytes.readUInt16LE(at + 1);
    const value = bytes.subarray(at + 3, at + 3 + size);
    if (value.length !== size) return err(damaged('header'));
    at += 3 + size;
    if (type === Field.End) break;
    if (type === Field.KeySlot) {
      const slot = parseSlot(value);
      if (!slot.ok) return slot;
      slots.push(slot.value);
    } else if (SINGLE_FIELDS.has(type)) {
      if (values.has(type)) return err(damaged('header'));
      values.set(type, value);
    } else if (type < FIRST_OPTIONAL_FIELD) {
      return err(damaged('header'));
    }
  }
  if (at !== bytes.length) return err(damaged('header'));
  const get = (type: number, size: number): Buffer | null => {
    const value = values.get(type);
    return value && value.length === size ? value : null;
  };
  const ledgerId = get(Field.LedgerId, LEDGER_ID_BYTES);
  const generation = get(Field.Generation, 8);
  const snapshotSalt = get(Field.SnapshotSalt, SNAPSHOT_SALT_BYTES);
  const snapshotLength = get(Field.SnapshotLength, 8);
  const chunkSize = get(Field.ChunkSize, 4);
  const writtenAt = get(Field.WrittenAt, 8);
  if (!ledgerId || !generation || !snapshotSalt || !snapshotLength || !chunkSize || !writtenAt) {
    return err(damaged('header'));
  }
  if (slots.length === 0 || chunkSize.readUInt32LE() === 0) return err(damaged('header'));
  // Format 1 had neither field; from format 2 on both are required, and a slot of a later kind needs them.
  const keyEpoch = get(Field.KeyEpoch, 4);
  const integrityKey = get(Field.IntegrityKey, SEALED_KEY_BYTES);
  const isFormat1 = formatVersion === 1;
  if (isFormat1 ? values.has(Field.KeyEpoch) || values.has(Field.IntegrityKey) || slots.some((s) => s.scheme === 'recipient') : !keyEpoch || !integrityKey) {
    return err(damaged('header'));
  }
  if (formatVersion < PEOPLE_FORMAT && slots.some((s) => s.kind === 'person')) return err(damaged('header'));
  return ok({
    formatVersion,
    keyEpoch: keyEpoch ? keyEpoch.readUInt32LE() : 0,
    integrityKey: integrityKey ? Buffer.from(integrityKey) : null,
    ledgerId: Buffer.from(ledgerId),
    generation: Number(generation.readBigUInt64LE()),
    snapshotSalt: Buffer.from(snapshotSalt),
    snapshotLength: Number(snapshotLength.readBigUInt64LE()),
    chunkSize: chunkSize.readUInt32LE(),
    writtenAt: Number(writtenAt.readBigUInt64LE()),
    slots,
  });
}

function parseSlot(value: Buffer): Result<KeySlot> {
  const code = SLOT_CODES.find((c) => c.code === value.readUInt8(0));
  if (!code || value.length !== slotBytes(code) || value.readUInt8(1) !== KDF_SCRYPT) return err(damaged('header'));
  const kdf: KdfParams = { logN: value.readUInt8(2), r: value.readUInt32LE(3), p: value.readUInt32LE(7) };
  if (isBelowFloor(kdf)) return err(dubanError('ledger.kdf_weakened'));
  if (isAboveCeiling(kdf)) return err(damaged('header'));
  let at = SLOT_DESCRIPTOR_BYTES;
  const take = (bytes: number): Buffer => {
    const taken = Buffer.from(value.subarray(at, at + bytes));
    at += bytes;
    return taken;
  };
  const base = { kdf, salt: Buffer.from(value.subarray(11, 11 + SALT_BYTES)) };
  if (code.scheme === 'recipient') {
    const keys = { scheme: 'recipient', recipient: take(X25519_BYTES), ephemeral: take(X25519_BYTES) } as const;
    const owner: RecipientOwner = code.kind === 'person' ? { kind: 'person', personId: take(PERSON_ID_BYTES) } : { kind: 'recovery' };
    return ok({ ...base, ...keys, ...owner, nonce: take(NONCE_BYTES), wrappedKey: take(WRAPPED_KEY_BYTES) });
  }
  return ok({ ...base, kind: code.kind, scheme: 'secret', nonce: take(NONCE_BYTES), wrappedKey: take(WRAPPED_KEY_BYTES) });
}
