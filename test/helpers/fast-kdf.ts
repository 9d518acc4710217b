import { vi } from 'vitest';

/**
 * Memoises scrypt within a test file: deriving the same key from the same secret, salt and
 * parameters twice gives the same bytes, so caching changes no outcome and spares ~0.6 s per repeat.
 * Tests that flip thousands of header bits would otherwise spend minutes re-deriving one key.
 */
export async function memoisedKdf() {
  const actual = await vi.importActual<typeof import('../../src/core/storage/kdf')>('../../src/core/storage/kdf');
  const cache = new Map<string, Promise<Buffer>>();
  return {
    ...actual,
    deriveKey: (secret: string, salt: Uint8Array, params: { logN: number; r: number; p: number }) => {
      const key = `${secret}\u0000${Buffer.from(salt).toString('hex')}\u0000${params.logN}/${params.r}/${params.p}`;
      let derived = cache.get(key);
      if (!derived) {
        derived = actual.deriveKey(secret, salt, params);
        cache.set(key, derived);
      }
      // A fresh copy each time, as scrypt gives: the caller wipes the key it was handed.
      return derived.then((bytes) => Buffer.from(bytes));
    },
  };
}
