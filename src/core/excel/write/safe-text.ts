import type ExcelJS from 'exceljs';

/**
 * Text a spreadsheet would take for a formula (= + - @ at the start, or a tab or line break that
 * some programs strip before looking) is written as a text cell in the Text number format: it is
 * shown with all its characters, is never calculated, and stays text when someone edits the cell.
 */
const RUNNABLE = /^[=+\-@\t\r\n]/;

export const TEXT_FORMAT = '@';

export function isRunnable(text: string): boolean {
  return RUNNABLE.test(text);
}

/**
 * A carriage return would not survive XML (readers turn it into a line feed): spreadsheets write it
 * as _x000D_, and a literal "_x…_" in the text is itself escaped, as Office does.
 */
export const encodeXString = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(/\r/g, '_x000D_');

/** Puts `text` in the cell as text that cannot run, whatever it starts with. */
export function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = encodeXString(text);
  if (isRunnable(text)) cell.numFmt = TEXT_FORMAT;
}
