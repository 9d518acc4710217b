import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../../src/core/documents/template/numerals';

describe('a count in Chinese numerals, as second-level headings number themselves', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [16, '十六'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [115, '一百一十五'],
    [1000, '一千'],
    [1005, '一千零五'],
    [1010, '一千零一十'],
    [2306, '二千三百零六'],
  ])('%i is %s', (n, words) => expect(chineseNumeral(n)).toBe(words));

  it('refuses what no heading is numbered with', () => {
    for (const n of [0, -1, 1.5, 10_000]) expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});
