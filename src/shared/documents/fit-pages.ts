import { LINE_PITCH_PT, PT_PER_MM, TYPE_AREA_MM } from './geometry';

/**
 * Lays out what CSS alone cannot, once the page is loaded:
 *  - the 版记 (copy-to and 印发 line) goes on the last page with its last rule on the bottom edge of
 *    the type area, as GB/T 9704 asks, in the standard format on an even page: the spacer before it
 *    is sized to fill the page (and a blank page, when it must);
 *  - documents printed together each number their pages from 1: the counter styles that write the
 *    page numbers (and a letter's first-page marks) are told the page each document starts on.
 * It walks each document's blocks as Chromium breaks pages (lines and table rows are not split, a
 * table's header row repeats, the signature block is kept whole) to count the pages.
 *
 * It runs inside the document's page (Chromium through Playwright, Electron's print window), given
 * as source text: it must use nothing from outside its own body.
 */
interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly height: number;
}
/** The little of the DOM it uses, declared here: the core and the command line type-check without the DOM. */
interface Element {
  readonly children: ArrayLike<Element>;
  readonly tagName: string;
  readonly classList: { contains(name: string): boolean; toggle(name: string, force: boolean): boolean };
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  getBoundingClientRect(): Box;
  readonly style: { height: string };
  textContent: string | null;
}

export interface FittedPages {
  /** The number of pages of each document, in order. */
  readonly pages: readonly number[];
}

interface Root {
  querySelectorAll(selector: string): ArrayLike<Element>;
  getElementById(id: string): Element | null;
}

