import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { duban } from '../helpers/cli';
import { addTask, addUnits } from '../helpers/domain';
import { permissionsOf, unixModes, useUmask } from '../helpers/file-mode';
import { convertWithLibreOffice } from '../helpers/libreoffice';
import { boxHeight, pdfLines, pdfPages, rows, rowY, type TextLine } from '../helpers/pdf';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

/**
 * The letter command end to end, and the pages it prints read back with poppler against GB/T 9704
 * (docs/glossary.md): A4, text inside the 156 × 225 mm type area from 37 mm / 28 mm, 22 lines on every
 * full page, "— N —" 7 mm under the type area on the outer side. One document of each kind: Chromium
 * and LibreOffice are slow here.
 */
const tempDir = useTempDir('file');
useUmask(0o022);
const PASSWORD = '督办台账 命令行测试 2026';
const TYPE_AREA = { top: 37, bottom: 262, left: 28, right: 184 };
const PITCH_MM = (28.5 * 25.4) / 72;
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;

let ledgerPath: string;

beforeAll(async () => {
  ledgerPath = join(tempDir(), 'office.duban');
  const { ledger } = unwrap(await Ledger.create(ledgerPath, { password: PASSWORD, kdf: KDF_FLOOR }));
  const u = addUnits(ledger, ['自治区水利厅', '自治区住房和城乡建设厅', '自治区林业和草原局']);
  for (let i = 1; i <= 30; i++) {
    addTask(ledger, String(i), u['自治区水利厅']!, {
      problem: `第${i}个入河排污口排查整治进展滞后，部分排污口未完成溯源和分类整治`,
      deadline: { kind: 'date', date: '2026-06-30' },
    });
  }
  addTask(ledger, '31', u['自治区住房和城乡建设厅']!, { problem: '城镇污水处理厂超标排放', deadline: { kind: 'date', date: '2026-09-30' } });
  addTask(ledger, '32', u['自治区林业和草原局']!, { deadline: { kind: 'ongoing' } });
  const office = ledger.documents.office();
  unwrap(
    ledger.documents.setOffice({
      ...office,
      contact: '王建国',
      phone: '0471-6941001',
      copyTo: '自治区纪委监委第五监督检查室，自治区生态环境保护督察整改工作领导小组办公室',
    }),
  );
  ledger.close();
}, 120_000);

const letter = (args: string[], env: Record<string, string> = {}) =>
  duban(['letter', ledgerPath, '--password-stdin', '--date', '2026-11-24', ...args], `${PASSWORD}\n`, env);

async function register() {
  const ledger = unwrap(await Ledger.open(ledgerPath, { password: PASSWORD }, { readOnly: true }));
  const docs = unwrap(ledger.documents.list());
  ledger.close();
  return docs;
}

const isPageNumber = (line: TextLine): boolean => PAGE_NUMBER.test(line.text.trim());

const WIDE = /^[\u2e80-\uffff]+$/;

/**
 * The geometry every document shares; `letter`: page 1 has no number and its issuer mark sits 30 mm
 * from the top; `grid`: the body runs on the line grid (not a table form).
 */
