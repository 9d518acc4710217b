import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedDocument, DocumentBlock } from '../../../src/core/documents/model';
import { DocumentPrinter } from '../../../src/core/documents/print/chromium';
import { renderHtml } from '../../../src/core/documents/render/html';
import { PARAGRAPH, paragraphs, plain, SIGNATURE, TYPE_AREA_MM } from '../../helpers/documents';
import { pdfLines, type TextLine } from '../../helpers/pdf';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/**
 * 署名 and 成文日期 (GB/T 9704-2012 §7.3.5) measured on the PDF: the sealed layout (date four
 * characters in from the right, the signature centred on it, room for the seal above) and the
 * unsealed one (signature two in, the date two characters right of its start, one line under the
 * text); the block never alone on a page, no heading alone at a page's foot.
 */
const tempDir = useTempDir();
const DATE = '2026年12月5日';
const RIGHT_MM = TYPE_AREA_MM.right;
const CHAR_MM = 15.79 / (72 / 25.4);
const PITCH_MM = 28.5 / (72 / 25.4);

const document = (blocks: readonly DocumentBlock[], sealed: boolean): ComposedDocument => ({
  format: 'letter',
  issuer: '驻自治区生态环境厅纪检监察组',
  number: '某纪监驻环函〔2026〕1号',
  title: '关于督促加快推进逾期整改任务的提醒函',
  addressee: '自治区水利厅',
  blocks,
  signature: SIGNATURE,
  date: '2026-12-05' as ComposedDocument['date'],
  copyTo: '',
  sealed,
});

let printer: DocumentPrinter;
beforeAll(async () => {
  printer = unwrap(await DocumentPrinter.launch());
});
afterAll(() => printer?.close());

/** The documents printed together in one PDF (one Chromium job is much faster), each document's pages. */
async function printedAll(docs: readonly ComposedDocument[]): Promise<TextLine[][][]> {
  const pdf = join(tempDir(), 'signoff.pdf');
  writeFileSync(pdf, unwrap(await printer.pdf(renderHtml(docs))));
  const pages = pdfLines(pdf);
  const starts = pages.flatMap((page, i) => (page.some((line) => plain(line).startsWith('某纪监驻环函')) ? [i] : []));
  return starts.map((start, i) => pages.slice(start, starts[i + 1] ?? pages.length));
}

const find = (page: readonly TextLine[], text: string): TextLine => page.filter((line) => plain(line) === text).pop()!;

describe('the signature and date', () => {
  it('are laid out sealed and unsealed as GB/T 9704 §7.3.5 says', async () => {
    const [sealed, unsealed] = await printedAll([document(paragraphs(1), true), document(paragraphs(1), false)]);
    const last = (pages: TextLine[][]) => pages[pages.length - 1]!;
    const textEnd = (page: readonly TextLine[]) => page.find((line) => plain(line).endsWith('尽快完成。'))!;

    const [sealedName, sealedDate] = [find(last(sealed!), SIGNATURE), find(last(sealed!), DATE)];
    expect(sealedDate.xMax).toBeCloseTo(RIGHT_MM - 4 * CHAR_MM, 0);
    expect((sealedName.xMin + sealedName.xMax) / 2).toBeCloseTo((sealedDate.xMin + sealedDate.xMax) / 2, 0);
    // Two lines left free above the signature for the seal, whose top is then within a line of the text.
    expect((sealedName.y - textEnd(last(sealed!)).y) / PITCH_MM).toBeCloseTo(3, 1);
    expect((sealedDate.y - sealedName.y) / PITCH_MM).toBeCloseTo(1, 1);

    const [name, date] = [find(last(unsealed!), SIGNATURE), find(last(unsealed!), DATE)];
    expect(name.xMax).toBeCloseTo(RIGHT_MM - 2 * CHAR_MM, 0);
    expect(date.xMin - name.xMin).toBeCloseTo(2 * CHAR_MM, 0);
    expect((name.y - textEnd(last(unsealed!)).y) / PITCH_MM).toBeCloseTo(2, 1);
  });

  it('stay on a page with the text', async () => {
    const lengths = Array.from({ length: 9 }, (_, i) => i + 3);
    const docs = await printedAll(lengths.flatMap((n) => [document(paragraphs(n), true), document(paragraphs(n), false)]));
    for (const [i, pages] of docs.entries()) {
      const label = `${lengths[i >> 1]} paragraphs, ${i % 2 ? 'unsealed' : 'sealed'}`;
      const signed = pages.findIndex((page) => page.some((line) => plain(line) === DATE));
      expect(signed, label).toBe(pages.length - 1);
      const bodyLines = (page: readonly TextLine[]) => page.filter((line) => /^(\d+\.|析滞|务尽)/.test(plain(line))).length;
      expect(bodyLines(pages[signed]!), label).toBeGreaterThanOrEqual(1);
    }
  });

  it('never leave a heading alone at the foot of a page', async () => {
    // One-line paragraphs move the heading a line at a time, so that one of them falls on a page's last line.
    const heading = (short: number): DocumentBlock[] => [
      ...paragraphs(4),
      ...Array.from({ length: short }, () => ({ kind: 'paragraph' as const, text: '（此处略）', level: 0 as const })),
      { kind: 'paragraph', text: '二、下步工作', level: 1 },
      { kind: 'paragraph', text: PARAGRAPH, level: 0 },
    ];
    const lengths = [0, 1, 2, 3];
    const docs = await printedAll(lengths.map((n) => document(heading(n), false)));
    for (const [i, pages] of docs.entries()) {
      const page = pages.find((lines) => lines.some((line) => plain(line) === '二、下步工作'))!;
      const after = page.slice(page.findIndex((line) => plain(line) === '二、下步工作') + 1);
      expect(
        after.some((line) => plain(line).startsWith('请你单位')),
        `${lengths[i]} short paragraphs before`,
      ).toBe(true);
    }
  });
});
