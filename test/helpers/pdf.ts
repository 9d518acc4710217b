import { execFileSync } from 'node:child_process';

/** What poppler reads back from a PDF the product wrote: page sizes, and each text line with its box in millimetres. */
const MM_PER_PT = 25.4 / 72;

export interface TextLine {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  /** The middle of the line's box; the box itself reaches beyond the glyphs by the font's ascent and descent. */
  readonly y: number;
}

export function pdfPages(path: string): { pages: number; widthMm: number; heightMm: number } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), widthMm: Number(size[1]) * MM_PER_PT, heightMm: Number(size[2]) * MM_PER_PT };
}

/** pdftotext's XML escapes, undone in one pass (one at a time would read `&amp;lt;` as `<`). */
const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
const unescape = (text: string): string => text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => XML_ENTITIES[name]!);

/** The text lines of each page, top to bottom (pdftotext -bbox-layout). */
export function pdfLines(path: string): TextLine[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
        .map((m) => {
          const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map((v) => Number(v) * MM_PER_PT) as [number, number, number, number];
          const text = [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1]!)).join(' ');
          return { text, xMin, xMax, yMin, yMax, y: (yMin + yMax) / 2 };
        })
        .sort((a, b) => a.y - b.y || a.xMin - b.xMin),
    );
}

/**
 * Lines of text that share a baseline (pdftotext may cut one visual line in pieces) as one row each.
 * Pieces in another face (a 楷体 heading before 仿宋 text) have boxes of their own height, their middles
 * millimetres apart on the same baseline: far less than the 10 mm between lines.
 */
export function rows(lines: readonly TextLine[]): TextLine[][] {
  const grouped: TextLine[][] = [];
  for (const line of lines) {
    const last = grouped[grouped.length - 1];
    if (last && Math.abs(last[0]!.y - line.y) < 3) last.push(line);
    else grouped.push([line]);
  }
  return grouped;
}

/**
 * A row's longest piece: where the row stands is its middle. pdftotext boxes each face by its own
 * height (Noto Serif CJK standing in for 仿宋 boxes 2.6 em, AR PL UKai for 楷体 1 em), so the middles of
 * two rows are a line apart only when their pieces are of one face: compare rows of the same `boxHeight`.
 */
const longest = (row: readonly TextLine[]): TextLine => row.reduce((a, b) => (b.text.length > a.text.length ? b : a));
export const rowY = (row: readonly TextLine[]): number => longest(row).y;
export const boxHeight = (row: readonly TextLine[]): number => longest(row).yMax - longest(row).yMin;
