import { counterNonce, open, sealedParts, TAG_BYTES, wipe } from './crypto';

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

/**
 * The sealed chunks' bytes, a chunk at a time as they are asked for — its ciphertext, then its tag —
 * so that a caller writing them holds one chunk at once, never copied whole (the last part yielded
 * is the last chunk's tag).
 */
export function* sealChunks(key: Buffer, plaintext: Uint8Array, chunkSize: number, context: Buffer): Generator<Buffer> {
  const count = chunkCount(plaintext.length, chunkSize);
  for (let i = 0; i < count; i++) {
    const part = plaintext.subarray(i * chunkSize, Math.min(plaintext.length, (i + 1) * chunkSize));
    yield* sealedParts(key, counterNonce(i), part, chunkAad(context, i, i === count - 1));
  }
}

/**
 * The plaintext, decrypted in place: the front of `sealed`, which must hold exactly `sealedLength`
 * bytes — a ledger's snapshot is not held twice. Null if any chunk fails, `sealed` then wiped so
 * that no chunk decrypted before it is left readable.
 */
export function openChunks(key: Buffer, sealed: Buffer, plaintextLength: number, chunkSize: number, context: Buffer): Buffer | null {
  const count = chunkCount(plaintextLength, chunkSize);
  if (sealed.length !== sealedLength(plaintextLength, chunkSize)) return null;
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.min(chunkSize, plaintextLength - i * chunkSize) + TAG_BYTES;
    const part = open(key, counterNonce(i), sealed.subarray(at, at + size), chunkAad(context, i, i === count - 1));
    if (!part) {
      wipe(sealed);
      return null;
    }
    // A chunk's plaintext goes at or before where it was sealed: over bytes already decrypted, never over one still to be.
    part.copy(sealed, i * chunkSize);
    at += size;
  }
  return sealed.subarray(0, plaintextLength);
}

/** The tag of the final chunk: the journal's chain starts from it. */
export function lastTag(sealed: Buffer): Buffer {
  return Buffer.from(sealed.subarray(sealed.length - TAG_BYTES));
}
