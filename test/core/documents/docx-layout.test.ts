import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComposedDocument, DocumentBlock, DocumentFormat } from '../../../src/core/documents/model';
import { DocumentPrinter } from '../../../src/core/documents/print/chromium';
import { renderDocx } from '../../../src/core/documents/render/docx';
import { renderHtml } from '../../../src/core/documents/render/html';
import { paragraphs, plain, SIGNATURE, TYPE_AREA_MM } from '../../helpers/documents';
import { firstInk, inkRuns } from '../../helpers/ink';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { pdfLines, rows, type TextLine } from '../../helpers/pdf';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/**
 * The Word file measured as the PDF is (GB/T 9704-2012): every kind of document at one to four
 * pages, written as .docx, turned into PDFs by LibreOffice in one run (with Debian's fonts standing
 * in for 仿宋_GB2312 and 方正小标宋简体), and measured — lines a page and characters a line, the
 * head's mark and red line against the PDF's, the letter's double lines, the 版记's page, rules and
 * numbers, page numbers' places, the supervision sheet's header row on every page.
 */
const tempDir = useTempDir('file');
const COPY_TO = '自治区纪委监委第五监督检查室，自治区生态环境保护督察整改工作领导小组办公室';
const DATE = '2026年12月5日';
const PRINTED = `${DATE}印发`;
const PITCH_MM = (579 / 20) * (25.4 / 72);
const HEADER = ['序号', '任务编号', '整改任务', '整改时限', '任务状态'];

const composed = (format: DocumentFormat, blocks: readonly DocumentBlock[], copyTo = COPY_TO): ComposedDocument => ({
  format,
  issuer: '中共某某自治区纪委监委驻自治区生态环境厅纪检监察组',
  number: '某纪监驻环〔2026〕5号',
  title: '关于全区生态环境保护督察整改任务推进情况的通报',
  addressee: '各有关单位',
  blocks,
  signature: SIGNATURE,
  date: '2026-12-05' as ComposedDocument['date'],
  copyTo,
  sealed: format === 'standard',
});

/** A supervision sheet: its form, then `tasks` rows under a header. */
const sheet = (tasks: number): ComposedDocument =>
  composed(
    'form',
    [
      {
        kind: 'table',
        widths: [6, 20],
        header: null,
        rows: [
          ['督办事项', '督促加快推进整改'],
          ['承办单位', '自治区水利厅'],
          ['联系人', '王建国　0471-6941001'],
        ],
      },
      {
        kind: 'table',
        widths: [3, 5, 10, 8, 5],
        header: HEADER,
        rows: Array.from({ length: tasks }, (_, i) => [String(i + 1), `2-${i + 1}`, '部分入河排污口未完成溯源和分类整治', '2026年6月30日', '推进中']),
      },
    ],
    '',
  );

/** Paragraphs full of dates and figures, between which Word and LibreOffice put a little space. */
const dated = (n: number): DocumentBlock[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'paragraph' as const,
    text: `（${i + 1}）部分入河排污口未完成溯源和分类整治。整改时限为2026年6月30日，目前推进中，已逾期${100 + i}天。`,
    level: 4 as const,
  }));

/** Paragraph counts whose text ends on pages 1 to 4 (as in colophon.test.ts). */
const LENGTHS = [1, 6, 13, 19] as const;
const CASES: Record<string, ComposedDocument> = {
  ...Object.fromEntries(LENGTHS.map((n) => [`notice-${n}`, composed('standard', paragraphs(n))])),
  ...Object.fromEntries(LENGTHS.map((n) => [`letter-${n}`, composed('letter', paragraphs(n))])),
  'notice-bare': composed('standard', paragraphs(1), ''),
  'notice-dated': composed('standard', dated(24)),
  'letter-bare': composed('letter', paragraphs(3), ''),
  'sheet-short': sheet(3),
  'sheet-long': sheet(40),
};

const docx: Record<string, { pdf: string; pages: TextLine[][] }> = {};
const pdf: Record<string, { pdf: string; pages: TextLine[][] }> = {};

