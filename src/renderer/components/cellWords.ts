import type { TFunction } from 'i18next';

type Translate = (key: string, options?: object) => string;

/**
 * The screen's `t` for a table's cells: a word without values (a status, a separator) is looked up
 * once for the columns rather than once in each cell, which is what drawing a page of rows spent
 * most of its time on; a word with values (a task's number in a label) is translated each time.
 */
export function wordsOnce(t: TFunction): TFunction {
  const translate = t as unknown as Translate;
  const known = new Map<string, string>();
  const words: Translate = (key, options) => {
    if (options !== undefined) return translate(key, options);
    const word = known.get(key) ?? translate(key);
    known.set(key, word);
    return word;
  };
  return words as unknown as TFunction;
}
