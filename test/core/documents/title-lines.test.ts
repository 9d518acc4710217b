import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentPrinter } from '../../../src/core/documents/print/chromium';
import { renderDocx } from '../../../src/core/documents/render/docx';
import { renderHtml } from '../../../src/core/documents/render/html';
import { plainTitle, TITLE_LINE_EMS, titleLines } from '../../../src/core/documents/render/title-lines';
import { titledNotice } from '../../helpers/documents';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { pdfLines } from '../../helpers/pdf';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

/**
 * Titles break between words, in a trapezoid or a diamond (GB/T 9704-2012 7.3.1), on the printed page
 * and in the Word file — not wherever the line happens to be full (…督察反／馈问题…, 2026年11／月).
 */
const tempDir = useTempDir('file');
const ems = (line: string): number => [...line].reduce((sum, ch) => sum + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

const TITLES = {
  feedback: '关于督促落实中央生态环境保护督察反馈问题整改工作的通知',
  month: '关于按时报送2026年11月整改进展情况的提醒函',
  issue: '关于第3批信访件办理情况的通报（2026年第12期）',
  short: '关于督促加快推进逾期整改任务的提醒函',
};

describe('a title’s lines', () => {
  it('keep a title that fits on one line', () => {
    expect(titleLines(TITLES.short)).toEqual([TITLES.short]);
  });

  it('break a long title between words, never inside 督察, 反馈, 整改 or a date, each line within the type area', () => {
    expect(titleLines(TITLES.feedback)).toEqual(['关于督促落实中央生态环境保护督察', '反馈问题整改工作的通知']);
    expect(titleLines(TITLES.month)).toEqual(['关于按时报送2026年11月', '整改进展情况的提醒函']);
    for (const title of Object.values(TITLES)) {
      const lines = titleLines(title);
      expect(lines.join('')).toBe(title);
      for (const line of lines) expect(ems(line)).toBeLessThanOrEqual(TITLE_LINE_EMS);
    }
  });

  it('keep a bracket’s words together and never begin a line with 的', () => {
    const lines = titleLines(TITLES.issue);
    expect(lines.some((line) => line.includes('（2026年第12期）'))).toBe(true);
    expect(lines.every((line) => !line.startsWith('的'))).toBe(true);
  });

  it('shape three lines as a trapezoid or a diamond: no line longer than both its neighbours’ shape allows', () => {
    const lines = titleLines('关于进一步压实生态环境保护督察反馈问题整改主体责任加快推进逾期未完成整改任务销号工作的通知');
    expect(lines).toHaveLength(3);
    const widths = lines.map(ems);
    const falling = widths[0]! >= widths[1]! && widths[1]! >= widths[2]!;
    const diamond = widths[1]! >= widths[0]! && widths[1]! >= widths[2]!;
    expect(falling || diamond).toBe(true);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(6);
  });

  it('break where the office typed | (or ｜, or a new line), balancing each part on its own, the mark never printed', () => {
    expect(titleLines('关于第3批信访件|办理情况的通报')).toEqual(['关于第3批信访件', '办理情况的通报']);
    expect(titleLines('关于督促落实中央生态环境保护督察反馈问题整改工作的通知｜（2026年第12期）')).toEqual([
      '关于督促落实中央生态环境保护督察',
      '反馈问题整改工作的通知',
      '（2026年第12期）',
    ]);
    expect(titleLines('关于按时报送\n整改进展的提醒函')).toEqual(['关于按时报送', '整改进展的提醒函']);
    expect(titleLines('关于按时报送 | | 整改进展的提醒函|')).toEqual(['关于按时报送', '整改进展的提醒函']);
  });

  it('a plain title drops the marks: the register and the page’s name read as one line', () => {
    expect(plainTitle('关于第3批信访件｜办理情况的通报')).toBe('关于第3批信访件办理情况的通报');
  });
});

/** The title's lines as poppler reads them back: the lines between the red rule's number and the addressee. */
const titleLinesOf = (pdf: string): string[] => {
  const lines = pdfLines(pdf)[0]!.map((line) => line.text.replace(/\s/g, ''));
  return lines.slice(
    lines.findIndex((text) => text.startsWith('关于')),
    lines.findIndex((text) => text.startsWith('自治区水利厅')),
  );
};

let printer: DocumentPrinter;
beforeAll(async () => {
  printer = unwrap(await DocumentPrinter.launch());
});
afterAll(() => printer?.close());

describe('a long title on the page', () => {
  it('prints in the chosen lines (Chromium)', async () => {
    const pdf = join(tempDir(), 'title.pdf');
    writeFileSync(pdf, unwrap(await printer.pdf(renderHtml([titledNotice(TITLES.feedback)]))));
    expect(titleLinesOf(pdf)).toEqual(titleLines(TITLES.feedback));
  });

  it('opens in the chosen lines from the .docx (LibreOffice)', async () => {
    const dir = tempDir();
    const docx = join(dir, 'title.docx');
    writeFileSync(docx, await renderDocx(titledNotice(TITLES.month)));
    convertWithLibreOffice([docx], 'pdf', dir);
    expect(titleLinesOf(join(dir, 'title.pdf'))).toEqual(titleLines(TITLES.month));
  });
});
