/**
 * Character bigrams for full-text search of Chinese, which has no spaces between words. A text
 * becomes the space-separated list of its adjacent character pairs, each pair one token that
 * SQLite's FTS4 simple tokenizer keeps whole: the two characters' code points, four base-36 digits
 * each. A text contains a search of two characters or more exactly when the search's pairs occur
 * in it one after the other, which an FTS phrase query finds without reading every row.
 *
 * Letters are lowered as SQLite's LIKE compares them (A–Z only: full-width and other letters keep
 * their case), so the index finds what LIKE finds.
 */

/** The name the function is registered under on every ledger database (the search index's SQL calls it). */
export const TEXT_GRAMS_FUNCTION = 'duban_text_grams';

/** Stands between two texts' bigrams, so that no phrase runs from one text into the next (no bigram is one character). */
const BETWEEN_TEXTS = ' x ';

const code = (character: string): string => character.codePointAt(0)!.toString(36).padStart(4, '0');

function gramsOf(text: string | null): string {
  if (!text) return '';
  const characters = Array.from(
    text.replace(/[A-Z]/g, (letter) => letter.toLowerCase()),
    code,
  );
  const grams: string[] = [];
  for (let i = 1; i < characters.length; i++) grams.push(characters[i - 1]! + characters[i]!);
  return grams.join(' ');
}

/** The bigrams of each text, the texts kept apart. */
export const textGrams = (...texts: readonly (string | null)[]): string => texts.map(gramsOf).join(BETWEEN_TEXTS);

/** Whether a search is long enough to be found by its bigrams (a single character has none). */
export const searchableByGrams = (search: string): boolean => Array.from(search).length >= 2;
