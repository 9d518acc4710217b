import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/** AES-256-GCM with 96-bit nonces and 128-bit tags throughout the file format. */
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

export const random = (bytes: number): Buffer => randomBytes(bytes);

export function seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  return Buffer.concat(sealedParts(key, nonce, plaintext, aad));
}

/** What `seal` gives, as the ciphertext and then the tag: written one after the other, a large chunk is not copied into one buffer. */
export function sealedParts(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): [Buffer, Buffer] {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = cipher.update(plaintext);
  return [ciphertext, Buffer.concat([cipher.final(), cipher.getAuthTag()])];
}

/** Returns null when the ciphertext, its nonce, its AAD or the key do not match: the caller names the cause. */
export function open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const body = sealed.subarray(0, sealed.length - TAG_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    const opened = decipher.update(body);
    // GCM's final() only checks the tag and yields nothing: no second copy of a snapshot's chunks.
    const rest = decipher.final();
    return rest.length ? Buffer.concat([opened, rest]) : opened;
  } catch {
    return null;
  }
}

/**
 * Sub-keys, one per purpose, so that no key is used for two jobs. From the data key: the header's
 * MAC, the snapshot, the journal, attachments, and the seal of the integrity key. From the integrity
 * key (fixed for the life of the ledger, see header.ts): the audit chain and the machine's anchor.
 */
export type KeyPurpose = 'header-mac' | 'snapshot' | 'journal' | 'blob' | 'integrity-key' | 'audit' | 'anchor' | 'recovery-wrap';

export function subkey(key: Uint8Array, purpose: KeyPurpose, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', key, salt, `duban/v1/${purpose}`, KEY_BYTES));
}

/** Nonce for the n-th message under a key that is used for one sequence only, written once. */
export function counterNonce(n: number): Buffer {
  const nonce = Buffer.alloc(NONCE_BYTES);
  nonce.writeBigUInt64BE(BigInt(n), 4);
  return nonce;
}

/** Overwrites key material once it is no longer needed (Node keeps Buffers until they are collected). */
export function wipe(...keys: readonly (Uint8Array | null | undefined)[]): void {
  for (const key of keys) key?.fill(0);
}

/**
 * X25519 for the recovery slot: the data key is wrapped to a public key whose private half is derived
 * from the recovery key, so a new data key can be wrapped for it without the recovery key at hand
 * (a password change rotates the data key; the printed recovery key must go on working).
 */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
export const X25519_BYTES = 32;

export function x25519PrivateKey(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function x25519PublicBytes(key: KeyObject): Buffer {
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  return Buffer.from(spki.subarray(spki.length - X25519_BYTES));
}

const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export function x25519PublicKey(bytes: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

export function x25519Shared(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  return diffieHellman({ privateKey, publicKey });
}

export const x25519Ephemeral = (): KeyObject => generateKeyPairSync('x25519').privateKey;
