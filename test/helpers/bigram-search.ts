import fc from 'fast-check';
import type { Writer } from '../../src/core/storage/database';
import { reindexLater, type SearchIndex } from '../../src/core/storage/search-index';

/**
 * Characters a clerk's search meets: Chinese, Latin letters in both cases (also full-width ones,
 * which LIKE does not fold), digits and dashes of case numbers, LIKE's own wildcards, what FTS's
 * query syntax means something by, full-width punctuation and spaces, and a character beyond the BMP.
 */
const ALPHABET = [...'异味砂石场恒达', ...'aAbBoOrRnNxXzZ', ...'ｂＢé', ...'012-', ...'%_\\', ...' "*:()', ...'，（）\u3000', '😀'];
export const text = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 10 });

/** Searches: anything typed, and pieces of `texts` (what the rows say) with their Latin letters' case changed. */
export const searchesIn = (texts: readonly string[]) =>
  fc.array(
    fc.oneof(
      text,
      fc.record({ from: fc.constantFrom(...texts, '异味'), at: fc.nat(9), length: fc.nat(6), upper: fc.boolean() }).map(({ from, at, length, upper }) => {
        const piece = Array.from(from)
          .slice(at, at + length)
          .join('');
        return upper ? piece.toUpperCase() : piece.toLowerCase();
      }),
    ),
    { minLength: 1, maxLength: 8 },
  );

/**
 * An edit after writing, to a row picked by its place: its problem changed (the index follows), set
 * again as it was (the index stays), the row deleted (it leaves), or taken out of the index to be
 * indexed again at the end of the write, as an import does before rewriting rows (`reindexLater`).
 */
export type Edit = { readonly at: number; readonly problem: string | null } | { readonly at: number; readonly reindex: true } | { readonly at: number };

const place = fc.nat(11);
export const edits = fc.array(
  fc.oneof(
    fc.record({ at: place, problem: text }),
    fc.record({ at: place, problem: fc.constant(null) }),
    fc.record({ at: place, reindex: fc.constant(true as const) }),
    fc.record({ at: place }),
  ),
  { maxLength: 6 },
);

/** Makes the edits to the rows of the index's table. */
export function editRows(w: Writer, index: SearchIndex, changes: readonly Edit[]): void {
  const { table } = index;
  const ids = w.all<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`).map((row) => row.id);
  for (const change of changes) {
    const id = ids[change.at % Math.max(ids.length, 1)] ?? 0;
    if ('reindex' in change) reindexLater(index, w, [id]);
    else if (!('problem' in change)) w.run(`DELETE FROM ${table} WHERE id = ?`, [id]);
    else if (change.problem === null) w.run(`UPDATE ${table} SET problem = problem WHERE id = ?`, [id]);
    else w.run(`UPDATE ${table} SET problem = ? WHERE id = ?`, [change.problem, id]);
  }
}

/** What the lists found before the search indexes: LIKE over `columns`, wildcards taken literally (`$s` is the pattern). */
export function likeCondition(columns: readonly string[], search: string): { sql: string; params: { $s: string } } {
  return {
    sql: columns.map((column) => `${column} LIKE $s ESCAPE '\\'`).join(' OR '),
    params: { $s: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
  };
}
