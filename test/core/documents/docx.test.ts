import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComposedDocument, DocumentFormat } from '../../../src/core/documents/model';
import { renderDocx } from '../../../src/core/documents/render/docx';
import { paragraphs, plain, SIGNATURE, TYPE_AREA_MM } from '../../helpers/documents';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { pdfLines, type TextLine } from '../../helpers/pdf';
import { useTempDir } from '../../helpers/temp';

/**
 * The Word file as an office on Linux opens it: LibreOffice with the fonts Debian ships (no FangSong,
 * no 方正小标宋) turns it into a PDF, read back with poppler. Letters of every length from one
 * paragraph to a few pages, so that the end of the text falls at every place on a page.
 */
const tempDir = useTempDir();
const DATE = '2026年11月24日';
const COPY_TO = '抄送：自治区纪委监委第五监督检查室，自治区生态环境保护督察整改工作领导小组办公室。';
const TYPE_AREA_BOTTOM_MM = TYPE_AREA_MM.bottom;
const LINE_PITCH_MM = (579 / 20) * (25.4 / 72);

const documentOf = (format: DocumentFormat, count: number): ComposedDocument => ({
  format,
  issuer: '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组',
  number: `某纪监驻环函〔2026〕${count}号`,
  title: '关于督促加快推进逾期整改任务的提醒函',
  addressee: '自治区水利厅',
  blocks: paragraphs(count),
  signature: SIGNATURE,
  date: '2026-11-24' as ComposedDocument['date'],
  copyTo: '自治区纪委监委第五监督检查室，自治区生态环境保护督察整改工作领导小组办公室',
});

/** Where each line of the letter's end fell: the page of its last paragraph's last line, of the signature, the date, the copy-to. */
function endOf(pages: TextLine[][], paragraphs: number) {
  const pageOf = (test: (text: string) => boolean): number => pages.findIndex((page) => page.some((line) => test(plain(line))));
  const lastParagraph = pageOf((text) => text.startsWith(`${paragraphs}.`));
  const lastLine = pages.findIndex((page, index) => index >= lastParagraph && page.some((line) => plain(line).endsWith('尽快完成。')));
  return {
    lastLine,
    signature: pageOf((text) => text === SIGNATURE),
    date: pageOf((text) => text === DATE),
    copyTo: pageOf((text) => text.startsWith('抄送：')),
  };
}

describe('the .docx opened in LibreOffice', () => {
  for (const format of ['standard', 'letter'] as const) {
    it(`keeps the signature and date with the text, and the copy-to line on the last page (${format} format)`, async () => {
      const dir = tempDir();
      const lengths = Array.from({ length: 14 }, (_, i) => i + 1);
      const paths = await Promise.all(
        lengths.map(async (n) => {
          const path = join(dir, `${n}.docx`);
          writeFileSync(path, await renderDocx(documentOf(format, n)));
          return path;
        }),
      );
      convertWithLibreOffice(paths, 'pdf', dir);
      for (const n of lengths) {
        const pdf = join(dir, `${n}.pdf`);
        const pages = pdfLines(pdf);
        const end = endOf(pages, n);
        expect({ paragraphs: n, ...end }, `${n} paragraphs`).toEqual({
          paragraphs: n,
          lastLine: end.lastLine,
          signature: end.lastLine,
          date: end.lastLine,
          copyTo: pages.length - 1,
        });
        const copyTo = pages[pages.length - 1]!.filter((line) => plain(line).startsWith('抄送：') || COPY_TO.includes(plain(line)));
        expect(copyTo.map(plain).join('')).toBe(COPY_TO);
        // On the last lines of the type area.
        expect(copyTo[0]!.y).toBeGreaterThan(TYPE_AREA_BOTTOM_MM - 3 * LINE_PITCH_MM);
        expect(copyTo[copyTo.length - 1]!.y).toBeLessThan(TYPE_AREA_BOTTOM_MM);
        // The standard format's 版记 ends with the 印发 line (印发机关, 印发日期); a letter's has none (GB/T 9704 §7.4.3, §10.1).
        const foot = pages[pages.length - 1]!.filter((line) => line.y > copyTo[copyTo.length - 1]!.y).map(plain);
        expect(foot.filter((text) => !/^—\d+—$/.test(text)).join('')).toBe(format === 'standard' ? `${SIGNATURE}${DATE}印发` : '');
      }
    });
  }
});
