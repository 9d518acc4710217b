/**
 * A rough estimate of a password's strength, shown while it is typed: the size of the character
 * pool its characters come from, raised to its length, less what repeats and runs give away.
 * Meant to steer, not to judge: the key derivation is what actually protects the ledger.
 */
export type Strength = 'too_short' | 'weak' | 'fair' | 'strong' | 'very_strong';

const COMMON = ['password', 'qwerty', 'admin', 'welcome', 'iloveyou', 'abc123', '123456', '111111', '888888', '000000', '520520', 'woaini'];
export const MIN_PASSWORD_CHARS = 8;

function poolSize(chars: readonly string[]): number {
  let pool = 0;
  if (chars.some((c) => /[a-z]/.test(c))) pool += 26;
  if (chars.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (chars.some((c) => /[0-9]/.test(c))) pool += 10;
  if (chars.some((c) => /[^a-zA-Z0-9]/.test(c) && c.codePointAt(0)! < 0x2e80)) pool += 33;
  if (chars.some((c) => c.codePointAt(0)! >= 0x2e80)) pool += 3000; // CJK characters
  return Math.max(pool, 1);
}

/** Characters that merely repeat or continue a run (aaaa, 1234, abcd) count for little. */
function effectiveLength(chars: readonly string[]): number {
  let length = 0;
  for (let i = 0; i < chars.length; i++) {
    const step = i === 0 ? NaN : chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    length += step === 0 || step === 1 || step === -1 ? 0.25 : 1;
  }
  return length;
}

export function passwordStrength(password: string): { strength: Strength; bits: number } {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_CHARS) return { strength: 'too_short', bits: 0 };
  const lower = password.toLowerCase();
  const common = COMMON.some((word) => lower.includes(word));
  const bits = Math.round(effectiveLength(chars) * Math.log2(poolSize(chars)) * (common ? 0.5 : 1));
  const strength: Strength = bits < 36 ? 'weak' : bits < 56 ? 'fair' : bits < 80 ? 'strong' : 'very_strong';
  return { strength, bits };
}
