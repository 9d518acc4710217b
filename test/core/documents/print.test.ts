import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../../src/core/documents/model';
import { DocumentPrinter } from '../../../src/core/documents/print/chromium';
import { renderHtml } from '../../../src/core/documents/render/html';
import { pdfLines } from '../../helpers/pdf';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/** Letters printed together (the app's "print all"): each numbers its own pages and has its own first page. */
const tempDir = useTempDir('file');
const PARAGRAPH = '请你单位高度重视，对照整改方案和时间节点，逐项分析滞后原因，压实整改责任，倒排工期、挂图作战，确保整改任务尽快完成。';

const letter = (recipient: string, paragraphs: number, title = '关于督促加快推进逾期整改任务的提醒函'): ComposedDocument => ({
  format: 'letter',
  issuer: '驻自治区生态环境厅纪检监察组',
  number: `某纪监驻环函〔2026〕${paragraphs}号`,
  title,
  addressee: recipient,
  blocks: Array.from({ length: paragraphs }, (_, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${PARAGRAPH}`, level: 3 as const })),
  signature: '驻自治区生态环境厅纪检监察组',
  date: '2026-11-24' as ComposedDocument['date'],
  copyTo: '',
});

let printer: DocumentPrinter;
beforeAll(async () => {
  printer = unwrap(await DocumentPrinter.launch());
});
afterAll(() => printer?.close());

describe('documents printed together', () => {
  it('number their pages each from 1, a letter’s first page without a number and with its issuer mark', async () => {
    const pdf = join(tempDir(), 'together.pdf');
    writeFileSync(pdf, unwrap(await printer.pdf(renderHtml([letter('自治区水利厅', 14), letter('自治区住房和城乡建设厅', 30)]))));
    const pages = pdfLines(pdf).map((page) => page.map((line) => line.text.replace(/\s/g, '')));
    const numbers = pages.map((page) => page.find((text) => /^—\d+—$/.test(text)) ?? null);
    const marks = pages.map((page) => page.includes('驻自治区生态环境厅纪检监察组') && page.some((text) => text.startsWith('某纪监驻环函')));
    const firstPages = marks.flatMap((mark, i) => (mark ? [i] : []));
    expect(firstPages).toEqual([0, expect.any(Number)]);
    const second = firstPages[1]!;
    expect(second).toBeGreaterThanOrEqual(2);
    expect(numbers).toEqual(pages.map((_, i) => (i === 0 || i === second ? null : `—${i < second ? i + 1 : i - second + 1}—`)));
  });

  it('writes a self-contained page in which a template’s markup is only text', () => {
    const html = renderHtml([letter('<img src=x onerror=alert(1)>', 1, '<script>alert(1)</script>')]);
    expect(html).not.toMatch(/<script|<img|<link|https?:/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
