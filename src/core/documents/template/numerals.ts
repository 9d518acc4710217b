const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/**
 * A count in Chinese numerals as a document's second-level headings number themselves (（一）…（十六）…
 * （一百零五）), GB/T 9704 §7.3.3's 层次序数; from 1 to 9,999.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9_999) throw new RangeError(`no Chinese numeral for ${n}`);
  const places = [
    [Math.floor(n / 1000), '千'],
    [Math.floor(n / 100) % 10, '百'],
    [Math.floor(n / 10) % 10, '十'],
    [n % 10, ''],
  ] as const;
  let words = '';
  let zero = false;
  for (const [digit, unit] of places) {
    if (digit === 0) {
      zero = words !== '';
      continue;
    }
    if (zero) words += '零';
    zero = false;
    words += DIGITS[digit] + unit;
  }
  // 十一, not 一十一, when the tens lead.
  return n >= 10 && n < 20 ? words.slice(1) : words;
}
