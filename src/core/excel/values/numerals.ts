/**
 * Numbers as published tables write them: in digits, with thousands separators (1,200), or in
 * Chinese numerals (两, 三, 十二, 一百零五). 万 is left to the measure that follows it (3万元), so a
 * numeral here stops before it.
 */
const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const POWERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A number in a regular expression: digits (1,200 or 1.5) or Chinese numerals. */
export const NUMBER = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+`;

/** The value of a text NUMBER matched. */
export function numberOf(text: string): number {
  if (/^\d/.test(text)) return Number(text.replaceAll(',', ''));
  let total = 0;
  let digit = 0;
  for (const character of text) {
    const power = POWERS[character];
    if (power === undefined) digit = DIGITS[character] ?? 0;
    else {
      // 十二: a power without a digit before it counts once.
      total += (digit || 1) * power;
      digit = 0;
    }
  }
  return total + digit;
}