function checkPages(path: string, letter: boolean, grid = true): TextLine[][] {
  const { pages, widthMm, heightMm } = pdfPages(path);
  expect(widthMm).toBeCloseTo(210, 0);
  expect(heightMm).toBeCloseTo(297, 0);
  const lines = pdfLines(path);
  expect(lines).toHaveLength(pages);
  lines.forEach((page, index) => {
    const number = page.filter(isPageNumber);
    if (letter && index === 0) expect(number).toEqual([]);
    else {
      expect(number).toHaveLength(1);
      const n = number[0]!;
      expect(Number(PAGE_NUMBER.exec(n.text.trim())![1])).toBe(index + 1);
      // Its top 7 mm under the type area (the box's middle half a 4号 line lower), one character in from the outer edge.
      expect(n.y).toBeGreaterThan(TYPE_AREA.bottom + 7);
      expect(n.y).toBeLessThan(TYPE_AREA.bottom + 7 + 5);
      if ((index + 1) % 2 === 1) expect(n.xMax).toBeCloseTo(TYPE_AREA.right - 4.94, 0);
      else expect(n.xMin).toBeCloseTo(TYPE_AREA.left + 4.94, 0);
    }
    for (const line of page.filter((l) => !isPageNumber(l))) {
      // The letter's issuer mark: its top 30 mm from the page's top, above the type area.
      const mark = letter && index === 0 && line.y < TYPE_AREA.top;
      if (mark) expect(line.y).toBeGreaterThan(30);
      else {
        expect(line.y).toBeGreaterThan(TYPE_AREA.top);
        expect(line.y).toBeLessThan(TYPE_AREA.bottom);
      }
      expect(line.xMin).toBeGreaterThan(TYPE_AREA.left - 0.5);
      expect(line.xMax).toBeLessThan(TYPE_AREA.right + 0.5);
    }
  });
  // Full pages (all but the first and the last) hold 22 lines on the grid — up to three fewer where a paragraph of three
  // lines (a heading with it) went whole to the next page rather than leave a line alone; a full line of Chinese holds 28 characters.
  for (const page of grid ? lines.slice(1, -1) : []) {
    const body = rows(page.filter((l) => !isPageNumber(l)));
    expect(body.length).toBeGreaterThanOrEqual(19);
    expect(body.length).toBeLessThanOrEqual(22);
    expect(rowY(body[0]!) - TYPE_AREA.top).toBeLessThan(PITCH_MM);
    // Each row as many lines below the last row of its face as it is rows below it.
    body.forEach((row, i) => {
      const j = body.findLastIndex((earlier, k) => k < i && Math.abs(boxHeight(earlier) - boxHeight(row)) < 0.5);
      if (j >= 0) expect(rowY(row) - rowY(body[j]!)).toBeCloseTo((i - j) * PITCH_MM, 0);
    });
    // 28 characters of 15.79 pt fill the 156 mm line.
    const widths = body.map((row) => Math.max(...row.map((l) => l.xMax)) - Math.min(...row.map((l) => l.xMin)));
    expect(Math.max(...widths)).toBeCloseTo(TYPE_AREA.right - TYPE_AREA.left, 0);
    const wide = body.map((row) => row.map((l) => l.text.replace(/\s/g, '')).join('')).filter((text) => WIDE.test(text));
    for (const text of wide) expect(text.length).toBeLessThanOrEqual(28);
  }
  return lines;
}

const textOf = (lines: TextLine[][]): string =>
  lines
    .flat()
    .map((l) => l.text.replace(/\s/g, ''))
    .join('\n');

