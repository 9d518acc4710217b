/**
 * Character bigrams for full-text search of Chinese, which has no spaces between words. A text
 * becomes the space-separated list of its adjacent character pairs, each pair one token that
 * SQLite's FTS4 simple tokenizer keeps whole. A text contains a search of two characters or more
 * exactly when the search's pairs occur in it one after the other, which an FTS phrase query finds
 * without reading every row.
 *
 * The simple tokenizer keeps non-ASCII characters, ASCII letters and digits in a token and splits
 * at anything else, so every other ASCII character (spaces, punctuation, and the query syntax's
 * quotes and stars) is written as `z` and its code in two hex digits, and `z` itself too: each
 * character then has one spelling that cannot be read as another. Letters are lowered as SQLite's
 * LIKE compares them (A–Z only: full-width and other letters keep their case), so the index finds
 * what LIKE finds.
 */

/** The name the function is registered under on every ledger database (the search index's SQL calls it). */
export const TEXT_GRAMS_FUNCTION = 'duban_text_grams';

/** Stands between two texts' bigrams, so that no phrase runs from one text into the next (no bigram is one character). */
const BETWEEN_TEXTS = ' x ';

const ESCAPE = 'z';
const isAlphanumeric = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** How each ASCII character is spelt in a token: `Z` as `z` is. */
const ASCII = Array.from({ length: 0x80 }, (_, c) => {
  const lowered = String.fromCharCode(c).toLowerCase();
  return isAlphanumeric(c) && lowered !== ESCAPE ? lowered : ESCAPE + lowered.charCodeAt(0).toString(16).padStart(2, '0');
});

function gramsOf(text: string | null): string {
  if (!text) return '';
  let grams = '';
  let previous = '';
  for (const character of text) {
    const c = character.codePointAt(0)!;
    const spelt = c < 0x80 ? ASCII[c]! : character;
    if (previous) grams += grams ? ` ${previous}${spelt}` : previous + spelt;
    previous = spelt;
  }
  return grams;
}

/** The bigrams of each text, the texts kept apart. */
export const textGrams = (...texts: readonly (string | null)[]): string => texts.map(gramsOf).join(BETWEEN_TEXTS);

/** Whether a search is long enough to be found by its bigrams (a single character has none). */
export const searchableByGrams = (search: string): boolean => Array.from(search).length >= 2;
