import { HEADING_FONTS, headingOf } from './headings';
import { titleLines } from './title-lines';
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  BODY_PT,
  CHAR_PITCH_PT,
  ISSUER_TOP_MM,
  LETTER_SPACING_PT,
  LETTER_BOTTOM_LINE_MM,
  LETTER_ISSUER_TOP_MM,
  LETTER_LINE_WIDTH_MM,
  LINE_PITCH_TWIPS,
  MARGIN_MM,
  PAGE_MM,
  PAGE_NUMBER_GAP_MM,
  PT_PER_MM,
  RED,
  SMALL_PT,
  TITLE_PT,
  TYPE_AREA_MM,
  issuerMarkSize,
} from '../../../shared/documents/geometry';
import { type ComposedDocument, type DocumentBlock, issuerMarkPtOf } from '../model';
import { FONTS, type FontName } from './fonts';
import { addresseeLine, copyToLine, documentDate, signoffGapLines, signoffPlacement } from './html';

/**
 * The same document as a Word file, for an office to edit in WPS or Word before printing: the same
 * text and fonts (by the names Windows and WPS know), the page and margins of GB/T 9704, Word's
 * line grid of 22 lines (579 twips), 28 characters a line (the same letter-spacing as the HTML), and "— N —" page numbers in the footers,
 * odd pages right and even pages left (a letter's first page has none).
 */
const twips = (mm: number): number => Math.round(mm * PT_PER_MM * 20);
const ptTwips = (pt: number): number => Math.round(pt * 20);
const red = RED.slice(1).toUpperCase();

/** Body text gets the HTML's letter-spacing (-0.21 pt), so that 28 characters fill a line as on the grid. */
const run = (text: string, font: FontName, pt: number, extra: { color?: string; scale?: number; break?: number } = {}): TextRun =>
  new TextRun({
    text,
    font: { eastAsia: FONTS[font].docx, ascii: FONTS[font].docx, hAnsi: FONTS[font].docx },
    size: pt * 2,
    ...(pt === BODY_PT ? { characterSpacing: Math.round(LETTER_SPACING_PT * 20) } : {}),
    ...extra,
  });

const blank = (keepNext = false): Paragraph => new Paragraph({ keepNext, children: [run('', 'fangsong', BODY_PT)] });

function bodyParagraph(text: string, level: number, keepNext: boolean): Paragraph {
  const { heading, rest } = headingOf(text, level);
  const font = HEADING_FONTS[level];
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext,
    indent: { firstLine: ptTwips(2 * CHAR_PITCH_PT) },
    children: [...(font && heading ? [run(heading, font, BODY_PT)] : []), ...(rest ? [run(rest, 'fangsong', BODY_PT)] : [])],
  });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function table(block: DocumentBlock & { kind: 'table' }, keepNext: boolean): Table {
  const total = block.widths.reduce((a, b) => a + b, 0) || 1;
  const width = twips(TYPE_AREA_MM.width);
  const columnWidths = block.widths.map((w) => Math.round((width * w) / total));
  const cell = (text: string, index: number, count: number, header: boolean) =>
    new TableCell({
      columnSpan: index === count - 1 && count < columnWidths.length ? columnWidths.length - index : undefined,
      verticalAlign: VerticalAlignTable.CENTER,
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      children: text.split(/\r?\n/).map(
        (line) =>
          new Paragraph({
            alignment: header || (block.header === null && index === 0) ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [run(line, header || (block.header === null && index === 0) ? 'heiti' : 'fangsong', SMALL_PT)],
          }),
      ),
    });
  const row = (cells: readonly string[], header: boolean, last = false) =>
    new TableRow({ tableHeader: header, cantSplit: true, keepNext: keepNext && last, children: cells.map((text, i) => cell(text, i, cells.length, header)) });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: [...(block.header ? [row(block.header, true)] : []), ...block.rows.map((r, i) => row(r, false, i === block.rows.length - 1))],
  });
}

/** The text; its last block is kept on the page of what follows it, where the signature and date follow. */
function blocks(doc: ComposedDocument, keepLastWithNext: boolean): (Paragraph | Table)[] {
  return doc.blocks.map((block, i) => {
    const keepNext = keepLastWithNext && i === doc.blocks.length - 1;
    return block.kind === 'table' ? table(block, keepNext) : bodyParagraph(block.text, block.level, keepNext);
  });
}

