import type { TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { wordsOnce } from '../../src/renderer/components/cellWords';

/** A `t` that says what it was asked, counting its calls. */
function countingT() {
  const t = vi.fn((key: string, options?: { number?: string }) => (options?.number ? `${key}:${options.number}` : `«${key}»`));
  return { t: t as unknown as TFunction, calls: t };
}

describe('a table’s words', () => {
  it('looks up a word without values once, however many cells show it', () => {
    const { t, calls } = countingT();
    const words = wordsOnce(t);
    const shown = Array.from({ length: 200 }, (_, i) => words(i % 2 ? 'common:enums.taskStatus.closed' : 'common:listSeparator'));
    expect(shown.slice(0, 2)).toEqual(['«common:listSeparator»', '«common:enums.taskStatus.closed»']);
    expect(calls).toHaveBeenCalledTimes(2);
  });

  it('translates a word with values each time: each cell has its own', () => {
    const { t, calls } = countingT();
    const words = wordsOnce(t);
    expect([words('ledger.selectTask', { number: '1' }), words('ledger.selectTask', { number: '2' })]).toEqual(['ledger.selectTask:1', 'ledger.selectTask:2']);
    expect(calls).toHaveBeenCalledTimes(2);
  });
});