/** `root`: the document to lay out, when it is not the page's own (the app's preview frame). */
export function fitPages(pageHeightPt: number, pitchPt: number, root?: Root): FittedPages {
  const page = root ?? (globalThis as unknown as { document: Root }).document;
  const ptOf = (px: number): number => (px * 72) / 96;
  const heightOf = (element: Element): number => ptOf(element.getBoundingClientRect().height);
  const fits = (used: number, height: number): boolean => used + height <= pageHeightPt + 0.5;
  /**
   * The stylesheet's orphans and widows: lines a paragraph keeps together at a page break. One with
   * fewer than twice as many lines is marked to go whole (p--whole).
   */
  const KEEP_LINES = 2;

  /**
   * Pages and the height used on the last one, after `blocks`. A paragraph leaves at least two lines
   * on each side of a page break (the stylesheet's orphans and widows), else it goes whole to the
   * next page; a heading standing alone keeps with the first two lines after it; the signature block
   * takes the text's last two lines along rather than stand alone on a page (Chromium breaks before
   * them, as its break-before: avoid and widows ask) — the whole paragraph's part on that page when
   * it has fewer than four there.
   */
  function walk(blocks: readonly Element[], start: { pages: number; used: number }): { pages: number; used: number } {
    let { pages, used } = start;
    /** The last paragraph's lines on the current page and their height (none after a table, whose rows Chromium keeps apart). */
    let tail = { lines: 0, line: 0 };
    const newPage = (carried = 0): void => {
      pages++;
      used = carried;
    };
    const place = (height: number, repeat = 0): void => {
      if (used > 0 && !fits(used, height)) newPage(repeat);
      used += height;
    };
    /** How many of a paragraph's `left` lines stay on a page with room for `room`. */
    const linesHere = (left: number, room: number): number => {
      if (left <= room) return left;
      const here = Math.min(room, left - KEEP_LINES);
      return here >= KEEP_LINES || used === 0 ? Math.max(here, 1) : 0;
    };
    const paragraph = (lines: number, line: number, keepLines: number): void => {
      if (used > 0 && !fits(used, (1 + keepLines) * line)) newPage();
      for (let left = lines; left > 0;) {
        const here = linesHere(left, Math.floor((pageHeightPt + 0.5 - used) / line));
        used += here * line;
        left -= here;
        tail = { lines: here, line };
        if (left > 0) newPage();
      }
    };
    const carriedTail = (): number => (tail.lines >= 2 * KEEP_LINES ? KEEP_LINES : tail.lines) * tail.line;
    let previousBottom: number | null = null;
    for (const [index, block] of blocks.entries()) {
      // The space between blocks (a margin) is kept on its page; at the top of a new page it is dropped.
      const box = block.getBoundingClientRect();
      const gap = previousBottom === null ? 0 : ptOf(box.top - previousBottom);
      previousBottom = box.bottom;
      if (block.classList.contains('signoff')) {
        const height = gap + heightOf(block);
        if (fits(used, height)) used += height;
        else newPage(carriedTail() + height);
        continue;
      }
      if (used > 0 && gap > 0) {
        if (fits(used, gap)) used += gap;
        else newPage();
      }
      if (block.tagName === 'TABLE') {
        const head = block.querySelector('thead');
        const headHeight = head ? heightOf(head) : 0;
        if (head) place(headHeight);
        for (const row of Array.from(block.querySelectorAll('tbody > tr'))) place(heightOf(row), headHeight);
        tail = { lines: 0, line: 0 };
      } else if (block.classList.contains('head')) {
        place(heightOf(block));
        tail = { lines: 0, line: 0 };
      } else {
        const lines = Math.max(1, Math.round(heightOf(block) / pitchPt));
        // Chromium keeps orphans before widows: a paragraph too short for both would be split 2 + 1.
        block.classList.toggle('p--whole', lines < 2 * KEEP_LINES);
        const next = blocks[index + 1];
        const keepLines = block.classList.contains('p--keep') && next && !next.classList.contains('signoff') ? 2 : 0;
        paragraph(lines, heightOf(block) / lines, keepLines);
      }
    }
    return { pages, used };
  }

  /**
   * The 版记 goes at the foot of the last page, the standard format's on an even page: when it cannot
   * share the text's last page it starts a page of its own (an unnumbered named page, with a blank
   * one before it when needed). Returns the document's pages.
   */
  function placeColophon(closing: Element, before: { pages: number; used: number }): number {
    const spacer = closing.querySelector('.closing-spacer')!;
    const colophon = closing.querySelector('.colophon')!;
    spacer.style.height = '0';
    const height = heightOf(colophon);
    const room = pageHeightPt - before.used;
    let last = height <= room ? before.pages : before.pages + 1;
    const even = colophon.classList.contains('colophon--even');
    if (even && last % 2 === 1) last++;
    const alone = even && last > before.pages;
    closing.classList.toggle('closing--alone', alone);
    const gap = last === before.pages ? room - height : alone ? (last - before.pages) * pageHeightPt - height : room + pageHeightPt - height;
    spacer.style.height = `${Math.max(0, gap - 0.3).toFixed(2)}pt`;
    return last;
  }

  const pages: number[] = [];
  for (const flow of Array.from(page.querySelectorAll('.doc__flow'))) {
    const blocks = Array.from(flow.children);
    const closing = flow.querySelector('.closing');
    if (closing) {
      const before = walk(blocks.slice(0, blocks.indexOf(closing)), { pages: 1, used: 0 });
      pages.push(placeColophon(closing, before));
    } else {
      pages.push(walk(blocks, { pages: 1, used: 0 }).pages);
    }
  }

  // Each document's counter styles count from the page it starts on.
  const style = page.getElementById('page-numbers');
  if (style) {
    let first = 1;
    let text = style.textContent ?? '';
    for (const [index, count] of pages.entries()) {
      text = text.replace(new RegExp(`(@counter-style d${index + 1}-[a-z]+ \\{ system: fixed )\\d+`, 'g'), `$1${first}`);
      first += count;
    }
    style.textContent = text;
  }
  return { pages };
}

/**
 * fitPages as a script to run in a document's page, with the page's geometry. Bundlers and tsx may
 * wrap functions in a `__name` helper that the page does not have: it is given a stand-in.
 */
export const fitPreview = (root: Root): FittedPages => fitPages(TYPE_AREA_MM.height * PT_PER_MM, LINE_PITCH_PT, root);

export const fitPagesScript = (): string =>
  `(() => { const __name = (f) => f; return (${fitPages.toString()})(${TYPE_AREA_MM.height * PT_PER_MM}, ${LINE_PITCH_PT}); })()`;
