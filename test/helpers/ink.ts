import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Ink measured on a page of a PDF rendered by poppler at 600 dpi: where the dark rows of a vertical strip lie. */
export const DPI = 600;
const MM_PER_PX = 25.4 / DPI;

/** A run of dark rows, in millimetres from the page's top. */
export interface InkRun {
  readonly top: number;
  readonly bottom: number;
  readonly height: number;
}

/** The dark rows of a 1 mm wide strip at `xMm` on page `page` (from 1), from `fromMm` down to `toMm`. */
export function inkRuns(pdf: string, page: number, xMm: number, fromMm: number, toMm: number, outDir: string): InkRun[] {
  const px = (mm: number): number => Math.round(mm / MM_PER_PX);
  const base = join(outDir, `ink-${page}-${xMm}`);
  const [x, y, w, h] = [px(xMm), px(fromMm), px(1), px(toMm - fromMm)];
  const crop = ['-x', String(x), '-y', String(y), '-W', String(w), '-H', String(h)];
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', String(page), '-l', String(page), '-singlefile', ...crop, pdf, base]);
  const image = readFileSync(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(image.toString('latin1', 0, 40))!;
  const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
  const dark = (row: number): boolean => {
    let sum = 0;
    for (let col = 0; col < width; col++) sum += image[offset + row * width + col]!;
    return sum / width < 128;
  };
  const runs: InkRun[] = [];
  let start: number | null = null;
  for (let row = 0; row <= height; row++) {
    const inked = row < height && dark(row);
    if (inked && start === null) start = row;
    if (!inked && start !== null) {
      runs.push({ top: fromMm + start * MM_PER_PX, bottom: fromMm + row * MM_PER_PX, height: (row - start) * MM_PER_PX });
      start = null;
    }
  }
  return runs;
}

/** The top of the first row with any dark pixel in the box `leftMm`–`rightMm` × `fromMm`–`toMm` of page `page`, in millimetres; null when blank. */
export function firstInk(
  pdf: string,
  page: number,
  [leftMm, rightMm]: readonly [number, number],
  [fromMm, toMm]: readonly [number, number],
  outDir: string,
): number | null {
  const px = (mm: number): number => Math.round(mm / MM_PER_PX);
  const base = join(outDir, `first-ink-${page}-${leftMm}-${fromMm}`);
  const crop = ['-x', String(px(leftMm)), '-y', String(px(fromMm)), '-W', String(px(rightMm - leftMm)), '-H', String(px(toMm - fromMm))];
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', String(page), '-l', String(page), '-singlefile', ...crop, pdf, base]);
  const image = readFileSync(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(image.toString('latin1', 0, 40))!;
  const [width, offset] = [Number(header[1]), header[0].length];
  const index = image.subarray(offset).findIndex((value) => value < 128);
  return index < 0 ? null : fromMm + Math.floor(index / width) * MM_PER_PX;
}
