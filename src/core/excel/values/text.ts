/** Text as people type it, compared without its spaces and with full-width letters and digits made plain. */
export const compact = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', '(': '（', ')': '）' };
/** A half-width mark with a Chinese character on either side, and the spaces around it. */
const HALF_WIDTH_MARK = new RegExp(`(?<=[${CJK}])\\s*([,;()])\\s*|\\s*([,;()])\\s*(?=[${CJK}])`, 'g');
/** Spaces between two Chinese characters: where a cell wrapped, or a line was padded. */
const WRAP_SPACE = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'g');
/** A line break inside a sentence; one after a sentence's end or before a numbered item is kept. */
const WRAP_BREAK = new RegExp(`(?<=[${CJK}])(?<![。；！？：])\\n(?![（(]?[\\d一二三四五六七八九十①-⑳]+[.、．)）]|[-•·])`, 'g');

/**
 * Text as it is usually typed in Chinese, when a cell was typed otherwise: half-width , ; ( ) next
 * to Chinese made full-width, and the spaces and line breaks that only wrapped a sentence taken out.
 */
export const asTyped = (text: string): string =>
  text
    .replace(HALF_WIDTH_MARK, (_, before?: string, after?: string) => FULL_WIDTH[(before ?? after)!]!)
    .replace(WRAP_SPACE, '')
    .replace(WRAP_BREAK, '');
