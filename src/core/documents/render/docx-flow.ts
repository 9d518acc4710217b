import { CHARS_PER_LINE, DOCX_LINE_PITCH_PT, LINES_PER_PAGE, SMALL_PT, TYPE_AREA_MM, PT_PER_MM } from '../../../shared/documents/geometry';
import type { ComposedDocument, DocumentBlock } from '../model';
import { headingOf } from './headings';
import { signoffGapLines, widthOf } from './html';
import { titleLines } from './title-lines';

/**
 * Where the Word file's text ends: its page and how much of that page it fills. Word has no "put
 * this at the foot of the next even page", so the 版记's place is worked out here, the way Word and
 * LibreOffice lay the lines out: the body on Word's grid (22 lines of 28 characters, a paragraph's
 * first line two characters in), a paragraph that must stay with the next (a heading standing alone,
 * the text's last paragraph before the signature, the signature block) never ending a page.
 */
export interface TextEnd {
  /** From 1. */
  readonly page: number;
  /** Points of the type area's height left under the text on that page. */
  readonly spaceLeftPt: number;
}

/** One line of the flow, and whether a page may end after it. */
interface Line {
  readonly glued: boolean;
}

/** A paragraph's lines; one kept with the next is kept whole (LibreOffice moves it whole; Word is told to: keepLines). */
const lines = (count: number, keptWithNext: boolean): Line[] => Array.from({ length: count }, () => ({ glued: keptWithNext }));

/**
 * Word and LibreOffice put a little space between Chinese and digits or Latin letters (LibreOffice
 * whatever the file says): a third of a character each time, as LibreOffice measures here, so that
 * the count errs long — the 版记 then stands a little high rather than spilling onto the next page.
 */
const SCRIPT_CHANGE_CHARS = 1 / 3;
const isLatin = (c: string): boolean => /[0-9A-Za-z]/.test(c);
const isChinese = (c: string): boolean => c.charCodeAt(0) >= 0x2e80;
const scriptChanges = (text: string): number =>
  [...text].reduce((count, c, i, all) => (i > 0 && ((isLatin(c) && isChinese(all[i - 1]!)) || (isChinese(c) && isLatin(all[i - 1]!))) ? count + 1 : count), 0);

/** Lines of 28 characters a paragraph of `text` takes, its first two characters in. */
export const paragraphLines = (text: string, indentChars = 2, charsPerLine = CHARS_PER_LINE): number =>
  Math.max(1, Math.ceil((indentChars + widthOf(text) + SCRIPT_CHANGE_CHARS * scriptChanges(text)) / charsPerLine));

/** A table's rows in 4号 lines, each cell's text in its column's share of the width (an estimate: Word's cell padding aside). */
function tableLines(block: DocumentBlock & { kind: 'table' }): number {
  const total = block.widths.reduce((a, b) => a + b, 0) || 1;
  const lineChars = (TYPE_AREA_MM.width * PT_PER_MM) / SMALL_PT;
  const rowLines = (cells: readonly string[]) =>
    Math.max(
      1,
      ...cells.map((cell, i) =>
        cell.split(/\r?\n/).reduce((sum, part) => sum + paragraphLines(part, 0, Math.max(1, Math.floor((lineChars * (block.widths[i] ?? 1)) / total) - 1)), 0),
      ),
    );
  return [...(block.header ? [block.header] : []), ...block.rows].reduce((sum, row) => sum + rowLines(row), 0);
}

function flowLines(doc: ComposedDocument, headLines: number): Line[] {
  const body = doc.blocks.flatMap((block, i) => {
    const last = i === doc.blocks.length - 1 && doc.format !== 'form';
    if (block.kind === 'table') return lines(tableLines(block), last);
    const { heading, rest } = headingOf(block.text, block.level);
    const count = paragraphLines(block.text);
    // The text's last paragraph goes with the signature; a heading alone with what follows.
    return lines(count, last || Boolean(heading && !rest));
  });
  const opening = doc.format === 'form' ? titleLines(doc.title).length + 1 : titleLines(doc.title).length + 2;
  // The blank lines, the signature and the date hold together.
  const signoffLines = signoffGapLines(doc) + 2;
  const signoff = doc.format === 'form' ? [] : Array.from({ length: signoffLines }, (_, i) => ({ glued: i < signoffLines - 1 }));
  return [...lines(headLines + opening, false), ...body, ...signoff];
}

/** The page the text ends on and the room under it, breaking pages where Word and LibreOffice do. */
export function textEnd(doc: ComposedDocument, headLines: number): TextEnd {
  const flow = flowLines(doc, headLines);
  let page = 1;
  let start = 0;
  while (flow.length - start > LINES_PER_PAGE) {
    // The last line a page may end on: not one glued to the next.
    let end = start + LINES_PER_PAGE;
    while (end > start + 1 && flow[end - 1]!.glued) end--;
    start = end === start + 1 ? start + LINES_PER_PAGE : end;
    page++;
  }
  // The type area is a little taller than its 22 lines (225 mm against 22 × 28.95 pt).
  return { page, spaceLeftPt: TYPE_AREA_MM.height * PT_PER_MM - (flow.length - start) * DOCX_LINE_PITCH_PT };
}
