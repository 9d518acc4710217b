import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssString } from '../../../src/core/documents/render/css-string';

/** What CSS makes of a string token's hex escapes (CSS Syntax §4.3.7; our strings have no other escape). */
const decoded = (token: string): string => token.slice(1, -1).replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

/** What can end a <style> element, end the string, or start anything in CSS but an escape. */
function breakouts(token: string): string[] {
  const inner = token.slice(1, -1);
  const found = [...inner.matchAll(/[<>&"'\n\r\f\u2028\u2029\0-\x1f\x7f]/g)].map((m) => m[0]);
  // Every backslash must start a complete hex escape ended by its space.
  if (inner.replace(/\\[0-9a-f]{1,6} /g, '').includes('\\')) found.push('\\');
  return found;
}

/** Any UTF-16 text, lone surrogates and NUL included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 80 });

const HOSTILE = [
  '</style><script>window.__pwned=1</script>',
  '"; } body { display: none } x { content: "',
  '\'\\"\\',
  '\\3c /style\\3e ',
  '*/ @import url(http://127.0.0.1/x.css); /*',
  'url(javascript:alert(1))',
  'a\nb\r\nc\fd',
  '\u2028\u2029\0\ud800\udfff',
  '𠀀𝒳😀',
  '１２＜＞＆',
];

describe('the CSS string escaper', () => {
  it('writes nothing that ends the <style> element or the string, and every backslash is an escape', () => {
    for (const text of HOSTILE) expect(breakouts(cssString(text)), text).toEqual([]);
    fc.assert(fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 40 })), (text) => breakouts(cssString(text)).length === 0));
  });

  it('loses nothing: CSS reads back the text it was given', () => {
    for (const text of HOSTILE) expect(decoded(cssString(text))).toBe(text);
    fc.assert(fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 40 })), (text) => decoded(cssString(text)) === text));
  });

  it('leaves an office’s names readable', () => {
    expect(cssString('中共某某纪委监委驻某某厅纪检监察组')).toBe('"中共某某纪委监委驻某某厅纪检监察组"');
    expect(cssString('仿宋_GB2312')).toBe('"仿宋_GB2312"');
    expect(cssString('— 12 —')).toBe('"\\2014  12 \\2014 "');
  });
});
