import { type CellValue, cellText } from '../read/cells';
import type { SheetData, SheetRow } from '../read/workbook';
import type { HeaderColumn } from './header';
import { type FieldSpec, type FieldValue, readField } from './fields';
import { normalizeLabel } from './labels';
import { fillMergedDown } from './merged';
import type { Issue, SkipReason, WordAnswers } from './model';
import type { AskedCell } from './words';
import type { ExtraColumn } from '../../petitions/model';
import { compact } from '../values/text';

/**
 * The data rows of a sheet under its header, each read field by field through the mapping, or
 * passed over with its reason: blank rows between records, 合计/总计 rows, notes under the table
 * (注：……), the header repeated for a second printed page, a row numbering the columns. A cell
 * merged down over several records is read in each of them.
 */
export interface MappedColumn {
  readonly header: HeaderColumn;
  readonly field: FieldSpec;
}

export interface ParsedRow {
  readonly row: number;
  readonly values: ReadonlyMap<string, FieldValue>;
  readonly issues: readonly Issue[];
  /** Cells whose text was asked of the user. */
  readonly asked: readonly AskedCell[];
  /** Text kept as written under its header: columns without a field, cells read as no value. */
  readonly extras: readonly ExtraColumn[];
}

export type SheetLine =
  { readonly kind: 'record'; readonly parsed: ParsedRow } | { readonly kind: 'skip'; readonly row: number; readonly reason: SkipReason; readonly text: string };

const EMPTY: CellValue = { kind: 'empty' };
const TOTAL = /^(合计|总计|小计|共计|总数|汇总|累计)/;
const NOTE = /^(注|说明|备注|填表说明|附注|填报说明)[:：]/;
const SECTION = /^[^\d\s]\S{0,11}$/u;

const cellAt = (row: SheetRow, column: number): CellValue => row.cells[column - 1] ?? EMPTY;

/** The first few values of the row as text, spaces taken out. */
function firstTexts(row: SheetRow, count = 3): string[] {
  const texts: string[] = [];
  for (const cell of row.cells) {
    if (cell.kind === 'empty') continue;
    texts.push(cellText(cell).replace(/\s+/g, ''));
    if (texts.length === count) break;
  }
  return texts;
}

/** The header's words a row repeats: header texts are short, so long values are not compared. */
function repeatsHeader(row: SheetRow, columns: readonly MappedColumn[], leaves: readonly string[]): boolean {
  let same = 0;
  columns.forEach((c, i) => {
    const cell = cellAt(row, c.header.column);
    const leaf = leaves[i]!;
    if (cell.kind === 'text' && cell.text.length <= leaf.length + 8 && cell.text.includes(leaf[0] ?? '') && normalizeLabel(cell.text) === leaf) same++;
  });
  return same * 2 >= columns.length;
}

/**
 * A label over the records below it (来电, 来信, 网络举报): a row whose only value is a short text,
 * outside the columns a record must fill (a unit list's names are a column of short texts).
 */
function isSectionLabel(row: SheetRow, columns: readonly MappedColumn[]): boolean {
  // Asked of every row: a record's second value ends it, without a list of its values.
  const filled = row.cells.findIndex((cell) => cell.kind !== 'empty');
  if (filled < 0 || row.cells.some((cell, i) => i > filled && cell.kind !== 'empty')) return false;
  const cell = row.cells[filled]!;
  const column = filled + 1;
  const required = columns.some((c) => c.header.column === column && c.field.required);
  return !required && cell.kind === 'text' && SECTION.test(compact(cell.text));
}

function skipReason(row: SheetRow, columns: readonly MappedColumn[], leaves: readonly string[], firstAfterHeader: boolean): SkipReason | null {
  const first = firstTexts(row);
  if (first.some((text) => TOTAL.test(text))) return 'total';
  if (NOTE.test(first[0] ?? '') && first.length <= 2) return 'note';
  if (isSectionLabel(row, columns)) return 'section';
  // A numbering column (序号) alone does not make a row a record: templates come pre-numbered.
  if (!columns.some((c) => !c.field.ordinal && cellAt(row, c.header.column).kind !== 'empty')) return 'blank';
  if (repeatsHeader(row, columns, leaves)) return 'repeated_header';
  if (firstAfterHeader && isColumnNumbering(row)) return 'column_numbers';
  return null;
}

/** 1, 2, 3 … in the columns, as some templates number them under the header. */
function isColumnNumbering(row: SheetRow): boolean {
  const numbers = row.cells.filter((c) => c.kind !== 'empty');
  return numbers.length >= 3 && numbers.every((c, i) => c.kind === 'number' && c.value === i + 1);
}

function parseRow(row: SheetRow, columns: readonly MappedColumn[], kept: readonly HeaderColumn[], answers: WordAnswers): ParsedRow {
  const values = new Map<string, FieldValue>();
  const issues: Issue[] = [];
  const asked: AskedCell[] = [];
  const extras: ExtraColumn[] = [];
  for (const { header, field } of columns) {
    const cell = cellAt(row, header.column);
    if (cell.kind === 'empty') continue;
    const at = `${header.letters}${row.number}`;
    const reading = readField(field, cell, { header: header.label, at, answers });
    if (reading.value !== undefined) values.set(field.key, reading.value);
    if (reading.issue) issues.push(reading.issue);
    if (reading.asked) asked.push(reading.asked);
    if (reading.kept !== undefined) extras.push({ header: header.label, text: reading.kept });
  }
  for (const header of kept) {
    const text = cellText(cellAt(row, header.column));
    if (text !== '') extras.push({ header: header.label, text });
  }
  return { row: row.number, values, issues, asked, extras };
}

/**
 * The sheet's lines from `dataStart`, read through the mapped columns; the `kept` columns (no field
 * of the kind's, for a kind that keeps them) are read as text under their headers.
 */
export function readRows(
  sheet: SheetData,
  dataStart: number,
  columns: readonly MappedColumn[],
  answers: WordAnswers,
  kept: readonly HeaderColumn[] = [],
): SheetLine[] {
  const lines: SheetLine[] = [];
  const leaves = columns.map((c) => normalizeLabel(c.header.leaf));
  const rows = fillMergedDown(sheet, sheet.rows[dataStart]?.number ?? Infinity);
  let previous: number | null = null;
  for (let index = dataStart; index < rows.length; index++) {
    const row = rows[index]!;
    // Rows holding nothing are not in the sheet's data: the gaps between records are the blank rows.
    if (previous !== null) for (let gap = previous + 1; gap < row.number; gap++) lines.push({ kind: 'skip', row: gap, reason: 'blank', text: '' });
    const reason = skipReason(row, columns, leaves, index === dataStart);
    if (reason) lines.push({ kind: 'skip', row: row.number, reason, text: firstTexts(row).join(' ') });
    else lines.push({ kind: 'record', parsed: parseRow(row, columns, kept, answers) });
    previous = row.number;
  }
  return trimTrailingBlanks(lines);
}

/** Blank rows after the last record are the end of the table, not rows worth a word. */
function trimTrailingBlanks(lines: SheetLine[]): SheetLine[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.kind === 'skip' && (lines[end - 1] as { reason: SkipReason }).reason === 'blank') end--;
  return lines.slice(0, end);
}
