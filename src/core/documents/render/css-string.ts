/**
 * Text written into the page's stylesheet as a CSS string: the issuer mark (a letter's counter
 * style), the font names. The stylesheet sits in a <style> element, which `</style` ends whatever
 * CSS thinks; inside it a string ends at its quote or a newline, and `\` starts an escape. So every
 * character is written as a hex escape (`\3c `: the space ends it, so a digit after it stays a
 * digit) except a few that mean nothing to HTML's raw text or to CSS: ASCII letters and digits,
 * space, - _ . , and CJK punctuation and ideographs (U+3000–U+303F, U+4E00–U+9FFF), which keep an
 * office's names readable. CSS reads an escaped NUL or lone surrogate as U+FFFD.
 */
const ESCAPED = /[^A-Za-z0-9 _.,\-\u3000-\u303f\u4e00-\u9fff]/gu;

export const cssString = (text: string): string => `"${text.replace(ESCAPED, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
