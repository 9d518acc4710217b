import { headingOf } from './headings';
import { plainTitle, titleLines } from './title-lines';
import { CHAR_PITCH_PT, letterHead, LINE_PITCH_PT, standardHead } from '../../../shared/documents/geometry';
import { formatDate } from '../../../shared/i18n/format';
import { type ComposedDocument, type DocumentBlock, issuerMarkOf, latinFaceOf } from '../model';
import { documentCss, pageRules } from './css';

/**
 * Documents as one self-contained HTML page (its stylesheet inline, no script, no outside resource)
 * that prints to GB/T 9704 pages in Chromium: the app's print dialog, its PDF, the command line's
 * .html and .pdf all come from this. Every text is escaped: a template can only ever produce text.
 */
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const lines = (text: string): string => text.split(/\r?\n/).map(escapeHtml).join('<br>');

/** The date of a document: 2026年11月24日, numerals unpadded. */
export const documentDate = (doc: ComposedDocument): string => formatDate(doc.date, 'zh-CN');

/** 主送 ends in a full-width colon. */
export const addresseeLine = (addressee: string): string => addressee.replace(/[：:]\s*$/, '') + '：';

/** 抄送：甲，乙。 — the units separated by commas, a full stop after the last. */
export function copyToLine(copyTo: string): string {
  const units = copyTo
    .split(/[、，,；;\n]+/)
    .map((unit) => unit.trim().replace(/[。.]$/, ''))
    .filter(Boolean);
  return units.length ? `抄送：${units.join('，')}。` : '';
}