beforeAll(async () => {
  const dir = tempDir();
  const paths = await Promise.all(
    Object.entries(CASES).map(async ([name, doc]) => {
      const path = join(dir, `${name}.docx`);
      writeFileSync(path, await renderDocx(doc));
      return path;
    }),
  );
  convertWithLibreOffice(paths, 'pdf', dir);
  for (const name of Object.keys(CASES)) docx[name] = { pdf: join(dir, `${name}.pdf`), pages: pdfLines(join(dir, `${name}.pdf`)) };
  const printer = unwrap(await DocumentPrinter.launch());
  try {
    for (const name of ['notice-1', 'letter-6']) {
      const path = join(dir, `${name}.chromium.pdf`);
      writeFileSync(path, unwrap(await printer.pdf(renderHtml([CASES[name]!]))));
      pdf[name] = { pdf: path, pages: pdfLines(path) };
    }
  } finally {
    await printer.close();
  }
}, 120_000);

const ink = (file: string, page: number, xMm: number, fromMm: number, toMm: number) => inkRuns(file, page, xMm, fromMm, toMm, tempDir());
/** The top of the first ink between `fromMm` and `toMm` across the type area's width. */
const inkTop = (file: string, page: number, fromMm: number, toMm: number): number =>
  firstInk(file, page, [TYPE_AREA_MM.left, TYPE_AREA_MM.right], [fromMm, toMm], tempDir())!;
const numberOf = (page: readonly TextLine[]): TextLine | undefined => page.find((line) => /^—\d+—$/.test(plain(line)));
const bodyLines = (page: readonly TextLine[]): TextLine[] => page.filter((line) => line.y > 37 && line.y < TYPE_AREA_MM.bottom && !numberOf([line]));

