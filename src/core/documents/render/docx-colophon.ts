import { BorderStyle, HeightRule, Paragraph, Tab, Table, TableCell, TableRow, TabStopType, TextRun, WidthType } from 'docx';
import { COLOPHON_LINE_PT, PT_PER_MM, SMALL_PT, TYPE_AREA_MM } from '../../../shared/documents/geometry';
import { type ComposedDocument, latinFaceOf } from '../model';
import type { TextEnd } from './docx-flow';
import { EXACT_STYLE } from './docx-styles';
import { exactParagraph, ptTwips, run, twips } from './docx-text';
import { copyToLine, documentDate, widthOf } from './html';

/**
 * The 版记 of the Word file, in the text's flow (a floating table vanishes in LibreOffice): a table
 * of rows of exact height, after a blank of the height that brings its last rule onto the type
 * area's bottom. In the standard format it goes on an even page (the back of the last sheet, §7.4):
 * after the text when the text ends on an even page with room for it, else at the foot of the next
 * even page, in a section of its own whose pages carry no number (§9).
 */
const THICK_RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN_RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
type Rule = typeof THICK_RULE | typeof NO_RULE;

interface Row {
  readonly row: TableRow;
  readonly heightPt: number;
}

/** 抄送：甲，乙。 hangs under its first unit: 4号 characters, one in at the right, four (less the hanging three) at the left. */
const COPY_TO_FIRST_LINE_CHARS = Math.floor((TYPE_AREA_MM.width * PT_PER_MM) / SMALL_PT) - 2;
const COPY_TO_LINE_CHARS = COPY_TO_FIRST_LINE_CHARS - 3;

function copyToLines(text: string): number {
  const width = widthOf(text);
  return width <= COPY_TO_FIRST_LINE_CHARS ? 1 : 1 + Math.ceil((width - COPY_TO_FIRST_LINE_CHARS) / COPY_TO_LINE_CHARS);
}

/** A row of its lines' exact height and half of each rule (1 pt and ¾ pt, Word's nearest to 0.35 and 0.25 mm: GB/T 9704 §7.4.1). */
function row(paragraph: Paragraph, lines: number, top: Rule, bottom: Rule): Row {
  const heightPt = lines * COLOPHON_LINE_PT;
  return {
    row: new TableRow({
      height: { value: ptTwips(heightPt), rule: HeightRule.EXACT },
      cantSplit: true,
      children: [new TableCell({ borders: { top, bottom, left: NO_RULE, right: NO_RULE }, children: [paragraph] })],
    }),
    heightPt: heightPt + (top.size + bottom.size) / 16,
  };
}

/**
 * Standard format: the copy-to (when there is one) and the 印发 line (印发机关 one character in from
 * the left, the date one in from the right) between thick rules, a thin one between them; the letter
 * format's copy-to alone, without rules (§10.1).
 */
function rows(doc: ComposedDocument): Row[] {
  const text = copyToLine(doc.copyTo);
  const standard = doc.format === 'standard';
  const copyTo =
    text &&
    row(
      new Paragraph({
        style: EXACT_STYLE,
        indent: { left: ptTwips(4 * SMALL_PT), right: ptTwips(SMALL_PT), hanging: ptTwips(3 * SMALL_PT) },
        spacing: { line: ptTwips(COLOPHON_LINE_PT), lineRule: 'exact' },
        children: [run(text, 'fangsong', SMALL_PT, latinFaceOf(doc))],
      }),
      copyToLines(text),
      standard ? THICK_RULE : NO_RULE,
      standard ? THIN_RULE : NO_RULE,
    );
  if (!standard) return copyTo ? [copyTo] : [];
  const printed = row(
    new Paragraph({
      style: EXACT_STYLE,
      indent: { left: ptTwips(SMALL_PT), right: ptTwips(SMALL_PT) },
      spacing: { line: ptTwips(COLOPHON_LINE_PT), lineRule: 'exact' },
      tabStops: [{ type: TabStopType.RIGHT, position: twips(TYPE_AREA_MM.width) - ptTwips(SMALL_PT) }],
      children: [
        run(doc.signature, 'fangsong', SMALL_PT, latinFaceOf(doc)),
        new TextRun({ children: [new Tab()] }),
        run(`${documentDate(doc)}印发`, 'fangsong', SMALL_PT, latinFaceOf(doc)),
      ],
    }),
    1,
    copyTo ? THIN_RULE : THICK_RULE,
    THICK_RULE,
  );
  return copyTo ? [copyTo, printed] : [printed];
}

/** The last paragraph's height, and the room it is given (LibreOffice needs a little more than its height). */
const TAIL_PT = 1;
const TAIL_ROOM_PT = 2 * TAIL_PT;

/** What follows the text: the 版记 on the page the text ends on, or on a page of its own (then unnumbered). */
export interface Closing {
  readonly after: (Paragraph | Table)[];
  readonly ownPage: (Paragraph | Table)[];
}

export function closing(doc: ComposedDocument, end: TextEnd): Closing {
  const parts = rows(doc);
  if (!parts.length) return { after: [], ownPage: [] };
  const height = parts.reduce((sum, part) => sum + part.heightPt, 0);
  const table = new Table({
    width: { size: twips(TYPE_AREA_MM.width), type: WidthType.DXA },
    columnWidths: [twips(TYPE_AREA_MM.width)],
    // No cell margins: the rules are the type area's width exactly, and the text's indents are the paragraph's own.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: parts.map((part) => part.row),
  });
  // The paragraph Word ends every document with takes a line under the table: it is made as small as can be, and room is kept for it.
  const tail = exactParagraph(0, TAIL_PT, { run: { size: 2 } });
  const fullPage = TYPE_AREA_MM.height * PT_PER_MM - height;
  const fits = end.spaceLeftPt >= height + TAIL_ROOM_PT;
  const even = end.page % 2 === 0;
  if (doc.format !== 'standard') {
    return fits
      ? { after: [exactParagraph(0, end.spaceLeftPt - height - TAIL_ROOM_PT), table, tail], ownPage: [] }
      : { after: [exactParagraph(0, fullPage - TAIL_ROOM_PT, { pageBreakBefore: true }), table, tail], ownPage: [] };
  }
  if (fits && even) return { after: [exactParagraph(0, end.spaceLeftPt - height - TAIL_ROOM_PT), table, tail], ownPage: [] };
  // A page of its own, on the next even page: after a blank one when the text ends on an even page.
  const blankPage = even ? [exactParagraph(0, 1)] : [];
  return { after: [], ownPage: [...blankPage, exactParagraph(0, fullPage - TAIL_ROOM_PT, { pageBreakBefore: even }), table, tail] };
}
