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

/** Header texts and field words are few, and compared many times while a header is looked for. */
const known = new Map<string, string>();
const KNOWN_MAX = 10_000;

function normalised(text: string): string {
  let label = known.get(text);
  if (label === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(text, (label = normalizeLabel(text)));
  }
  return label;
}

/**
 * How well a header matches one of a field's words: 3 the same words, 2 the header holds the word
 * ("整改时限（年月日）" holds "整改时限"), 0 not at all. Words of a single character only match alone.
 */
export function labelScore(header: string, word: string): number {
  const h = normalised(header);
  const w = normalised(word);
  if (!h || !w) return 0;
  if (h === w) return 3;
  return w.length >= 2 && h.includes(w) ? 2 : 0;
}
