import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { ok, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { readSetting, storeSetting } from '../settings';

/**
 * The ledger's Ed25519 key, which signs its report packages. Made on first need and kept in the
 * settings of the encrypted ledger (unaudited: key material has no place in the history; its
 * making is recorded by its fingerprint).
 */
export const KEY_SETTING = 'report.signingKey';
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

interface StoredKey {
  /** PKCS#8 DER, base64. */
  readonly privateKey: string;
}

export interface SigningKey {
  readonly privateKey: KeyObject;
  /** The raw 32 bytes. */
  readonly publicKey: Buffer;
  readonly fingerprint: string;
}

/**
 * What an office reads aloud and writes down once: SHA-256 of the raw public key, its first 20
 * bytes as five groups of eight hexadecimal digits (160 bits), e.g. `3F2A9C01 7B44E0D2 …`.
 */
export function fingerprintOf(publicKey: Uint8Array): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 40).toUpperCase();
  return hex.match(/.{8}/g)!.join(' ');
}

export const publicKeyObject = (raw: Uint8Array): KeyObject => createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });

function signingKeyOf(stored: StoredKey): SigningKey {
  const privateKey = createPrivateKey({ key: Buffer.from(stored.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = Buffer.from(spki.subarray(spki.length - PUBLIC_KEY_BYTES));
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** The ledger's key, made and kept the first time it is asked for. */
export function ledgerSigningKey(ctx: LedgerContext): Result<SigningKey> {
  const stored = readSetting<StoredKey>(ctx.db, KEY_SETTING);
  if (stored) return ok(signingKeyOf(stored));
  return ctx.write((tx) => {
    const made = { privateKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') };
    storeSetting(tx, KEY_SETTING, made);
    const key = signingKeyOf(made);
    tx.audit({ action: 'create', entity: 'settings', entityId: null, before: null, after: { key: KEY_SETTING, value: { fingerprint: key.fingerprint } } });
    return ok(key);
  });
}

export const signBytes = (key: SigningKey, message: Uint8Array): Buffer => sign(null, message, key.privateKey);

export const verifyBytes = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean =>
  verify(null, message, publicKeyObject(publicKey), signature);
