import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** AES-256-GCM with 96-bit nonces and 128-bit tags throughout the file format. */
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

export const random = (bytes: number): Buffer => randomBytes(bytes);

export function seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
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
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
}

/** Sub-keys of the data key, one per purpose, so that no key is used for two jobs. */
export type KeyPurpose = 'header-mac' | 'snapshot' | 'journal' | 'blob';

export function subkey(dataKey: Uint8Array, purpose: KeyPurpose, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, `duban/v1/${purpose}`, KEY_BYTES));
}

/** Nonce for the n-th message under a key that is used for one sequence only. */
export function counterNonce(n: number): Buffer {
  const nonce = Buffer.alloc(NONCE_BYTES);
  nonce.writeBigUInt64BE(BigInt(n), 4);
  return nonce;
}