describe('duban letter', () => {
  it('previews a letter as self-contained HTML without taking a number', async () => {
    const out = join(tempDir(), '预览.html');
    const run = letter(['--type', 'reminder', '--unit', '自治区水利厅', '--preview', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('预览（未发文，不占用文号）：某纪监驻环函〔2026〕1号，收文单位 自治区水利厅，30 项任务');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('关于督促加快推进逾期整改任务的提醒函');
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
    expect(await register()).toEqual([]);
  });

  it('issues a reminder letter (letter format) and prints it to GB/T 9704 pages', async () => {
    const out = join(tempDir(), '提醒函.pdf');
    const run = letter(['--type', 'reminder', '--unit', '自治区水利厅', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('已发文：某纪监驻环函〔2026〕1号，收文单位 自治区水利厅，30 项任务，回复期限 2026年12月4日。');
    // Only its owner may read it, though the umask would let everyone (file-modes.test.ts has the rest).
    if (unixModes) expect(permissionsOf(out)).toBe('600');
    const lines = checkPages(out, true);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const text = textOf(lines);
    expect(text).toContain('某纪监驻环函〔2026〕1号');
    expect(text).toContain('2026年11月24日');
    expect(text).toContain('请于2026年12月4日前');
    expect((await register()).map((d) => d.number)).toEqual(['某纪监驻环函〔2026〕1号']);
  });

  it('prints a notice (standard format) with its copy-to block on the bottom of the last page', () => {
    const out = join(tempDir(), '通报.pdf');
    const run = letter(['--type', '通报', '--unit', '自治区水利厅', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const lines = checkPages(out, false);
    const last = lines[lines.length - 1]!.filter((l) => !isPageNumber(l));
    const copyTo = last.findIndex((l) => l.text.startsWith('抄送'));
    expect(copyTo).toBeGreaterThan(-1);
    // The block's lines are the last ones of the page, ending on the type area's bottom line.
    expect(last[last.length - 1]!.y).toBeGreaterThan(TYPE_AREA.bottom - PITCH_MM);
    expect(last[copyTo]!.y).toBeGreaterThan(TYPE_AREA.bottom - 3 * PITCH_MM);
    const text = textOf(lines);
    expect(text).toContain('某纪监驻环通〔2026〕1号');
    expect(text.replace(/\n/g, '')).toContain('抄送：自治区纪委监委第五监督检查室，自治区生态环境保护督察整改工作领导小组办公室。');
  });

  it('prints a supervision sheet whose task table repeats its header row on every page', () => {
    const out = join(tempDir(), '督办单.pdf');
    const run = letter(['--type', 'supervision', '--unit', '自治区水利厅', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const lines = checkPages(out, false, false);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const page of lines.slice(1)) {
      // The header row's cells, at the top of the page (the words of one row may come in any grouping).
      const header = page
        .filter((l) => l.y < TYPE_AREA.top + 15)
        .map((l) => l.text.replace(/\s/g, ''))
        .join('');
      for (const cell of ['序号', '整改任务', '整改时限']) expect(header).toContain(cell);
    }
    expect(textOf(lines)).toContain('某纪监驻环督〔2026〕1号');
  });

  it('writes one Word letter per lead unit of the overdue tasks, numbered consecutively, that LibreOffice opens with the same text', async () => {
    const dir = join(tempDir(), '批量');
    const run = letter(['--type', 'reminder', '--all-overdue', '--format', 'docx', '--out', dir]);
    expect(run.status, run.stderr).toBe(0);
    const files = readdirSync(dir);
    const serials = files
      .map((f) => /^某纪监驻环函〔2026〕(\d+)号-(自治区水利厅|自治区住房和城乡建设厅)\.docx$/.exec(f))
      .map((m) => [Number(m![1]), m![2]] as const);
    expect(new Set(serials.map(([, unit]) => unit)).size).toBe(2);
    expect(Math.abs(serials[0]![0] - serials[1]![0])).toBe(1);
    const housing = files.find((f) => f.includes('住房和城乡建设厅'))!;
    const housingNumber = housing.split('-')[0]!;
    const converted = join(tempDir(), 'lo');
    convertWithLibreOffice(
      files.map((f) => join(dir, f)),
      'pdf',
      converted,
    );
    const text = textOf(pdfLines(join(converted, housing.replace(/docx$/, 'pdf'))));
    for (const expected of [
      housingNumber,
      '关于督促加快推进逾期整改任务的提醒函',
      '自治区住房和城乡建设厅：',
      '城镇污水处理厂超标排放',
      '2026年11月24日',
      '请于2026年12月4日前',
    ]) {
      expect(text).toContain(expected);
    }
    const reminders = (await register())
      .filter((d) => d.docType === 'reminder')
      .map((d) => d.serial)
      .sort((a, b) => a - b);
    expect(reminders).toEqual(Array.from({ length: reminders.length }, (_, i) => i + 1));
  });

  it('says in one sentence that a PDF needs Chromium, and takes no number', async () => {
    const before = (await register()).length;
    const run = letter(['--type', 'reminder', '--unit', '自治区水利厅', '--out', join(tempDir(), 'x.pdf')], { DUBAN_CHROMIUM: '/nonexistent/chromium' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('找不到 Chromium 浏览器，无法生成 PDF');
    expect(await register()).toHaveLength(before);
  });

  it('names what is wrong: an unknown unit, a missing choice of recipient', () => {
    const unknown = letter(['--type', 'reminder', '--unit', '不存在的厅', '--out', join(tempDir(), 'y.docx')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe('台账中没有名为“不存在的厅”的单位（全称或简称）。');
    const neither = letter(['--type', 'reminder', '--out', join(tempDir(), 'y.docx')]);
    expect(neither.status).toBe(1);
    expect(neither.stderr).toContain('请用 --unit 指明收文单位');
  });
});
