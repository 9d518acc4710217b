import {
  BODY_PT,
  CHAR_PITCH_PT,
  COLOPHON_LINE_PT,
  LETTER_BOTTOM_LINE_MM,
  LETTER_DOUBLE_LINE_MM,
  LETTER_ISSUER_TOP_MM,
  LETTER_LINE_WIDTH_MM,
  LETTER_SPACING_PT,
  LINE_PITCH_PT,
  LINES_PER_PAGE,
  MARGIN_MM,
  PAGE_MM,
  PAGE_NUMBER_GAP_MM,
  PT_PER_MM,
  RED,
  SMALL_PT,
  TITLE_PT,
  TYPE_AREA_MM,
} from '../../../shared/documents/geometry';
import { cssString } from './css-string';
import type { LatinFace } from '../model';
import { fontFaces, fontStack } from './fonts';

/**
 * The print stylesheet of GB/T 9704 documents. Every line of a standard or letter document sits on
 * a 28.5 pt grid: the head (issuer mark, number, red rule) is a whole number of lines, the title and
 * the body run on the grid, so each full page holds 22 lines and the copy-to block can be put on the
 * last line of the last page (see fit-pages). Lengths are computed here, once, from geometry.ts.
 */
const pt = (value: number): string => `${Number(value.toFixed(2))}pt`;
const mm = (value: number): string => `${value}mm`;

/** Enough counter symbols for the longest document; fit-pages moves each document's first page. */
const MAX_PAGES = 60;

function counterStyle(name: string, symbols: (page: number) => string): string {
  const list = Array.from({ length: MAX_PAGES }, (_, i) => cssString(symbols(i + 1))).join(' ');
  return `@counter-style ${name} { system: fixed 1; symbols: ${list}; fallback: decimal; }`;
}

export interface PageDecoration {
  readonly index: number;
  readonly letter: boolean;
  readonly issuer: string;
  readonly issuerPt: number;
}

/** A letter's pages are 7 mm wider on each side, so that its 170 mm double lines lie inside them (Chromium paints nothing outside a page's area); its text keeps the 156 mm type area. */
export const LETTER_OVERHANG_MM = (LETTER_LINE_WIDTH_MM - TYPE_AREA_MM.width) / 2;

/**
 * Each document is a named page of its own, whose counter style writes "— N —" from its own first
 * page: documents printed together number their pages each from 1. The number sits one character in
 * from the type area's outer edge (an indent from the right, in a right-to-left box, on odd pages;
 * "— N —" reads the same both ways). A letter's first page has no number, its issuer mark in the
 * top margin and the lower red double line 20 mm above the bottom.
 */
export function pageRules({ index, letter, issuer, issuerPt }: PageDecoration): string {
  const d = `d${index}`;
  // The space from the type area's edge is an indent, not padding: an empty box (a letter's first page) then takes no width.
  const inset = pt((letter ? LETTER_OVERHANG_MM * PT_PER_MM : 0) + SMALL_PT);
  const number = (side: 'r' | 'l') =>
    `content: counter(page, ${d}-num); font-family: ${fontStack('songti', 'chinese')}; font-size: ${pt(SMALL_PT)}; line-height: 1; vertical-align: top; color: #000; letter-spacing: 0;
    padding-top: ${mm(PAGE_NUMBER_GAP_MM)}; text-indent: ${inset}; text-align: start; direction: ${side === 'r' ? 'rtl' : 'ltr'};`;
  const symbol = (page: number): string => (letter && page === 1 ? '' : `— ${page} —`);
  const rules = [
    counterStyle(`${d}-num`, symbol),
    `@page ${d}:right { @bottom-right { ${number('r')} } }`,
    `@page ${d}:left { @bottom-left { ${number('l')} } }`,
    `#doc-${index} { page: ${d}; }`,
  ];
  if (letter) {
    const spaces = 48;
    rules.push(
      counterStyle(`${d}-mark`, (page) => (page === 1 ? issuer : '')),
      counterStyle(`${d}-line`, (page) => (page === 1 ? '\u3000'.repeat(spaces) : '')),
      `@page ${d} {
  margin: ${mm(MARGIN_MM.top)} ${mm(MARGIN_MM.right - LETTER_OVERHANG_MM)} ${mm(MARGIN_MM.bottom)} ${mm(MARGIN_MM.left - LETTER_OVERHANG_MM)};
  @top-center { content: counter(page, ${d}-mark); vertical-align: top; padding-top: ${mm(LETTER_ISSUER_TOP_MM)}; white-space: nowrap; color: ${RED};
    font-family: ${fontStack('xiaobiaosong', 'chinese')}; font-size: ${pt(issuerPt)}; line-height: 1; letter-spacing: 0; }
  @bottom-center { content: counter(page, ${d}-line); vertical-align: top; box-sizing: border-box; height: ${mm(LETTER_DOUBLE_LINE_MM.total)}; font-size: ${mm(LETTER_LINE_WIDTH_MM / spaces)}; line-height: 1;
    margin-top: ${mm(MARGIN_MM.bottom - LETTER_BOTTOM_LINE_MM - LETTER_DOUBLE_LINE_MM.total)}; border-top: ${mm(LETTER_DOUBLE_LINE_MM.thin)} solid ${RED}; border-bottom: ${mm(LETTER_DOUBLE_LINE_MM.thick)} solid ${RED}; }
}`,
    );
  }
  return rules.join('\n');
}

