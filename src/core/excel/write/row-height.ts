/**
 * The height a row of a table needs so that every line of its cells prints inside it. Neither Excel
 * nor LibreOffice measures wrapped text when it opens a file: a row without a height of its own
 * stays one line high and its other lines print over the rows below. So the writer works the height
 * out from the text and the columns' widths, erring on the tall side (a Linux office's CJK fonts
 * set lines further apart than 宋体 does).
 */
const LINE_SPACING = 1.45;
const PADDING_PT = 4;
/** Points of one of Excel's width units (a digit of the default font, 7 px at 96 dpi) and a cell's inner margin. */
const PT_PER_WIDTH_UNIT = 5.25;
const CELL_MARGIN_PT = 3.75;
/** Wrapping breaks lines a little before the edge: count on a twentieth less. */
const USABLE = 0.95;

/** CJK ideographs and punctuation, full-width forms and the quotes and dashes a CJK font sets full-width. */
const WIDE = /[\u2010-\u203f\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud800-\udbff]/;

/** The width of a line of text in ems of its font: a wide character fills one, the others about half. */
function textWidth(line: string): number {
  let width = 0;
  for (const char of line) width += WIDE.test(char) ? 1 : 0.6;
  return width;
}

/** How many lines the text takes in a column `widthUnits` wide (Excel's units), in a font of `fontSize` points. */
function linesIn(text: string, widthUnits: number, fontSize: number): number {
  const perLine = Math.max(1, ((widthUnits * PT_PER_WIDTH_UNIT - CELL_MARGIN_PT) * USABLE) / fontSize);
  return text.split(/\r\n|\r|\n/).reduce((lines, line) => lines + Math.max(1, Math.ceil(textWidth(line) / perLine)), 0);
}

/** The row's height in points: its tallest cell's lines, and never below `minimum`. */
export function rowHeight(cells: readonly { readonly text: string; readonly widthUnits: number }[], fontSize: number, minimum: number): number {
  const lines = Math.max(1, ...cells.map((cell) => linesIn(cell.text, cell.widthUnits, fontSize)));
  return Math.max(minimum, Math.ceil(lines * fontSize * LINE_SPACING + PADDING_PT));
}