/** Width in characters: CJK one, Latin letters and digits half (as 仿宋_GB2312 sets them). */
export const widthOf = (text: string): number => [...text].reduce((sum, c) => sum + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/** How far the signature's and the date's right ends stand in from the type area's right edge, in characters. */
export interface SignoffPlacement {
  readonly nameRight: number;
  readonly dateRight: number;
}

/**
 * GB/T 9704-2012 §7.3.5. Sealed: the date 右空四字, the signature centred on it (kept inside the
 * type area). Unsealed: the signature 右空二字, the date on the next line starting two characters
 * right of the signature's start; a date longer than that allows 右空二字, the signature moved left.
 */
export function signoffPlacement(doc: ComposedDocument): SignoffPlacement {
  const name = widthOf(doc.signature);
  const date = widthOf(documentDate(doc));
  if (doc.sealed ?? true) return { dateRight: 4, nameRight: Math.max(0, 4 + (date - name) / 2) };
  // The date's start two characters right of the signature's.
  const dateRight = name - 2 - date;
  return dateRight >= 2 ? { nameRight: 2, dateRight } : { nameRight: 2 + date + 2 - name, dateRight: 2 };
}

/** Blank lines between the text and the signature: one (§7.3.5.2), or two under a seal, whose top is then within a line of the text. */
export const signoffGapLines = (doc: ComposedDocument): number => ((doc.sealed ?? true) ? 2 : 1);

/**
 * The 版记 (GB/T 9704 §7.4): in the standard format the copy-to and the 印发 line (the office as
 * 印发机关, the document's date) between thick rules, a thin one between them; the letter format
 * (§10.1) prints the copy-to alone, without rules or 印发 line. fit-pages sizes the spacer before it.
 */
function colophonHtml(doc: ComposedDocument): string {
  const copyTo = copyToLine(doc.copyTo);
  const copyToHtml = copyTo ? `<div class="copyto">${escapeHtml(copyTo)}</div>` : '';
  const spacer = '<div class="closing-spacer"></div>';
  if (doc.format !== 'standard') return copyTo ? `<div class="closing">${spacer}<div class="colophon">${copyToHtml}</div></div>` : '';
  const thick = '<div class="colophon__rule--thick"></div>';
  const printed = `<div class="colophon__printed"><span>${escapeHtml(doc.signature)}</span><span>${escapeHtml(documentDate(doc))}印发</span></div>`;
  const copyToPart = copyTo ? `${copyToHtml}<div class="colophon__rule--thin"></div>` : '';
  return `<div class="closing">${spacer}<div class="colophon colophon--even">${thick}${copyToPart}${printed}${thick}</div></div>`;
}

/**
 * The block stands 4 (sealed) or 2 (unsealed) characters from the right and the page lines its two
 * lines up itself, whatever the digits' widths: sealed, the signature centred on the date (a
 * signature too long for that ends at the type area's edge); unsealed, the date starting two
 * characters right of the signature's start.
 */
function signoffCss(selector: string, doc: ComposedDocument): string {
  const place = signoffPlacement(doc);
  const chars = (n: number): string => `${(n * CHAR_PITCH_PT).toFixed(2)}pt`;
  const sealed = doc.sealed ?? true;
  const rules = [`${selector} .signoff { margin-right: ${chars(sealed ? place.dateRight : Math.min(place.nameRight, place.dateRight))}; }`];
  if (sealed && place.nameRight === 0) rules.push(`${selector} .signoff__name { justify-self: end; margin: 0 -${chars(place.dateRight)} 0 0; }`);
  return rules.join('\n');
}

function head(doc: ComposedDocument): string {
  const kind = doc.format === 'letter' ? 'letter' : 'standard';
  return `<header class="head head--${kind}"><div class="head__issuer">${escapeHtml(doc.issuer)}</div><div class="head__number">${escapeHtml(doc.number)}</div><div class="head__rule"></div></header>`;
}

/** Column widths go in the stylesheet: the page has no inline style (the app's preview allows none). */
function table(block: DocumentBlock & { kind: 'table' }, selector: string): Rendered {
  const total = block.widths.reduce((a, b) => a + b, 0) || 1;
  const columns = block.widths.map(() => '<col>').join('');
  const css = block.widths.map((w, i) => `${selector} col:nth-child(${i + 1}) { width: ${((100 * w) / total).toFixed(2)}%; }`).join('\n');
  const row = (cells: readonly string[], tag: 'td' | 'th'): string =>
    `<tr>${cells
      .map((cell, i) => {
        const span = i === cells.length - 1 && cells.length < block.widths.length ? ` colspan="${block.widths.length - i}"` : '';
        return `<${tag}${span}>${lines(cell)}</${tag}>`;
      })
      .join('')}</tr>`;
  const thead = block.header ? `<thead>${row(block.header, 'th')}</thead>` : '';
  const html = `<table class="table${block.header ? '' : ' table--form'} ${selector.split('.').pop()}"><colgroup>${columns}</colgroup>${thead}<tbody>${block.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
  return { html, css };
}

interface Rendered {
  readonly html: string;
  readonly css: string;
}

interface RenderedDocument extends Rendered {
  readonly pages: string;
}

function blocksHtml(blocks: readonly DocumentBlock[], id: string): Rendered {
  const parts = blocks.map((block, i) => (block.kind === 'table' ? table(block, `#${id} .t-${i}`) : { html: paragraphHtml(block.text, block.level), css: '' }));
  return {
    html: parts.map((p) => p.html).join(''),
    css: parts
      .map((p) => p.css)
      .filter(Boolean)
      .join('\n'),
  };
}

/** A body paragraph: a heading's first sentence in its heading font (headings.ts), the rest as body text. */
function paragraphHtml(text: string, level: number): string {
  const { heading, rest } = headingOf(text, level);
  const marked = heading ? `<span class="heading">${escapeHtml(heading)}</span>` : '';
  // A heading standing alone is kept with what follows it (fit-pages counts pages so too).
  const keep = heading && !rest ? ' p--keep' : '';
  return `<p class="p p--${level}${keep}">${marked}${escapeHtml(rest)}</p>`;
}

/** The title in the lines GB/T 9704 asks for (title-lines.ts): the page breaks it nowhere else. */
const titleHtml = (title: string): string => `<h1 class="title">${titleLines(title).map(escapeHtml).join('<br>')}</h1>`;

function renderOne(doc: ComposedDocument, index: number): RenderedDocument {
  const id = `doc-${index + 1}`;
  const letter = doc.format === 'letter';
  const mark = issuerMarkOf(doc);
  const pages = pageRules({ index: index + 1, letter, issuer: doc.issuer, issuerPt: mark.pt });
  const closing = colophonHtml(doc);
  const body = blocksHtml(doc.blocks, id);
  if (doc.format === 'form') {
    const html = `${titleHtml(doc.title)}<p class="form-number">${escapeHtml(doc.number)}</p>${body.html}${closing}`;
    return { html: `<article class="doc doc--form" id="${id}"><div class="doc__flow">${html}</div></article>`, css: body.css, pages };
  }
  const layout = letter ? letterHead(mark.pt) : standardHead(mark.pt);
  const markWidth = [...doc.issuer].length * mark.pt;
  const signoff = `<div class="signoff signoff--${(doc.sealed ?? true) ? 'sealed' : 'unsealed'}"><div class="signoff__name">${escapeHtml(doc.signature)}</div><div class="signoff__date">${escapeHtml(documentDate(doc))}</div></div>`;
  const html = [head(doc), `${titleHtml(doc.title)}`, `<p class="addressee">${escapeHtml(addresseeLine(doc.addressee))}</p>`, body.html, signoff, closing].join(
    '',
  );
  const css = `#${id} .head { height: ${layout.lines * LINE_PITCH_PT}pt; }
#${id} .head__issuer { top: ${layout.issuerTop.toFixed(2)}pt; font-size: ${mark.pt}pt; width: ${markWidth.toFixed(2)}pt; left: calc(50% - ${(markWidth / 2).toFixed(2)}pt); transform: scaleX(${mark.scaleX}); }
#${id} .head__number { top: ${layout.numberTop.toFixed(2)}pt; }
#${id} .head__rule { top: ${layout.ruleTop.toFixed(2)}pt; }
#${id} .signoff { margin-top: ${signoffGapLines(doc) * LINE_PITCH_PT}pt; }
${signoffCss(`#${id}`, doc)}
${body.css}`;
  return { html: `<article class="doc doc--${doc.format}" id="${id}"><div class="doc__flow">${html}</div></article>`, css, pages };
}

export interface HtmlOptions {
  /** The page's title (the browser's tab, the PDF's metadata); the first document's title by default. */
  readonly title?: string;
}

/** One page holding the documents in order, each starting on a new sheet and numbering its own pages. */
export function renderHtml(docs: readonly ComposedDocument[], options: HtmlOptions = {}): string {
  const rendered = docs.map(renderOne);
  const title = options.title ?? plainTitle(docs[0]?.title ?? '');
  // Documents printed together are one office's: its choice of face for digits is the first document's.
  const css = documentCss(rendered.map((r) => r.css).join('\n'), docs[0] ? latinFaceOf(docs[0]) : 'chinese');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
${css}
</style>
<style id="page-numbers">
${rendered.map((r) => r.pages).join('\n')}
</style></head>
<body>${rendered.map((r) => r.html).join('\n')}</body></html>
`;
}