/**
 * Nothing may stick out of the page's area: Chromium would shrink the whole page to fit it, and
 * paints nothing outside it. The issuer mark is condensed by a transform (its box as wide as the
 * text, centred); a letter's double line reaches into the 7 mm its wider page leaves each side.
 */
function headRules(): string {
  const overhang = mm(LETTER_OVERHANG_MM);
  const line = `content: ""; position: absolute; left: -${overhang}; right: -${overhang}; background: ${RED};`;
  return `
.head { position: relative; }
.head__issuer { position: absolute; text-align: center; white-space: nowrap; color: ${RED}; font-family: ${fontStack('xiaobiaosong', 'chinese')};
  line-height: 1; letter-spacing: 0; transform-origin: center top; }
.head__number { position: absolute; left: 0; right: 0; text-align: center; white-space: nowrap; }
.head__rule { position: absolute; left: 0; right: 0; border-top: 1.5pt solid ${RED}; }
.head--letter .head__issuer { display: none; }
.head--letter .head__number { text-align: right; }
.head--letter .head__rule { border: none; height: ${mm(LETTER_DOUBLE_LINE_MM.total)}; }
.head--letter .head__rule::before { ${line} top: 0; height: ${mm(LETTER_DOUBLE_LINE_MM.thick)}; }
.head--letter .head__rule::after { ${line} bottom: 0; height: ${mm(LETTER_DOUBLE_LINE_MM.thin)}; }`;
}

/**
 * The 版记's rules (GB/T 9704 §7.4.1): the first and last 0.35 mm, those between 0.25 mm. Chromium
 * paints a box's or a border's height in whole CSS pixels (0.26 mm), so each rule is a box one pixel
 * high, scaled to its height (the scale is not rounded), with the rest of its height as margin. A 版记 on a page of
 * its own is on the named page `colophon`, which has no page number (§9).
 */
const COLOPHON_RULE_MM = { thick: 0.35, thin: 0.25 } as const;
const MM_PER_PX = 25.4 / 96;

const colophonRule = (kind: keyof typeof COLOPHON_RULE_MM): string =>
  `.colophon__rule--${kind} { height: 1px; margin-bottom: calc(${mm(COLOPHON_RULE_MM[kind])} - 1px); background: #000; transform: scaleY(${(COLOPHON_RULE_MM[kind] / MM_PER_PX).toFixed(4)}); transform-origin: top; }`;

