import { createHash, randomInt } from 'node:crypto';

/**
 * The recovery key is printed once and kept in the office safe. Crockford's base-32 alphabet has no
 * I, L, O or U, so it survives being copied by hand; the last two characters are a checksum of the
 * rest, so a slip of the pen is told apart from a wrong key.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 28; // 140 bits
const CHECK_CHARS = 2;
const GROUP = 5;

function checksum(body: string): string {
  const digest = createHash('sha256').update(`duban-recovery:${body}`).digest();
  const bits = (digest[0]! << 2) | (digest[1]! >> 6); // 10 bits
  return ALPHABET[bits >> 5]! + ALPHABET[bits & 31]!;
}

export function generateRecoveryKey(): string {
  let body = '';
  for (let i = 0; i < RANDOM_CHARS; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  const chars = body + checksum(body);
  const groups = chars.match(new RegExp(`.{${GROUP}}`, 'g')) ?? [];
  return groups.join('-');
}

/** What was typed, read leniently (case, spaces, hyphens, O for 0, I and L for 1); null when it cannot be a key. */
export function parseRecoveryKey(typed: string): string | null {
  const chars = typed
    .toUpperCase()
    .replace(/[\s\-_—–]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== RANDOM_CHARS + CHECK_CHARS) return null;
  if ([...chars].some((c) => !ALPHABET.includes(c))) return null;
  const body = chars.slice(0, RANDOM_CHARS);
  return checksum(body) === chars.slice(RANDOM_CHARS) ? chars : null;
}
