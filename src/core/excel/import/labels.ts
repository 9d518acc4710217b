/**
 * Header words compared as people vary them: full-width and half-width forms, spaces and line
 * breaks inside a cell, brackets and marks such as ＊ for a required column, "（必填）".
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（[【]\s*(必填|选填|可选|必须填写|非必填)\s*[)）\]】]/g, '')
    .replace(/[\s*＊:：、，,.。;；"'“”‘’()（）[\]【】<>《》]/g, '')
    .toLowerCase();
}

/**
 * How well a header matches one of a field's words: 3 the same words, 2 the header holds the word
 * ("整改时限（年月日）" holds "整改时限"), 0 not at all. Words of a single character only match alone.
 */
export function labelScore(header: string, word: string): number {
  const h = normalizeLabel(header);
  const w = normalizeLabel(word);
  if (!h || !w) return 0;
  if (h === w) return 3;
  return w.length >= 2 && h.includes(w) ? 2 : 0;
}