/**
 * The signature and date placed as the HTML places them (signoffPlacement), after as many blank
 * lines, and kept on one page with the end of the text (a page holding only the signature would be a
 * page without text).
 */
function signoff(doc: ComposedDocument): Paragraph[] {
  const place = signoffPlacement(doc);
  const indent = (chars: number) => ({ right: ptTwips(chars * CHAR_PITCH_PT) });
  return [
    ...Array.from({ length: signoffGapLines(doc) }, () => blank(true)),
    new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, indent: indent(place.nameRight), children: [run(doc.signature, 'fangsong', BODY_PT)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: indent(place.dateRight), children: [run(documentDate(doc), 'fangsong', BODY_PT)] }),
  ];
}

/** The 版记's rules in eighths of a point: 0.35 mm (1 pt) first and last, 0.25 mm (¾ pt) between (GB/T 9704 §7.4.1). */
const THICK_RULE = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN_RULE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
type Rule = typeof THICK_RULE | typeof NO_RULE;

/**
 * The 版记 as the HTML has it: in the standard format the copy-to and the 印发 line (印发机关 one
 * character in from the left, the date one in from the right) between thick rules with a thin one
 * between; in the letter format the copy-to alone, without rules (§10.1).
 */
function colophonRows(doc: ComposedDocument): TableRow[] {
  const text = copyToLine(doc.copyTo);
  const standard = doc.format === 'standard';
  const row = (paragraph: Paragraph, top: Rule, bottom: Rule): TableRow =>
    new TableRow({ children: [new TableCell({ borders: { top, bottom, left: NO_RULE, right: NO_RULE }, children: [paragraph] })] });
  const copyToRow =
    text &&
    row(
      new Paragraph({
        indent: { left: ptTwips(4 * SMALL_PT), right: ptTwips(SMALL_PT), hanging: ptTwips(3 * SMALL_PT) },
        children: [run(text, 'fangsong', SMALL_PT)],
      }),
      standard ? THICK_RULE : NO_RULE,
      standard ? THIN_RULE : NO_RULE,
    );
  if (!standard) return copyToRow ? [copyToRow] : [];
  const right = twips(TYPE_AREA_MM.width) - ptTwips(SMALL_PT);
  const printed = row(
    new Paragraph({
      indent: { left: ptTwips(SMALL_PT), right: ptTwips(SMALL_PT) },
      tabStops: [{ type: TabStopType.RIGHT, position: right }],
      children: [run(doc.signature, 'fangsong', SMALL_PT), new TextRun({ children: [new Tab()] }), run(`${documentDate(doc)}印发`, 'fangsong', SMALL_PT)],
    }),
    copyToRow ? THIN_RULE : THICK_RULE,
    THICK_RULE,
  );
  return copyToRow ? [copyToRow, printed] : [printed];
}

/**
 * The 版记 floats to the bottom of the type area of the page it falls on: the last page. A floating
 * table is anchored to the paragraph after it, so one follows it (LibreOffice drops a floating table
 * that ends the document), as small as a line can be so that it asks for no page of its own.
 */
function colophon(doc: ComposedDocument): (Table | Paragraph)[] {
  const rows = colophonRows(doc);
  if (!rows.length) return [];
  return [
    new Table({
      width: { size: twips(TYPE_AREA_MM.width), type: WidthType.DXA },
      columnWidths: [twips(TYPE_AREA_MM.width)],
      // No cell margins: the rules are the type area's width exactly, and the text's indents are the paragraph's own.
      margins: { left: 0, right: 0 },
      // Placed from the page's edge rather than the margin's (the same place): LibreOffice keeps a table as wide as the
      // type area in the text flow, right under the date, unless it is placed from the page.
      float: {
        verticalAnchor: TableAnchorType.MARGIN,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
        horizontalAnchor: TableAnchorType.PAGE,
        absoluteHorizontalPosition: twips(MARGIN_MM.left),
      },
      rows,
    }),
    new Paragraph({ spacing: { line: ptTwips(1), lineRule: 'exact' }, children: [run('', 'fangsong', 1)] }),
  ];
}

