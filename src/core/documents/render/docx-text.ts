import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import { BODY_PT, DOCX_CHARACTER_SPACING_TWIPS, PT_PER_MM, RED } from '../../../shared/documents/geometry';
import { EXACT_STYLE } from './docx-styles';
import type { LatinFace } from '../model';
import { docxFonts, type FontName } from './fonts';

/** The pieces every part of the Word file is made of: lengths in twips, runs in the standard's faces, blank and exact lines. */
export const twips = (mm: number): number => Math.round(mm * PT_PER_MM * 20);
export const ptTwips = (pt: number): number => Math.round(pt * 20);
export const DOCX_RED = RED.slice(1).toUpperCase();

export interface RunExtras {
  readonly color?: string;
  readonly scale?: number;
  readonly break?: number;
}

/** Body text (3号) is set 28 characters to the line by its spacing (DOCX_CHARACTER_SPACING_TWIPS); `face`: its digits and Latin letters (LatinFace). */
export const run = (text: string, font: FontName, pt: number, face: LatinFace, extra: RunExtras = {}): TextRun =>
  new TextRun({
    text,
    font: docxFonts(font, face),
    size: pt * 2,
    ...(pt === BODY_PT ? { characterSpacing: DOCX_CHARACTER_SPACING_TWIPS } : {}),
    ...extra,
  });

export const blank = (keepNext = false): Paragraph => new Paragraph({ keepNext, children: [run('', 'fangsong', BODY_PT, 'chinese')] });

/**
 * A paragraph exactly `heightPt` high after `beforePt` of space, off the line grid (an exact line
 * height overrides it): the head's parts and the space that puts the 版记 on the type area's bottom.
 */
export const exactParagraph = (beforePt: number, heightPt: number, options: Omit<IParagraphOptions, 'spacing'> = {}): Paragraph =>
  new Paragraph({
    style: EXACT_STYLE,
    alignment: AlignmentType.LEFT,
    ...options,
    spacing: { before: ptTwips(Math.max(0, beforePt)), line: Math.max(1, ptTwips(heightPt)), lineRule: LineRuleType.EXACT },
  });
