import { counterNonce, open, seal, TAG_BYTES } from './crypto';

/**
 * A long plaintext (the SQLite image, an attachment) sealed as consecutive chunks. Each chunk's AAD
 * holds its index and whether it is the last, so chunks cannot be reordered, dropped or cut off at a
 * chunk boundary without failing authentication.
 */
export function chunkCount(plaintextLength: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(plaintextLength / chunkSize));
}

export function sealedLength(plaintextLength: number, chunkSize: number): number {
  return plaintextLength + chunkCount(plaintextLength, chunkSize) * TAG_BYTES;
}

function chunkAad(context: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64LE(BigInt(index));
  tail.writeUInt8(last ? 1 : 0, 8);
  return Buffer.concat([context, tail]);
}

/** The sealed chunks, one at a time as they are asked for: a caller writing them holds one at once. */
export function* sealChunks(key: Buffer, plaintext: Uint8Array, chunkSize: number, context: Buffer): Generator<Buffer> {
  const count = chunkCount(plaintext.length, chunkSize);
  for (let i = 0; i < count; i++) {
    const part = plaintext.subarray(i * chunkSize, Math.min(plaintext.length, (i + 1) * chunkSize));
    yield seal(key, counterNonce(i), part, chunkAad(context, i, i === count - 1));
  }
}

/**
 * The plaintext, written into `plaintext` (by default new bytes), or null if any chunk fails; `sealed`
 * must hold exactly `sealedLength` bytes.
 */
export function openChunks(key: Buffer, sealed: Buffer, plaintextLength: number, chunkSize: number, context: Buffer): Buffer | null;
export function openChunks(key: Buffer, sealed: Buffer, plaintextLength: number, chunkSize: number, context: Buffer, plaintext: Uint8Array): Uint8Array | null;
export function openChunks(
  key: Buffer,
  sealed: Buffer,
  plaintextLength: number,
  chunkSize: number,
  context: Buffer,
  plaintext: Uint8Array = Buffer.alloc(plaintextLength),
): Uint8Array | null {
  const count = chunkCount(plaintextLength, chunkSize);
  if (sealed.length !== sealedLength(plaintextLength, chunkSize)) return null;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.min(chunkSize, plaintextLength - i * chunkSize) + TAG_BYTES;
    const part = open(key, counterNonce(i), sealed.subarray(at, at + size), chunkAad(context, i, i === count - 1));
    if (!part) return null;
    part.copy(plaintext, i * chunkSize);
    at += size;
  }
  return plaintext;
}

/** The tag of the final chunk: the journal's chain starts from it. */
export function lastTag(sealed: Buffer): Buffer {
  return Buffer.from(sealed.subarray(sealed.length - TAG_BYTES));
}