function standardHead(doc: ComposedDocument): Paragraph[] {
  const mark = issuerMarkSize(doc.issuer, issuerMarkPtOf(doc), true);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twips(ISSUER_TOP_MM), line: ptTwips(mark.pt), lineRule: 'exact' },
      children: [run(doc.issuer, 'xiaobiaosong', mark.pt, { color: red, scale: Math.floor(mark.scaleX * 100) })],
    }),
    blank(),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: red, space: Math.round(4 * PT_PER_MM) } },
      children: [run(doc.number, 'fangsong', BODY_PT)],
    }),
    blank(),
    blank(),
  ];
}

const OVERHANG_TWIPS = twips((LETTER_LINE_WIDTH_MM - TYPE_AREA_MM.width) / 2);

function letterHead(doc: ComposedDocument): Paragraph[] {
  return [
    new Paragraph({
      indent: { left: -OVERHANG_TWIPS, right: -OVERHANG_TWIPS },
      spacing: { line: ptTwips(2), lineRule: 'exact' },
      border: { top: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: red, space: 1 } },
      children: [],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.number, 'fangsong', BODY_PT)] }),
    blank(),
  ];
}

const pageNumber = (alignment: 'left' | 'right'): Footer =>
  new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: alignment === 'right' ? { right: ptTwips(SMALL_PT) } : { left: ptTwips(SMALL_PT) },
        spacing: { line: ptTwips(SMALL_PT), lineRule: 'exact' },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: FONTS.songti.docx, ascii: FONTS.songti.docx, hAnsi: FONTS.songti.docx },
            size: SMALL_PT * 2,
          }),
        ],
      }),
    ],
  });

/** A letter's first page: the issuer mark in the header 30 mm down, the lower double line 20 mm above the bottom. */
function letterFirstPage(doc: ComposedDocument): { header: Header; footer: Footer } {
  const mark = issuerMarkSize(doc.issuer, 30, false);
  return {
    header: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.issuer, 'xiaobiaosong', mark.pt, { color: red })] })],
    }),
    footer: new Footer({
      children: [
        new Paragraph({
          indent: { left: -OVERHANG_TWIPS, right: -OVERHANG_TWIPS },
          spacing: { line: ptTwips(2), lineRule: 'exact' },
          border: { bottom: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: 18, color: red, space: 1 } },
          children: [],
        }),
      ],
    }),
  };
}

export async function renderDocx(doc: ComposedDocument): Promise<Uint8Array> {
  const letter = doc.format === 'letter';
  const head = doc.format === 'form' ? [] : letter ? letterHead(doc) : standardHead(doc);
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: titleLines(doc.title).map((line, index) => run(line, 'xiaobiaosong', TITLE_PT, index > 0 ? { break: 1 } : {})),
  });
  const opening =
    doc.format === 'form'
      ? [title, new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.number, 'fangsong', BODY_PT)] })]
      : [title, blank(), new Paragraph({ children: [run(addresseeLine(doc.addressee), 'fangsong', BODY_PT)] })];
  const first = letter ? letterFirstPage(doc) : null;
  // The footer's distance from the page's bottom puts the number's top 7 mm under the type area.
  const footerMm = MARGIN_MM.bottom - PAGE_NUMBER_GAP_MM - SMALL_PT / PT_PER_MM;
  const document = new Document({
    creator: doc.signature,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: { eastAsia: FONTS.fangsong.docx, ascii: FONTS.fangsong.docx, hAnsi: FONTS.fangsong.docx }, size: BODY_PT * 2 } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE_MM.width), height: twips(PAGE_MM.height) },
            margin: {
              top: twips(MARGIN_MM.top),
              bottom: twips(MARGIN_MM.bottom),
              left: twips(MARGIN_MM.left),
              right: twips(MARGIN_MM.right),
              header: twips(letter ? LETTER_ISSUER_TOP_MM : 15),
              footer: twips(letter ? LETTER_BOTTOM_LINE_MM : footerMm),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
          titlePage: letter,
        },
        headers: first ? { first: first.header } : {},
        footers: { default: pageNumber('right'), even: pageNumber('left'), ...(first ? { first: first.footer } : {}) },
        children: [...head, ...opening, ...blocks(doc, doc.format !== 'form'), ...(doc.format === 'form' ? [] : signoff(doc)), ...colophon(doc)],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
