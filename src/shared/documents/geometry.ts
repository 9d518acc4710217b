/**
 * The page of a formal document by GB/T 9704-2012 (docs/glossary.md, docs/documents.md), in the units each output needs:
 * millimetres for the page, points for type. Chromium lays a 28.95 pt line out as 29.25 pt (39 px)
 * and so fits 21 lines; 28.5 pt (38 px) fits the 22 the standard asks for. Word's grid uses 579 twips.
 */
export const PT_PER_MM = 72 / 25.4;

export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, right: 26, bottom: 35, left: 28 } as const;
export const TYPE_AREA_MM = { width: 156, height: 225 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** The line pitch of the HTML pages (38 px), and of Word's document grid. */
export const LINE_PITCH_PT = 28.5;
export const LINE_PITCH_TWIPS = 579;
/** The 版记's lines (4号), a point closer than the body's. */
export const COLOPHON_LINE_PT = LINE_PITCH_PT - 1;

/** 3号, 2号, 4号. */
export const BODY_PT = 16;
export const TITLE_PT = 22;
export const SMALL_PT = 14;
/** 16 pt glyphs set 28 to the 156 mm line with this much letter-spacing (15.79 pt a character). */
export const LETTER_SPACING_PT = -0.21;
export const CHAR_PITCH_PT = BODY_PT + LETTER_SPACING_PT;

/** The page number's top edge below the type area; a character (4号) in from the outer edge. */
export const PAGE_NUMBER_GAP_MM = 7;

/** The standard format: the issuer mark's top below the type area's top; the red rule below the number. */
export const ISSUER_TOP_MM = 35;
export const RULE_BELOW_NUMBER_MM = 4;
/** The letter format: the issuer mark's top below the page's top; the lower double line above the page's bottom; both lines' length. */
export const LETTER_ISSUER_TOP_MM = 30;
export const LETTER_BOTTOM_LINE_MM = 20;
export const LETTER_LINE_WIDTH_MM = 170;
/** The letter format's red double lines: a thick and a thin line with a gap between (thick over thin at the top, thin over thick at the bottom). */
export const LETTER_DOUBLE_LINE_MM = { thick: 0.8, gap: 0.6, thin: 0.3, total: 1.7 } as const;

export const RED = '#e60012';

/**
 * How far the standard format's issuer mark may condense its characters (a character keeps at least
 * this share of its width), as the 小标宋 of printed issuer marks is condensed: further than that, a
 * long name gets smaller instead. GB/T 9704 §7.2.5 asks only that the mark be 醒目、美观、庄重.
 */
export const ISSUER_MARK_MIN_SCALE = 0.7;

/**
 * The standard format's issuer mark size, in points, the office's setting (设置 → 发文机关). GB/T
 * 9704-2012 leaves it to the office (醒目、美观、庄重); its 1999 edition bounded a character at 22 mm
 * high by 15 mm wide: 初号 (42 pt, 14.8 mm) is the largest common size within both and the default;
 * never below 一号 (26 pt), so the mark stays larger than the 2号 title; at most 62 pt (22 mm). A
 * document composed before the setting printed its mark at `unset`, and keeps it.
 */
export const ISSUER_MARK_PT = { default: 42, min: 26, max: 62, unset: 36 } as const;

/**
 * The issuer mark's size: as large as `maxPt` allows within the type area's width; a standard head
 * condenses a long name (scaleX, down to ISSUER_MARK_MIN_SCALE) before it takes a smaller size, so
 * that the mark stays larger than the title; a letter's mark (in a margin box, which cannot be
 * condensed) gets smaller instead.
 */
export function issuerMarkSize(text: string, maxPt: number, condense: boolean): { pt: number; scaleX: number } {
  const chars = Math.max(1, [...text].length);
  const width = TYPE_AREA_MM.width * PT_PER_MM;
  const fitting = Math.min(maxPt, Math.floor(width / chars));
  if (!condense) return { pt: fitting, scaleX: 1 };
  const pt = Math.min(maxPt, Math.floor(width / (chars * ISSUER_MARK_MIN_SCALE)));
  return { pt, scaleX: Math.max(ISSUER_MARK_MIN_SCALE, Math.min(1, Math.floor((1000 * width) / (chars * pt)) / 1000)) };
}

/** Where the parts of a head sit, in points below the type area's top, and how many lines it takes. */
export interface HeadLayout {
  readonly lines: number;
  readonly issuerTop: number;
  readonly numberTop: number;
  readonly ruleTop: number;
}

/**
 * Standard: mark 35 mm down; number two lines under it; red rule 4 mm under the number; title two
 * lines under the rule. In lines of `pitch` points: the HTML's 28.5, Word's grid's 28.95.
 */
export function standardHead(issuerPt: number, pitch = LINE_PITCH_PT): HeadLayout {
  const issuerTop = ISSUER_TOP_MM * PT_PER_MM;
  const numberTop = issuerTop + issuerPt + 2 * pitch;
  // The number's glyphs end half a leading above its line's bottom.
  const ruleTop = numberTop + (pitch + BODY_PT) / 2 + RULE_BELOW_NUMBER_MM * PT_PER_MM;
  return { lines: Math.ceil((ruleTop + 2 * pitch) / pitch - 0.05), issuerTop, numberTop, ruleTop };
}

/**
 * Letter: the mark 30 mm from the page's top, above the type area (in the first page's top margin);
 * the double line 4 mm under it; the number on the next line, flush right; the title two lines on.
 */
export function letterHead(issuerPt: number, pitch = LINE_PITCH_PT): HeadLayout {
  const issuerTop = (LETTER_ISSUER_TOP_MM - MARGIN_MM.top) * PT_PER_MM;
  const ruleTop = issuerTop + issuerPt + RULE_BELOW_NUMBER_MM * PT_PER_MM;
  const numberLine = Math.ceil((ruleTop + LETTER_DOUBLE_LINE_MM.total * PT_PER_MM) / pitch);
  return { lines: numberLine + 3, issuerTop, numberTop: numberLine * pitch, ruleTop };
}

/** Word's grid line in points (579 twips: 22 lines fill the 225 mm type area). */
export const DOCX_LINE_PITCH_PT = LINE_PITCH_TWIPS / 20;

/**
 * The .docx's character spacing, in the whole twentieths of a point Word stores: the widest that
 * still sets 28 characters in the 156 mm line (−0.25 pt: 28 × 15.75 = 441 of 442.2 pt; −0.2 pt,
 * the HTML's −0.21 rounded, overflows it and leaves 27). Word's character grid (`linesAndChars`)
 * would do it for Word alone: LibreOffice never narrows a character for that grid — a 16 pt
 * character takes two 15.79 pt cells, 14 a line — so the grid holds the lines and this the characters.
 */
export const DOCX_CHARACTER_SPACING_TWIPS = Math.floor((CHAR_PITCH_PT - BODY_PT) * 20);
