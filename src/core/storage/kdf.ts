import { scrypt } from 'node:crypto';
import { KEY_BYTES } from './crypto';

/** scrypt parameters; N is stored as its base-2 logarithm. */
export interface KdfParams {
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's floor for scrypt (N=2^17, r=8, p=1): a file asking for less was altered. */
export const KDF_FLOOR: KdfParams = { logN: 17, r: 8, p: 1 };

/** Beyond this the memory cost (128·N·r bytes) would be unreasonable on an office machine. */
export const KDF_CEILING: KdfParams = { logN: 20, r: 8, p: 4 };

export const KDF_TARGET_MS = 500;

export function isBelowFloor(params: KdfParams): boolean {
  return params.logN < KDF_FLOOR.logN || params.r < KDF_FLOOR.r || params.p < KDF_FLOOR.p;
}

export function isAboveCeiling(params: KdfParams): boolean {
  return params.logN > KDF_CEILING.logN || params.r > KDF_CEILING.r || params.p > KDF_CEILING.p;
}

/** Passwords are compared as Unicode NFC so that the same characters typed on another system match. */
export function normalizeSecret(secret: string): string {
  return secret.normalize('NFC');
}

/** Runs in libuv's thread pool: the calling event loop stays free. */
export function deriveKey(secret: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const maxmem = 128 * N * params.r * params.p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalizeSecret(secret), salt, KEY_BYTES, { N, r: params.r, p: params.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Picks the strongest N that this machine derives in about KDF_TARGET_MS, never below the floor.
 * Each step doubles the cost, so we stop once a step would exceed the target by more than half.
 */
export async function calibrateKdf(targetMs = KDF_TARGET_MS): Promise<KdfParams> {
  const salt = Buffer.alloc(16);
  let params = KDF_FLOOR;
  for (;;) {
    const started = performance.now();
    await deriveKey('calibration', salt, params);
    const elapsed = performance.now() - started;
    const next = { ...params, logN: params.logN + 1 };
    if (elapsed * 2 > targetMs * 1.5 || isAboveCeiling(next)) return params;
    params = next;
  }
}