function bodyRules(face: LatinFace): string {
  return `
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; }
.doc + .doc { break-before: page; }
@media print { .doc--letter .doc__flow { margin: 0 ${mm(LETTER_OVERHANG_MM)}; } }
.doc__flow { width: ${mm(TYPE_AREA_MM.width)}; font-family: ${fontStack('fangsong', face)}; font-size: ${pt(BODY_PT)}; line-height: ${pt(LINE_PITCH_PT)};
  letter-spacing: ${pt(LETTER_SPACING_PT)}; orphans: 2; widows: 2; font-kerning: none; overflow-wrap: anywhere; }
.title { margin: 0; font-family: ${fontStack('xiaobiaosong', face)}; font-size: ${pt(TITLE_PT)}; line-height: ${pt(LINE_PITCH_PT)}; font-weight: normal;
  text-align: center; letter-spacing: 0; break-after: avoid; }
.addressee { margin: ${pt(LINE_PITCH_PT)} 0 0; }
.p { margin: 0; text-indent: ${pt(2 * CHAR_PITCH_PT)}; text-align: justify; text-justify: inter-character; }
.p--keep { break-after: avoid; }
.p--whole { break-inside: avoid; }
.p--1 > .heading { font-family: ${fontStack('heiti', face)}; }
.p--2 > .heading { font-family: ${fontStack('kaiti', face)}; }
/* A heading's face sits its glyphs higher or lower on the baseline than 仿宋: a box of its own would make its line taller than the grid's. */
.heading { line-height: 0; }
.form-number { margin: 0; text-align: right; }
.signoff { white-space: nowrap; break-inside: avoid; break-before: avoid; }
/* Sealed: the signature centred on the date whatever the digits' widths, as wide as it is over it. */
.signoff--sealed { display: grid; justify-content: end; }
.signoff--sealed .signoff__name { justify-self: center; margin: 0 -20em; }
.signoff--unsealed { display: grid; justify-content: end; justify-items: start; }
.signoff--unsealed .signoff__date { margin-left: ${pt(2 * CHAR_PITCH_PT)}; }
.closing--alone { page: colophon; }
.colophon { display: flow-root; font-size: ${pt(SMALL_PT)}; line-height: ${pt(COLOPHON_LINE_PT)}; letter-spacing: 0; break-inside: avoid; }
${colophonRule('thin')}
${colophonRule('thick')}
.copyto { padding: 0 ${pt(SMALL_PT)} 0 ${pt(4 * SMALL_PT)}; text-indent: ${pt(-3 * SMALL_PT)}; }
.colophon__printed { display: flex; justify-content: space-between; padding: 0 ${pt(SMALL_PT)}; white-space: nowrap; }
.table { width: 100%; border-collapse: collapse; margin: ${pt(LINE_PITCH_PT / 2)} 0; font-size: ${pt(SMALL_PT)}; line-height: 1.6; letter-spacing: 0; }
.table th, .table td { border: 0.75pt solid #000; padding: 4pt 6pt; vertical-align: middle; text-align: left; }
.table th { font-family: ${fontStack('heiti', face)}; font-weight: normal; text-align: center; }
.table--form td:first-child { font-family: ${fontStack('heiti', face)}; text-align: center; }
.table thead { display: table-header-group; }
.table tr { break-inside: avoid; }`;
}

/** On screen (the preview): each document as a sheet of paper, with a faint line where a page ends. */
function screenRules(): string {
  const page = LINE_PITCH_PT * LINES_PER_PAGE;
  return `
@media screen {
  body { background: #e9ecef; padding: 12px 0; }
  .doc { box-sizing: border-box; width: ${mm(PAGE_MM.width)}; min-height: ${mm(PAGE_MM.height)}; margin: 0 auto 12px; background: #fff;
    padding: ${mm(MARGIN_MM.top)} ${mm(MARGIN_MM.right)} ${mm(MARGIN_MM.bottom)} ${mm(MARGIN_MM.left)}; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  /* A letter's issuer mark prints in the first page's margin box, which a screen does not show. */
  .head--letter .head__issuer { display: block; }
  .doc--standard .doc__flow, .doc--letter .doc__flow {
    background-image: repeating-linear-gradient(to bottom, transparent 0, transparent ${pt(page - 1)}, rgba(0, 90, 200, 0.3) ${pt(page - 1)}, rgba(0, 90, 200, 0.3) ${pt(page)}); }
}`;
}

const pageBox = (): string =>
  `@page { size: ${mm(PAGE_MM.width)} ${mm(PAGE_MM.height)}; margin: ${mm(MARGIN_MM.top)} ${mm(MARGIN_MM.right)} ${mm(MARGIN_MM.bottom)} ${mm(MARGIN_MM.left)}; }`;

/** The documents' stylesheet; `face`: digits and Latin letters in the text as the office set them (LatinFace). */
export const documentCss = (perDocument: string, face: LatinFace): string =>
  [fontFaces(), pageBox(), bodyRules(face), headRules(), screenRules(), perDocument].join('\n');
