import type ExcelJS from 'exceljs';
import type { IsoDate } from '../../../shared/dates';
import { columnLetters } from '../read/workbook';
import { rowHeight } from './row-height';
import { setText } from './safe-text';

/**
 * A table the way an office prints one for its leaders: a title over the whole width, a line saying
 * what it holds, a header of one or two levels (a group over its sub-columns), thin borders, widths
 * fitting the words, the header frozen and repeated on every printed page, A4 landscape fitted to
 * the page's width, page numbers at the foot. Rows are written and committed one by one, so the
 * streaming writer keeps only a few in memory.
 */
export type CellKind = 'text' | 'number' | 'date' | 'center';

export interface TableColumn {
  readonly header: string;
  /** Characters of Chinese text the column shows on a line. */
  readonly width: number;
  readonly kind?: CellKind;
  /** The upper level of a two-level header, shared by neighbouring columns. */
  readonly group?: string;
  /** What the column's cells add to the table's look: a fill, a cell left unlocked, a number format. */
  readonly style?: Pick<Partial<ExcelJS.Style>, 'fill' | 'protection' | 'numFmt'>;
}

export interface TableSpec {
  readonly title: string;
  /** What the table holds: the date it was written, how many rows, the filter. */
  readonly subtitle: string;
  readonly columns: readonly TableColumn[];
  /** The footer's page number, with Excel's codes (&P page, &N pages). */
  readonly pageFooter: string;
}

export type CellInput = string | number | IsoDate | Date | null | undefined;

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10 };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 10, bold: true };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 16, bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
/** A column of Chinese text: a character is about two of Excel's width units. */
const WIDTH_PER_CHAR = 2.1;

const ALIGN: Record<CellKind, Partial<ExcelJS.Alignment>> = {
  text: { vertical: 'middle', horizontal: 'left', wrapText: true },
  number: { vertical: 'middle', horizontal: 'right' },
  date: { vertical: 'middle', horizontal: 'center' },
  center: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

/**
 * The body cells' styles, one object for each column and number format (a date's, or text that must
 * not run): the streaming writer knows a style object it has seen and writes its number, where a
 * style put together cell by cell (font, border, alignment set in turn) it renders and looks up anew
 * for every cell — most of a large export's time. Frozen, as every cell of the column holds it: a
 * cell's setter (`cell.fill = …`) would change them all, and throws instead.
 */
function bodyStyles(columns: readonly TableColumn[]): (column: number, numFmt: string | undefined) => Partial<ExcelJS.Style> {
  const made = columns.map(() => new Map<string, Partial<ExcelJS.Style>>());
  return (column, numFmt) => {
    const key = numFmt ?? '';
    let style = made[column]!.get(key);
    if (!style) {
      const { kind = 'text', style: own } = columns[column]!;
      style = Object.freeze({ font: BODY_FONT, border: BORDER, alignment: ALIGN[kind], ...own, ...(numFmt ? { numFmt } : {}) });
      made[column]!.set(key, style);
    }
    return style;
  };
}

const hasGroups = (columns: readonly TableColumn[]): boolean => columns.some((c) => c.group);

/** A column's width in Excel's units. */
const widthUnits = (column: TableColumn): number => Math.max(4, Math.round(column.width * WIDTH_PER_CHAR));

/** Text wraps in text and centred columns; a number or a date stays on one line. */
const wrappedText = (value: CellInput, kind: CellKind = 'text'): string => ((kind === 'text' || kind === 'center') && typeof value === 'string' ? value : '');

/** Puts a value in a cell: dates as date cells, text that cannot run. */
export function putValue(cell: ExcelJS.Cell, value: CellInput, kind: CellKind = 'text'): void {
  if (value === null || value === undefined || value === '') return;
  if (value instanceof Date) {
    cell.value = value;
    cell.numFmt = DATE_FORMAT;
  } else if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
    const [y, m, d] = String(value).split('-').map(Number) as [number, number, number];
    cell.value = new Date(Date.UTC(y, m - 1, d));
    cell.numFmt = DATE_FORMAT;
  } else if (typeof value === 'number') {
    cell.value = value;
  } else {
    setText(cell, value);
  }
}

function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = HEADER_FONT;
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

/**
 * Adds a sheet holding the table: its title, subtitle and header rows written; the rows of the
 * table follow with `addRow`. (The frozen header is a sheet option: the streaming writer takes it
 * only when the sheet is added.)
 */
export function startTable(book: ExcelJS.Workbook, name: string, spec: TableSpec) {
  const { columns } = spec;
  const last = columnLetters(columns.length);
  const twoLevels = hasGroups(columns);
  const headerStart = 3;
  const headerEnd = twoLevels ? 4 : 3;
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerEnd, topLeftCell: `A${headerEnd + 1}`, activeCell: `A${headerEnd + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerStart}:${headerEnd}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: spec.pageFooter, evenFooter: spec.pageFooter },
  });
  sheet.columns = columns.map((c) => ({ width: widthUnits(c) }));

  const title = sheet.addRow([spec.title]);
  title.height = 32;
  title.getCell(1).font = TITLE_FONT;
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.mergeCells(`A1:${last}1`);
  const subtitle = sheet.addRow([spec.subtitle]);
  subtitle.getCell(1).font = BODY_FONT;
  subtitle.getCell(1).alignment = { vertical: 'middle', horizontal: 'right' };
  sheet.mergeCells(`A2:${last}2`);

  const upper = sheet.addRow(columns.map((c) => c.group ?? c.header));
  const lower = twoLevels ? sheet.addRow(columns.map((c) => (c.group ? c.header : null))) : null;
  for (const row of [upper, lower]) {
    if (!row) continue;
    row.height = 30;
    columns.forEach((_, i) => styleHeader(row.getCell(i + 1)));
  }
  if (lower) {
    columns.forEach((column, i) => {
      const letters = columnLetters(i + 1);
      if (!column.group) sheet.mergeCells(`${letters}${upper.number}:${letters}${lower.number}`);
      else if (columns[i - 1]?.group !== column.group) {
        let end = i;
        while (columns[end + 1]?.group === column.group) end++;
        if (end > i) sheet.mergeCells(`${letters}${upper.number}:${columnLetters(end + 1)}${upper.number}`);
      }
    });
  }
  for (const row of [title, subtitle, upper, lower]) row?.commit();
  const styleOf = bodyStyles(columns);

  return {
    sheet,
    /**
     * Adds one row of the table, bordered and aligned by its columns' kinds, as high as its longest
     * cell needs (and at least `minHeight` points), and commits it.
     */
    addRow(values: readonly CellInput[], minHeight = 0): ExcelJS.Row {
      const row = sheet.addRow([]);
      row.height = rowHeight(
        columns.map((column, i) => ({ text: wrappedText(values[i], column.kind), widthUnits: widthUnits(column) })),
        BODY_FONT.size!,
        minHeight,
      );
      columns.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        putValue(cell, values[i], column.kind);
        cell.style = styleOf(i, cell.numFmt);
      });
      row.commit();
      return row;
    },
    headerRows: lower ? [headerStart, headerEnd] : [headerStart],
  };
}
