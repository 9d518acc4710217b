import { createHash } from 'node:crypto';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { NONCE_BYTES, open, random, seal, wipe } from '../storage/crypto';
import { deriveKey, isAboveCeiling, isBelowFloor, type KdfParams } from '../storage/kdf';

/**
 * The outer layer of a report package (docs/report-package.md §2): a header in the clear, the
 * signed content sealed with AES-256-GCM under a key scrypt derives from the passphrase the two
 * offices agreed, and a checksum of everything before it, so that a changed byte is reported as
 * damage before any key is derived — never as a wrong passphrase.
 */
export const PACKAGE_MAGIC = Buffer.from('DUBANRP\0', 'latin1');
export const PACKAGE_VERSION = 1;
const KDF_SCRYPT = 1;
const SALT_BYTES = 16;
const HEADER_BYTES = 8 + 2 + 1 + 1 + 4 + 4 + SALT_BYTES + NONCE_BYTES + 4;
const CHECKSUM_BYTES = 32;

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();
const damaged = () => err(dubanError('report.damaged'));

function bitsApart(a: Uint8Array, b: Uint8Array): number {
  let bits = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i]! ^ b[i]!; x; x &= x - 1) bits++;
  return bits;
}

export async function sealPackage(plaintext: Uint8Array, passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const header = Buffer.alloc(HEADER_BYTES);
  const salt = random(SALT_BYTES);
  const nonce = random(NONCE_BYTES);
  PACKAGE_MAGIC.copy(header, 0);
  header.writeUInt16LE(PACKAGE_VERSION, 8);
  header.writeUInt8(KDF_SCRYPT, 10);
  header.writeUInt8(kdf.logN, 11);
  header.writeUInt32LE(kdf.r, 12);
  header.writeUInt32LE(kdf.p, 16);
  salt.copy(header, 20);
  nonce.copy(header, 20 + SALT_BYTES);
  const key = await deriveKey(passphrase, salt, kdf);
  const sealed = seal(key, nonce, plaintext, header.subarray(0, HEADER_BYTES - 4));
  wipe(key);
  header.writeUInt32LE(sealed.length, HEADER_BYTES - 4);
  const body = Buffer.concat([header, sealed]);
  return Buffer.concat([body, sha256(body)]);
}

/** The plaintext, after the checks in the order docs/report-package.md §4 gives. */
export async function openPackage(bytes: Uint8Array, passphrase: string): Promise<Result<Buffer>> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = file.subarray(0, PACKAGE_MAGIC.length);
  if (magic.length < PACKAGE_MAGIC.length || bitsApart(magic, PACKAGE_MAGIC) > 3) return err(dubanError('report.not_a_package'));
  if (file.length < HEADER_BYTES + CHECKSUM_BYTES) return damaged();
  const length = file.readUInt32LE(HEADER_BYTES - 4);
  const end = HEADER_BYTES + length;
  if (file.length !== end + CHECKSUM_BYTES || !sha256(file.subarray(0, end)).equals(file.subarray(end))) return damaged();
  if (!magic.equals(PACKAGE_MAGIC)) return damaged();
  const version = file.readUInt16LE(8);
  if (version > PACKAGE_VERSION) return err(dubanError('report.newer_version', { version }));
  const kdf: KdfParams = { logN: file.readUInt8(11), r: file.readUInt32LE(12), p: file.readUInt32LE(16) };
  if (version !== PACKAGE_VERSION || file.readUInt8(10) !== KDF_SCRYPT || isBelowFloor(kdf) || isAboveCeiling(kdf)) return damaged();
  const salt = file.subarray(20, 20 + SALT_BYTES);
  const nonce = file.subarray(20 + SALT_BYTES, 20 + SALT_BYTES + NONCE_BYTES);
  const key = await deriveKey(passphrase, salt, kdf);
  const plaintext = open(key, nonce, file.subarray(HEADER_BYTES, end), file.subarray(0, HEADER_BYTES - 4));
  wipe(key);
  return plaintext ? ok(plaintext) : err(dubanError('report.wrong_passphrase'));
}

export const digestOf = (bytes: Uint8Array): string => sha256(bytes).toString('hex');
