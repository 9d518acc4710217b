import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import type { Writer } from '../storage/database';
import type { LedgerContext } from '../context';
import { readSetting, storeSetting } from '../settings';

/**
 * The ledger's Ed25519 key, which signs its report packages. Made with the ledger (schema 12's seed,
 * for older ledgers when they are first opened) and kept in the settings of the encrypted ledger,
 * unaudited: key material has no place in the history.
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

/** Makes the ledger's key, unless it made one already (a ledger of version 10 or 11 on first need). */
export function seedSigningKey(writer: Writer): void {
  if (readSetting<StoredKey>(writer, KEY_SETTING)) return;
  storeSetting(writer, KEY_SETTING, { privateKey: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') });
}

/** The ledger's key; reading it writes nothing. */
export function ledgerSigningKey(ctx: LedgerContext): Result<SigningKey> {
  const stored = readSetting<StoredKey>(ctx.db, KEY_SETTING);
  return stored ? ok(signingKeyOf(stored)) : err(dubanError('report.no_signing_key'));
}

export const signBytes = (key: SigningKey, message: Uint8Array): Buffer => sign(null, message, key.privateKey);

export const verifyBytes = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean =>
  verify(null, message, publicKeyObject(publicKey), signature);
