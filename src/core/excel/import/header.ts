import { cellText } from '../read/cells';
import { columnLetters, type CellRange, type SheetData, type SheetRow } from '../read/workbook';
import { normalizeLabel } from './labels';

/**
 * Finds the header of a sheet as inspectors lay it out: under a merged title and a subtitle
 * ("填报单位：……  填报日期：……"), in one row or two (a merged group over its sub-columns), and the
 * data that follows. The header is the row among the first ones whose cells name the most known
 * fields.
 */
export interface HeaderColumn {
  readonly column: number;
  readonly letters: string;
  /** The upper level of a two-level header, or the only one. */
  readonly parent: string;
  /** The lower level, or the same as `parent` in a one-level header. */
  readonly leaf: string;
  readonly label: string;
}

export interface Header {
  readonly rows: readonly number[];
  readonly columns: readonly HeaderColumn[];
  /** Index in `sheet.rows` of the first row after the header. */
  readonly dataStart: number;
}

/** How many rows from the top may hold titles before the header. */
const SEARCH_ROWS = 25;

const textAt = (row: SheetRow | undefined, column: number): string => (row ? cellText(row.cells[column - 1] ?? { kind: 'empty' }) : '');

/** The horizontal merge of the header row that covers `column`, spanning more than one column. */
const groupAt = (merges: readonly CellRange[], rowNumber: number, column: number): CellRange | undefined =>
  merges.find((m) => m.top <= rowNumber && m.bottom >= rowNumber && m.left <= column && m.right >= column && m.right > m.left);

/**
 * The row below the header is its second level when every value in it is text under a group of the
 * header (a merged cell, or a label whose right neighbours are empty above sub-labels) or under an
 * empty header cell, and at least one is.
 */
function isSubHeader(sheet: SheetData, header: SheetRow, next: SheetRow | undefined): boolean {
  if (!next || next.number !== header.number + 1) return false;
  const startsGroup = (column: number): boolean => textAt(header, column + 1) === '' && textAt(next, column + 1) !== '';
  let under = 0;
  for (let column = 1; column <= next.cells.length; column++) {
    const kind = next.cells[column - 1]?.kind ?? 'empty';
    if (kind === 'empty') continue;
    if (kind !== 'text') return false;
    if (!groupAt(sheet.merges, header.number, column) && textAt(header, column) !== '' && !startsGroup(column)) return false;
    under++;
  }
  return under > 0;
}

function columnsOf(sheet: SheetData, header: SheetRow, sub: SheetRow | undefined): HeaderColumn[] {
  const width = Math.max(header.cells.length, sub?.cells.length ?? 0);
  const columns: HeaderColumn[] = [];
  for (let column = 1; column <= width; column++) {
    const group = groupAt(sheet.merges, header.number, column);
    let parent = group ? textAt(header, group.left) : textAt(header, column);
    const below = sub ? textAt(sub, column) : '';
    // Without merge records, an empty upper cell over a sub-column continues the group on its left.
    const previous = columns.at(-1);
    if (!parent && below && previous?.column === column - 1 && previous.leaf !== previous.parent) parent = previous.parent;
    const leaf = below || parent;
    if (!leaf) continue;
    columns.push({ column, letters: columnLetters(column), parent, leaf, label: parent && leaf !== parent ? `${parent}/${leaf}` : leaf });
  }
  return columns;
}

/**
 * A header names at least two columns; a title over the table is one cell, and a subtitle
 * ("填报单位：……  填报日期：……") pairs labels with their values.
 */
const mayBeHeader = (texts: readonly string[]): boolean => {
  const filled = texts.filter((text) => text.trim() !== '');
  return filled.length >= 2 && !filled.every((text) => /[:：]\s*\S/.test(text));
};

/**
 * The header of `sheet` judged by `score` (how many known fields a row's texts name, 0 for a row
 * that cannot be the header), or null when no row scores.
 */
export function findHeader(sheet: SheetData, score: (texts: readonly string[]) => number): Header | null {
  let best: { index: number; score: number } | null = null;
  for (let index = 0; index < Math.min(sheet.rows.length, SEARCH_ROWS); index++) {
    const row = sheet.rows[index]!;
    const texts = row.cells.map((cell) => (cell.kind === 'text' ? cell.text : ''));
    if (!mayBeHeader(texts)) continue;
    const value = score(texts);
    if (value > 0 && (!best || value > best.score)) best = { index, score: value };
  }
  if (!best) return null;
  const header = sheet.rows[best.index]!;
  const next = sheet.rows[best.index + 1];
  const sub = isSubHeader(sheet, header, next) ? next : undefined;
  return {
    rows: sub ? [header.number, sub!.number] : [header.number],
    columns: columnsOf(sheet, header, sub),
    dataStart: best.index + (sub ? 2 : 1),
  };
}

/** The shape of a header, for remembering how its columns were mapped: its labels in order. */
export function headerSignature(columns: readonly HeaderColumn[]): string {
  return columns.map((c) => `${c.column}:${normalizeLabel(c.label)}`).join('|');
}
