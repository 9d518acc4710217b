/**
 * Natural order for the numbers people give tasks and measures: "2" before "10", "1.2" before "1.10".
 * Every run of digits is padded to one width, so that plain string order on the keys is natural
 * order; full-width digits (１２, common in workbooks) count as digits.
 */
const DIGIT_WIDTH = 12;

export function naturalKey(text: string): string {
  return text.normalize('NFKC').replace(/\d+/g, (digits) => digits.padStart(DIGIT_WIDTH, '0'));
}

export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The items in the natural order of their numbers; items with equal numbers keep their order. */
export function inNaturalOrder<T>(items: readonly T[], numberOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: naturalKey(numberOf(item)) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ item }) => item);
}
