import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedDocument, DocumentFormat } from '../../../src/core/documents/model';
import { DocumentPrinter } from '../../../src/core/documents/print/chromium';
import { renderHtml } from '../../../src/core/documents/render/html';
import { paragraphs, plain, SIGNATURE, TYPE_AREA_MM } from '../../helpers/documents';
import { inkRuns } from '../../helpers/ink';
import { pdfLines, type TextLine } from '../../helpers/pdf';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/**
 * The 版记 of GB/T 9704-2012 (§7.4, §9, §10.1) measured on the PDF: notices whose text ends on
 * pages 1 to 4 end on an even page whose foot holds the 版记 (its last rule on the type area's bottom
 * edge, the rules 0.35, 0.25 and 0.35 mm), a page holding nothing but the 版记 or nothing at all
 * carries no number; a letter's copy-to has neither rules nor 印发 line.
 */
const tempDir = useTempDir();
const PRINTED = '2026年12月5日印发';
const COPY_TO = '自治区纪委监委第五监督检查室，自治区生态环境保护督察整改工作领导小组办公室';
const TYPE_AREA_BOTTOM_MM = TYPE_AREA_MM.bottom;
const TYPE_AREA_LEFT_MM = TYPE_AREA_MM.left;

const notice = (count: number, copyTo: string, format: DocumentFormat = 'standard'): ComposedDocument => ({
  format,
  issuer: '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组',
  number: `某纪监驻环〔2026〕${count}号`,
  title: '关于全区生态环境保护督察整改任务推进情况的通报',
  addressee: '各有关单位',
  blocks: paragraphs(count),
  signature: SIGNATURE,
  date: '2026-12-05' as ComposedDocument['date'],
  copyTo,
});

const pageOf = (pages: readonly TextLine[][], test: (text: string) => boolean): number => pages.findIndex((page) => page.some((line) => test(plain(line)))) + 1;
const numberOf = (page: readonly TextLine[]): string | null => page.map(plain).find((text) => /^—\d+—$/.test(text)) ?? null;

let printer: DocumentPrinter;
beforeAll(async () => {
  printer = unwrap(await DocumentPrinter.launch());
});
afterAll(() => printer?.close());

async function printed(doc: ComposedDocument): Promise<{ pdf: string; pages: TextLine[][] }> {
  const pdf = join(tempDir(), `${doc.format}-${doc.blocks.length}.pdf`);
  writeFileSync(pdf, unwrap(await printer.pdf(renderHtml([doc]))));
  return { pdf, pages: pdfLines(pdf) };
}

/** The dark rules of the 版记 on the last page, below the text line `from` (and the line before it). */
const rulesBelow = (pdf: string, page: number, from: TextLine) => inkRuns(pdf, page, TYPE_AREA_LEFT_MM + 1, from.yMin - 4, TYPE_AREA_BOTTOM_MM + 2, tempDir());

describe('the 版记 of a notice', () => {
  it('ends the notice on an even page, at the foot of the type area, unnumbered when it stands alone', async () => {
    const ends: number[] = [];
    for (const count of [1, 6, 13, 19]) {
      const { pdf, pages } = await printed(notice(count, COPY_TO));
      const textEnds = pageOf(pages, (text) => text === '2026年12月5日');
      ends.push(textEnds);
      const last = textEnds % 2 === 0 ? textEnds : textEnds + 1;
      expect(pages.length, `${count} paragraphs`).toBe(last);
      expect(pages.map(numberOf)).toEqual(pages.map((_, i) => (i + 1 <= textEnds ? `—${i + 1}—` : null)));
      const foot = pages[last - 1]!;
      const printLine = foot.filter((line) => plain(line) === SIGNATURE || plain(line) === PRINTED).slice(-2);
      expect(printLine.map(plain)).toEqual([SIGNATURE, PRINTED]);
      // 印发机关 one character (4号, 4.94 mm) in from the left, the date one in from the right.
      expect(printLine[0]!.xMin).toBeCloseTo(TYPE_AREA_LEFT_MM + 4.94, 0);
      expect(printLine[1]!.xMax).toBeCloseTo(TYPE_AREA_LEFT_MM + 156 - 4.94, 0);
      const copyTo = foot.find((line) => plain(line).startsWith('抄送：'))!;
      const rules = rulesBelow(pdf, last, copyTo);
      expect(rules.map((rule) => Number(rule.height.toFixed(2)))).toEqual([expect.closeTo(0.35, 1), expect.closeTo(0.25, 1), expect.closeTo(0.35, 1)]);
      expect(rules[2]!.bottom).toBeCloseTo(TYPE_AREA_BOTTOM_MM, 0);
      if (textEnds < last) expect(foot.map(plain).join('')).toBe(`抄送：${COPY_TO}。${SIGNATURE}${PRINTED}`);
    }
    expect(ends).toEqual([1, 2, 3, 4]);
  });

  it('without a copy-to has the 印发 line between two thick rules', async () => {
    const { pdf, pages } = await printed(notice(1, ''));
    const printLine = pages[1]!.find((line) => plain(line) === PRINTED)!;
    const rules = rulesBelow(pdf, 2, printLine);
    expect(rules.map((rule) => Number(rule.height.toFixed(2)))).toEqual([expect.closeTo(0.35, 1), expect.closeTo(0.35, 1)]);
  });

  it('in the letter format is the copy-to alone, without rules or 印发 line, at the foot of the last page', async () => {
    const { pdf, pages } = await printed(notice(1, '自治区纪委监委第五监督检查室', 'letter'));
    expect(pages.length).toBe(1);
    const copyTo = pages[0]!.find((line) => plain(line).startsWith('抄送：'))!;
    expect(copyTo.yMax).toBeGreaterThan(TYPE_AREA_BOTTOM_MM - 10);
    expect(pages[0]!.map(plain)).not.toContain(PRINTED);
    expect(rulesBelow(pdf, 1, copyTo)).toEqual([]);
  });
});
