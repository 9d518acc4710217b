import type { SubjectInput } from '../../../contract/accountability';

/** A fine as a spreadsheet holds it: 50000, 50,000, 50000元, 5万元. */
function yuanOf(cell: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(万)?\s*元?$/.exec(cell.replace(/[,\uFF0C]/g, ''));
  if (!match) return null;
  const yuan = Number(match[1]) * (match[2] ? 10_000 : 1);
  return Number.isSafeInteger(yuan) ? yuan : null;
}

/**
 * Rows copied from a spreadsheet (a column of names, or a table: lines of tab-separated cells) as
 * subjects of the kind and form of `like`: the first cell is the name; for a fine, a cell that is an
 * amount is the fine; the next is the position; whatever else the row holds goes to the notes (joined
 * by `separator`), so that nothing pasted is lost. Blank lines are passed over.
 */
export function pastedSubjects(text: string, like: SubjectInput, separator: string): SubjectInput[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split('\t').map((cell) => cell.trim()))
    .filter((cells) => cells.some(Boolean))
    .map(([name = '', ...rest]) => {
      const amount = like.form === 'fine' ? rest.findIndex((cell) => yuanOf(cell) !== null) : -1;
      const [position = '', ...others] = rest.filter((cell, index) => index !== amount && cell !== '');
      return {
        ...like,
        name,
        position,
        fineYuan: amount >= 0 ? yuanOf(rest[amount]!) : like.fineYuan,
        notes: others.join(separator),
      };
    });
}

/** Whether a paste holds more than one name: then it is rows to add, not text for one field. */
export const isManyRows = (text: string): boolean => text.split(/\r?\n/).filter((line) => line.trim()).length > 1 || text.includes('\t');
