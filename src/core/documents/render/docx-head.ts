import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import {
  DOCX_LINE_PITCH_PT,
  LETTER_BOTTOM_LINE_MM,
  LETTER_DOUBLE_LINE_MM,
  LETTER_LINE_WIDTH_MM,
  letterHead,
  MARGIN_MM,
  PAGE_NUMBER_GAP_MM,
  PT_PER_MM,
  SMALL_PT,
  standardHead,
  TYPE_AREA_MM,
  BODY_PT,
} from '../../../shared/documents/geometry';
import { type ComposedDocument, issuerMarkOf, latinFaceOf } from '../model';
import { DOCX_RED, exactParagraph, ptTwips, run, twips } from './docx-text';
import { docxFonts } from './fonts';

/**
 * The head and the page furniture of the Word file, placed by the same layout as the HTML's
 * (geometry.ts: standardHead, letterHead) in Word's 28.95 pt lines: each part a paragraph of exact
 * height off the grid, so the title starts on the grid line the PDF's starts on.
 */
const RED_RULE_PT = 1.5;
const DOUBLE_LINE_PT = LETTER_DOUBLE_LINE_MM.total * PT_PER_MM;
const OVERHANG_TWIPS = twips((LETTER_LINE_WIDTH_MM - TYPE_AREA_MM.width) / 2);
const overhang = { left: -OVERHANG_TWIPS, right: -OVERHANG_TWIPS };

/** Standard: the red mark 35 mm into the type area, the number two lines under it, the red rule 4 mm under the number. */
export function standardHeadParagraphs(doc: ComposedDocument): Paragraph[] {
  const mark = issuerMarkOf(doc);
  const head = standardHead(mark.pt, DOCX_LINE_PITCH_PT);
  const numberBottom = head.numberTop + DOCX_LINE_PITCH_PT;
  return [
    exactParagraph(head.issuerTop, mark.pt, {
      alignment: AlignmentType.CENTER,
      children: [run(doc.issuer, 'xiaobiaosong', mark.pt, 'chinese', { color: DOCX_RED, scale: Math.floor(mark.scaleX * 100) })],
    }),
    exactParagraph(head.numberTop - head.issuerTop - mark.pt, DOCX_LINE_PITCH_PT, {
      alignment: AlignmentType.CENTER,
      children: [run(doc.number, 'fangsong', BODY_PT, latinFaceOf(doc))],
    }),
    exactParagraph(head.ruleTop - numberBottom, head.lines * DOCX_LINE_PITCH_PT - head.ruleTop - RED_RULE_PT, {
      border: { top: { style: BorderStyle.SINGLE, size: RED_RULE_PT * 8, color: DOCX_RED, space: 0 } },
      children: [],
    }),
  ];
}

/** Letter: the double line (thick over thin) 4 mm under the mark, 170 mm wide; the number flush right on the next line. */
export function letterHeadParagraphs(doc: ComposedDocument): Paragraph[] {
  const head = letterHead(issuerMarkOf(doc).pt, DOCX_LINE_PITCH_PT);
  return [
    exactParagraph(head.ruleTop, head.numberTop - head.ruleTop - DOUBLE_LINE_PT, {
      indent: overhang,
      border: { top: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: 18, color: DOCX_RED, space: 0 } },
      children: [],
    }),
    exactParagraph(0, DOCX_LINE_PITCH_PT, { alignment: AlignmentType.RIGHT, children: [run(doc.number, 'fangsong', BODY_PT, latinFaceOf(doc))] }),
    exactParagraph(0, (head.lines - head.numberTop / DOCX_LINE_PITCH_PT - 1) * DOCX_LINE_PITCH_PT),
  ];
}

/** The footers stand this far from the page's bottom: the letter's lower double line's place. */
export const FOOTER_MM = LETTER_BOTTOM_LINE_MM;

/** "— N —" in 4号 宋体, its top 7 mm under the type area, one character in from the outer edge. */
export const pageNumber = (side: 'left' | 'right'): Footer =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: ptTwips(SMALL_PT) } : { left: ptTwips(SMALL_PT) },
        spacing: { line: ptTwips(SMALL_PT), lineRule: 'exact', after: twips(MARGIN_MM.bottom - PAGE_NUMBER_GAP_MM - FOOTER_MM) - ptTwips(SMALL_PT) },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: docxFonts('songti', 'chinese'), size: SMALL_PT * 2 })],
      }),
    ],
  });

/** A page without a number: the 版记's page of its own, a blank page before it. */
export const noPageNumber = (): Footer => new Footer({ children: [new Paragraph({ children: [] })] });

/** A letter's first page: the issuer mark in the header 30 mm down, the lower double line (thin over thick) 20 mm above the bottom. */
export function letterFirstPage(doc: ComposedDocument): { header: Header; footer: Footer } {
  const mark = issuerMarkOf(doc);
  return {
    header: new Header({
      children: [
        exactParagraph(0, mark.pt, { alignment: AlignmentType.CENTER, children: [run(doc.issuer, 'xiaobiaosong', mark.pt, 'chinese', { color: DOCX_RED })] }),
      ],
    }),
    footer: new Footer({
      children: [
        exactParagraph(0, 2, {
          indent: overhang,
          border: { bottom: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: 18, color: DOCX_RED, space: 1 } },
          children: [],
        }),
      ],
    }),
  };
}
