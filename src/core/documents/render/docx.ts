import { HEADING_FONTS, headingOf } from './headings';
import { titleLines } from './title-lines';
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Packer,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  BODY_PT,
  CHAR_PITCH_PT,
  DOCX_LINE_PITCH_PT,
  LETTER_ISSUER_TOP_MM,
  LINE_PITCH_TWIPS,
  MARGIN_MM,
  PAGE_MM,
  SMALL_PT,
  TITLE_PT,
  TYPE_AREA_MM,
  letterHead,
  standardHead,
} from '../../../shared/documents/geometry';
import { type ComposedDocument, type DocumentBlock, issuerMarkOf, type LatinFace, latinFaceOf } from '../model';
import { closing } from './docx-colophon';
import { textEnd } from './docx-flow';
import { FOOTER_MM, letterFirstPage, letterHeadParagraphs, noPageNumber, pageNumber, standardHeadParagraphs } from './docx-head';
import { blank, exactParagraph, ptTwips, run, twips } from './docx-text';
import { stylesXml } from './docx-styles';
import { addresseeLine, documentDate, signoffGapLines, signoffPlacement } from './html';

/**
 * The same document as a Word file, for an office to edit in WPS or Word before printing, laid out
 * from the same decisions as the PDF (geometry.ts): the page and margins of GB/T 9704 in exact
 * twips, Word's line grid of 22 lines (579 twips), 28 characters a line, the head where the HTML
 * puts it, "— N —" page numbers (odd pages right, even left; a letter's first page has none), and
 * the 版记 in the flow at the foot of its page (docx-colophon.ts).
 */
function bodyParagraph(text: string, level: number, keepNext: boolean, face: LatinFace): Paragraph {
  const { heading, rest } = headingOf(text, level);
  const font = HEADING_FONTS[level];
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    // A heading standing alone keeps with what follows, as in the PDF (docx-flow counts so too).
    keepNext: keepNext || Boolean(heading && !rest),
    keepLines: keepNext,
    indent: { firstLine: ptTwips(2 * CHAR_PITCH_PT) },
    children: [...(font && heading ? [run(heading, font, BODY_PT, face)] : []), ...(rest ? [run(rest, 'fangsong', BODY_PT, face)] : [])],
  });
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/** A table of the text; its header row is repeated on every page it runs onto. */
function table(block: DocumentBlock & { kind: 'table' }, keepNext: boolean, face: LatinFace): Table {
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
            children: [run(line, header || (block.header === null && index === 0) ? 'heiti' : 'fangsong', SMALL_PT, face)],
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

/**
 * The text; its last block is kept on the page of what follows it, where the signature and date
 * follow. Two tables in a row would become one in Word (and lose the second's header row): a blank
 * line parts them.
 */
function blocks(doc: ComposedDocument, keepLastWithNext: boolean): (Paragraph | Table)[] {
  const face = latinFaceOf(doc);
  return doc.blocks.flatMap((block, i) => {
    const keepNext = keepLastWithNext && i === doc.blocks.length - 1;
    if (block.kind !== 'table') return [bodyParagraph(block.text, block.level, keepNext, face)];
    return doc.blocks[i - 1]?.kind === 'table' ? [blank(), table(block, keepNext, face)] : [table(block, keepNext, face)];
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
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      indent: indent(place.nameRight),
      children: [run(doc.signature, 'fangsong', BODY_PT, latinFaceOf(doc))],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: indent(place.dateRight),
      children: [run(documentDate(doc), 'fangsong', BODY_PT, latinFaceOf(doc))],
    }),
  ];
}

/** The title in the lines GB/T 9704 asks for (title-lines.ts), one grid line each as in the PDF. */
const title = (doc: ComposedDocument): Paragraph =>
  exactParagraph(0, DOCX_LINE_PITCH_PT, {
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: titleLines(doc.title).map((line, index) => run(line, 'xiaobiaosong', TITLE_PT, latinFaceOf(doc), index > 0 ? { break: 1 } : {})),
  });

/** The head, the title, the number or addressee; and how many grid lines the head takes. */
function opening(doc: ComposedDocument): { paragraphs: (Paragraph | Table)[]; headLines: number } {
  if (doc.format === 'form')
    return {
      paragraphs: [title(doc), new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.number, 'fangsong', BODY_PT, latinFaceOf(doc))] })],
      headLines: 0,
    };
  const letter = doc.format === 'letter';
  const head = letter ? letterHeadParagraphs(doc) : standardHeadParagraphs(doc);
  const markPt = issuerMarkOf(doc).pt;
  const headLines = (letter ? letterHead : standardHead)(markPt, DOCX_LINE_PITCH_PT).lines;
  return {
    paragraphs: [...head, title(doc), blank(), new Paragraph({ children: [run(addresseeLine(doc.addressee), 'fangsong', BODY_PT, latinFaceOf(doc))] })],
    headLines,
  };
}

export async function renderDocx(doc: ComposedDocument): Promise<Uint8Array> {
  const letter = doc.format === 'letter';
  const start = opening(doc);
  const end = closing(doc, textEnd(doc, start.headLines));
  const first = letter ? letterFirstPage(doc) : null;
  const properties: ISectionOptions['properties'] = {
    page: {
      size: { width: twips(PAGE_MM.width), height: twips(PAGE_MM.height) },
      margin: {
        top: twips(MARGIN_MM.top),
        bottom: twips(MARGIN_MM.bottom),
        left: twips(MARGIN_MM.left),
        right: twips(MARGIN_MM.right),
        header: twips(LETTER_ISSUER_TOP_MM),
        footer: twips(FOOTER_MM),
      },
    },
    grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
  };
  const text: ISectionOptions = {
    properties: { ...properties, titlePage: letter },
    headers: first ? { first: first.header } : {},
    footers: { default: pageNumber('right'), even: pageNumber('left'), ...(first ? { first: first.footer } : {}) },
    children: [...start.paragraphs, ...blocks(doc, doc.format !== 'form'), ...(doc.format === 'form' ? [] : signoff(doc)), ...end.after],
  };
  // The 版记's own page (and the blank one before it): a section whose pages carry no number.
  const colophonPage: ISectionOptions[] = end.ownPage.length
    ? [{ properties: { ...properties, type: SectionType.NEXT_PAGE }, footers: { default: noPageNumber(), even: noPageNumber() }, children: end.ownPage }]
    : [];
  const document = new Document({
    creator: doc.signature,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    externalStyles: stylesXml(latinFaceOf(doc)),
    sections: [text, ...colophonPage],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
