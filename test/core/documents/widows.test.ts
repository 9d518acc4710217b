import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../../src/core/documents/model';
import { DocumentPrinter } from '../../../src/core/documents/print/chromium';
import { renderHtml } from '../../../src/core/documents/render/html';
import { paragraphs, plain, SIGNATURE } from '../../helpers/documents';
import { pdfLines } from '../../helpers/pdf';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/**
 * No paragraph leaves one line alone at a page's foot or carries one over to the next page's top
 * (orphans and widows at 2): notices of one to four pages, whose three-line paragraphs meet a page's
 * end at every line, read back from the PDF. The 版记 still ends the notice on an even page, which
 * fit-pages counts as Chromium breaks.
 */
const tempDir = useTempDir();
const PRINTED = '2026年12月5日印发';

const notice = (count: number, title: string): ComposedDocument => ({
  format: 'standard',
  issuer: '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组',
  number: `某纪监驻环〔2026〕${count}号`,
  title,
  addressee: '各有关单位',
  blocks: paragraphs(count),
  signature: SIGNATURE,
  date: '2026-12-05' as ComposedDocument['date'],
  copyTo: '自治区纪委监委第五监督检查室',
});

/** Each body paragraph's lines, as the page (from 1) each fell on. */
function paragraphPages(pages: ReturnType<typeof pdfLines>): number[][] {
  const lines = pages.flatMap((page, i) => page.map((line) => ({ text: plain(line), page: i + 1 })));
  const start = lines.findIndex((line) => line.text === '各有关单位：') + 1;
  const end = lines.findIndex((line, i) => i >= start && line.text === SIGNATURE);
  const body = lines.slice(start, end).filter((line) => !/^—\d+—$/.test(line.text));
  const found: number[][] = [];
  for (const line of body) {
    if (/^\d+\./.test(line.text)) found.push([]);
    found.at(-1)?.push(line.page);
  }
  return found;
}

let printer: DocumentPrinter;
beforeAll(async () => {
  printer = unwrap(await DocumentPrinter.launch());
});
afterAll(() => printer?.close());

describe('a paragraph across pages', () => {
  // Paragraph counts whose text ends at a page's foot (the signature block then takes lines along) or splits a paragraph at each page break.
  it.each([
    ['a one-line title', '关于全区督察整改任务推进情况的通报', [1, 2, 4, 5, 6, 7, 11, 12, 13, 14, 18, 19]],
    ['a two-line title', '关于全区生态环境保护督察整改任务推进情况的通报', [2, 3, 5, 6, 7, 12, 13, 14, 19]],
  ])(
    'keeps at least two lines on each side of a page break (%s)',
    async (_, title, counts) => {
      for (const count of counts) {
        const pdf = join(tempDir(), `widows-${count}.pdf`);
        writeFileSync(pdf, unwrap(await printer.pdf(renderHtml([notice(count, title)]))));
        const pages = pdfLines(pdf);
        for (const [index, lines] of paragraphPages(pages).entries()) {
          const perPage = lines.reduce<Record<number, number>>((counts, page) => ({ ...counts, [page]: (counts[page] ?? 0) + 1 }), {});
          expect(
            Object.values(perPage).filter((n) => n < 2),
            `${count} paragraphs: paragraph ${index + 1} on pages ${lines.join(',')}`,
          ).toEqual([]);
        }
        expect(pages.length % 2, `${count} paragraphs: ${pages.length} pages`).toBe(0);
        expect(pages.at(-1)!.map(plain), `${count} paragraphs`).toContain(PRINTED);
      }
    },
    300_000,
  );
});