describe('the .docx opened in LibreOffice', () => {
  it('sets 22 lines a page, 28.95 pt apart, and 28 characters a full line of 156 mm', () => {
    const { pages } = docx['notice-19']!;
    for (const page of pages.slice(1, 3)) {
      const lines = bodyLines(page);
      expect(lines).toHaveLength(22);
      const gaps = lines.slice(1).map((line, i) => line.y - lines[i]!.y);
      for (const gap of gaps) expect(gap).toBeCloseTo(PITCH_MM, 0);
      // A paragraph's second line is a full one.
      const full = lines.filter((line, i) => i > 0 && /^\d+\./.test(plain(lines[i - 1]!)));
      expect(full.length).toBeGreaterThan(3);
      for (const line of full) {
        expect([...plain(line)]).toHaveLength(28);
        expect(line.xMax - line.xMin).toBeGreaterThan(155);
      }
    }
  });

  it('puts the standard head where the PDF has it: the issuer mark, then the red line, within 1 mm', () => {
    const [ours, theirs] = [docx['notice-1']!.pdf, pdf['notice-1']!.pdf];
    expect(Math.abs(inkTop(ours, 1, 40, 100) - inkTop(theirs, 1, 40, 100))).toBeLessThan(1);
    const rule = (file: string) => ink(file, 1, TYPE_AREA_MM.left + 1, 100, 130)[0]!.top;
    expect(Math.abs(rule(ours) - rule(theirs))).toBeLessThan(1);
  });

  it('draws a letter’s double lines thick over thin at the top and thin over thick at the bottom, where the PDF does', () => {
    const [ours, theirs] = [docx['letter-6']!.pdf, pdf['letter-6']!.pdf];
    // Outside the type area, inside the 170 mm lines.
    const lines = (file: string) => ink(file, 1, TYPE_AREA_MM.left - 4, 36, 290);
    const [top, bottom] = [lines(ours).slice(0, 2), lines(ours).slice(-2)];
    expect(lines(ours)).toHaveLength(4);
    expect(top[0]!.height).toBeGreaterThan(2 * top[1]!.height);
    expect(bottom[1]!.height).toBeGreaterThan(2 * bottom[0]!.height);
    lines(theirs).forEach((line, i) => expect(Math.abs(line.top - lines(ours)[i]!.top), `line ${i + 1}`).toBeLessThan(1));
    expect(Math.abs(inkTop(ours, 1, 20, 37) - inkTop(theirs, 1, 20, 37))).toBeLessThan(1);
  });

  it('numbers pages where the PDF does: 7 mm under the type area, odd right and even left, a letter’s first page without', () => {
    const at = (file: { pages: TextLine[][] }, page: number) => numberOf(file.pages[page - 1]!)!;
    const theirs = { odd: at(pdf['notice-1']!, 1), even: at(pdf['letter-6']!, 2) };
    for (const name of ['notice-19', 'letter-19']) {
      const { pages } = docx[name]!;
      pages.slice(0, 4).forEach((page, i) => {
        const number = numberOf(page);
        if (name.startsWith('letter') && i === 0) return expect(number).toBeUndefined();
        expect(plain(number!), `${name} page ${i + 1}`).toBe(`—${i + 1}—`);
        const their = i % 2 === 0 ? theirs.odd : theirs.even;
        expect(Math.abs(number!.y - their.y), `${name} page ${i + 1}`).toBeLessThan(1);
        if (i % 2 === 0) expect(Math.abs(number!.xMax - their.xMax)).toBeLessThan(1);
        else expect(Math.abs(number!.xMin - their.xMin)).toBeLessThan(1);
      });
    }
  });

  it('ends a notice with its 版记 on an even page, its last rule on the type area’s bottom, a page without text unnumbered', () => {
    const ends = LENGTHS.map((n) => {
      const { pdf: file, pages } = docx[`notice-${n}`]!;
      const textEnds = pages.findIndex((page) => page.some((line) => plain(line) === DATE)) + 1;
      expect(pages.length, `${n} paragraphs`).toBe(textEnds % 2 === 0 ? textEnds : textEnds + 1);
      expect(pages.map((page) => numberOf(page) && plain(numberOf(page)!))).toEqual(pages.map((_, i) => (i < textEnds ? `—${i + 1}—` : undefined)));
      const foot = pages[pages.length - 1]!;
      const copyTo = foot.find((line) => plain(line).startsWith('抄送：'))!;
      expect(foot.filter((line) => line.y > copyTo.y).map(plain)).toEqual(expect.arrayContaining([SIGNATURE, PRINTED]));
      const rules = ink(file, pages.length, TYPE_AREA_MM.left + 0.5, copyTo.yMin - 6, TYPE_AREA_MM.bottom + 2).filter((run) => run.height < 0.5);
      expect(rules.map((rule) => rule.height)).toEqual([expect.closeTo(0.35, 1), expect.closeTo(0.26, 1), expect.closeTo(0.35, 1)]);
      // Within a millimetre: room is kept under it for the paragraph Word ends a document with.
      expect(Math.abs(rules[2]!.bottom - TYPE_AREA_MM.bottom)).toBeLessThan(1);
      return textEnds;
    });
    expect(ends).toEqual([1, 2, 3, 4]);
    const dates = docx['notice-dated']!.pages;
    expect(dates.length % 2).toBe(0);
    expect(dates[dates.length - 1]!.map(plain)).toContain(PRINTED);
    const { pdf: file, pages } = docx['notice-bare']!;
    const printed = pages[pages.length - 1]!.find((line) => plain(line) === PRINTED)!;
    expect(ink(file, pages.length, TYPE_AREA_MM.left + 0.5, printed.yMin - 6, TYPE_AREA_MM.bottom + 2).map((rule) => rule.height)).toEqual([
      expect.closeTo(0.35, 1),
      expect.closeTo(0.35, 1),
    ]);
  });

  it('ends a letter with its copy-to alone at the foot of the last page, without rules or 印发 line', () => {
    for (const name of [...LENGTHS.map((n) => `letter-${n}`), 'letter-bare']) {
      const { pdf: file, pages } = docx[name]!;
      const last = pages[pages.length - 1]!;
      expect(last.map(plain), name).not.toContain(PRINTED);
      const copyTo = last.filter((line) => plain(line).startsWith('抄送：') || `${COPY_TO}。`.includes(plain(line)));
      if (name === 'letter-bare') {
        expect(copyTo).toEqual([]);
        continue;
      }
      expect(copyTo.map(plain).join(''), name).toBe(`抄送：${COPY_TO}。`);
      expect(copyTo[copyTo.length - 1]!.yMax, name).toBeGreaterThan(TYPE_AREA_MM.bottom - PITCH_MM);
      expect(ink(file, pages.length, TYPE_AREA_MM.left + 0.5, copyTo[0]!.yMin - 3, TYPE_AREA_MM.bottom + 2), name).toEqual([]);
    }
  });

  it('keeps the supervision sheet’s two tables apart, the task table’s header row at the top of every page', () => {
    const header = HEADER.join('');
    const { pages } = docx['sheet-long']!;
    expect(pages.length).toBeGreaterThan(1);
    const texts = (page: readonly TextLine[]) => rows(bodyLines(page)).map((row) => row.map(plain).join(''));
    for (const page of pages.slice(1)) expect(texts(page)[0]).toBe(header);
    const first = texts(docx['sheet-short']!.pages[0]!);
    // The form's last row, then the task table: two tables, the second with its own header.
    expect(first.indexOf(header)).toBeGreaterThan(first.findIndex((text) => text.startsWith('联系人')));
  });
});
