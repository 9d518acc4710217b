import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import type { PetitionQuery } from '../../../src/core/petitions/model';
import { readWorkbook } from '../../../src/core/excel/read/workbook';
import { cellText } from '../../../src/core/excel/read/cells';
import { addTask, addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import type { TextLine } from '../../helpers/pdf';
import { csvByLibreOffice, loadWithExcelJS, printedByLibreOffice, WORKBOOKS, workbookBytes } from '../../helpers/workbooks';
import { setText } from '../../../src/core/excel/write/safe-text';
import { DATE_FORMAT, startTable } from '../../../src/core/excel/write/table';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const sample = (name: string) => ({ path: join(WORKBOOKS, name) });

async function sampleLedger(): Promise<Ledger> {
  const l = await newLedger({ clock: () => new Date('2026-11-25T09:00:00+08:00') });
  unwrap(await l.exchange.imports.importFile(sample('units.xlsx'), {}, false));
  unwrap(
    await l.exchange.imports.importFile(
      sample('rectification-tasks.xlsx'),
      { units: { '各盟市人民政府（行政公署）': { action: 'createGroup', members: { by: 'kind', kind: 'city' } } } },
      false,
    ),
  );
  unwrap(await l.exchange.imports.importFile(sample('petitions-120.xlsx'), {}, false));
  return l;
}

const file = (bytes: Uint8Array, fileName: string) => ({ fileName, bytes });

describe('exports a leader reads', () => {
  it('the task ledger: title, date and count, header frozen and repeated on each A4 landscape page, fitted to width', async () => {
    ledger = await sampleLedger();
    const exported = unwrap(await ledger.exchange.export({ kind: 'tasks' }));
    expect(exported).toMatchObject({ fileName: '整改任务台账-2026-11-25.xlsx', rows: 14 });
    const [sheet] = unwrap(await readWorkbook(Buffer.from(exported.bytes))).sheets;
    expect(sheet!.rows.slice(0, 3).map((r) => r.cells.map(cellText).filter(Boolean))).toEqual([
      ['整改任务台账'],
      ['导出日期：2026年11月25日 共 14 条'],
      ['序号', '督察反馈问题', '整改目标', '整改措施', '责任单位', '配合单位', '责任领导', '整改时限', '整改进展', '最新进展', '备注'],
    ]);
    expect(sheet!.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 11 });
    expect(sheet!.rows).toHaveLength(3 + 14);
    expect(sheet!.rows[3]!.cells.map(cellText).slice(0, 9)).toEqual([
      '1',
      '部分城镇污水处理厂长期超标排放，东川市班岭营三期污水处理厂出水超标排入三道河',
      '问题得到有效解决，建立长效机制',
      '1. 加强日常监管和执法检查，严肃查处违法行为\n2. 定期调度整改进展，对进度滞后的进行约谈\n3. 加快推进提标改造工程建设',
      '东川市人民政府',
      '自治区住房和城乡建设厅',
      '',
      '2024-06-30',
      '未启动',
    ]);
    const zip = await JSZip.loadAsync(exported.bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<pane[^>]*ySplit="3"[^>]*state="frozen"/);
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(xml).toMatch(/fitToWidth="1"/);
    expect(xml).toMatch(/<oddFooter>[^<]*&amp;P[^<]*&amp;N/);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/_xlnm\.Print_Titles[^>]*>[^<]*\$3:\$3/);
    const book = await loadWithExcelJS(exported.bytes);
    const cell = book.worksheets[0]!.getCell('B4');
    expect(cell.border?.left?.style).toBe('thin');
    expect(book.worksheets[0]!.getColumn(2).width).toBeGreaterThan(40);
  });

  it('prints every line of a cell inside its row, and deadlines as 2024年6月30日, as LibreOffice prints it', async () => {
    ledger = await sampleLedger();
    const u = ledger.units.list().find((unit) => unit.name === '东川市人民政府')!;
    const first = unwrap(ledger.tasks.list({ limit: 1 })).rows[0]!;
    unwrap(
      ledger.progress.submit({
        taskId: first.id,
        unitId: u.id,
        period: '2026-10',
        state: 'on_track',
        progress: '一、完成三期提标改造主体工程\n二、出水水质连续三个月达标\n三、建立日常巡查台账',
      }),
    );
    const exported = unwrap(await ledger.exchange.export({ kind: 'tasks' }));
    const pages = printedByLibreOffice(exported.bytes);
    const text = pages
      .flat()
      .map((line) => line.text.replace(/\s+/g, ''))
      .join('\n');
    expect(text).toContain('3.加快推进提标改造工程建设');
    expect(text).toContain('三、建立日常巡查台账');
    expect(text).toContain('2024年6月30日');
    expect(text).not.toContain('2024-06-30');
    // A cell whose lines do not fit its row prints them over the rows below: no two lines may overlap.
    expect(pages.flatMap(overlaps)).toEqual([]);
  });

  it('imports back what it exports, unchanged: tasks, petition cases (two-level header), units', async () => {
    ledger = await sampleLedger();
    for (const [kind, count] of [
      ['tasks', 14],
      ['petitions', 120],
      // 各盟市人民政府（行政公署） is a group of the 盟市, not a unit.
      ['units', 13],
    ] as const) {
      const exported = unwrap(await ledger.exchange.export({ kind }));
      const back = unwrap(await ledger.exchange.imports.preview(file(exported.bytes, exported.fileName)));
      expect(back.kind, kind).toBe(kind);
      expect(
        back.rows.find((r) => r.action !== 'unchanged'),
        kind,
      ).toBeUndefined();
      expect(back.counts, kind).toMatchObject({ create: 0, update: 0, error: 0, unchanged: count });
    }
  });

  it('the petition list as the screen filters and sorts it: the same cases in the same order', async () => {
    ledger = await sampleLedger();
    const query: PetitionQuery = { completions: ['completed', 'stage_completed'], sort: 'receiptNumber', descending: true };
    const listed = unwrap(ledger.petitions.list({ ...query, limit: 1000 }));
    expect(listed.total).toBeGreaterThan(1);
    expect(listed.total).toBeLessThan(120);
    const exported = unwrap(await ledger.exchange.export({ kind: 'petitions', query }));
    expect(exported.rows).toBe(listed.total);
    const [sheet] = unwrap(await readWorkbook(Buffer.from(exported.bytes))).sheets;
    const receipts = sheet!.rows.slice(4).map((row) => cellText(row.cells[1]!));
    expect(receipts).toEqual(listed.rows.map((c) => c.receiptNumber));
  });

  it('statistics by unit, by status and by month on three sheets', async () => {
    ledger = await sampleLedger();
    const exported = unwrap(await ledger.exchange.export({ kind: 'stats', asOf: '2026-11-25' }));
    const { sheets } = unwrap(await readWorkbook(Buffer.from(exported.bytes)));
    expect(sheets.map((s) => s.name)).toEqual(['按单位', '按状态', '按月份']);
    const byUnit = sheets[0]!;
    expect(byUnit.rows[2]!.cells.map(cellText)).toEqual(['单位', '整改任务', '', '', '', '', '', '', '信访件']);
    expect(byUnit.rows[3]!.cells.map(cellText)).toEqual(['', '合计', '未启动', '推进中', '已完成', '已销号', '逾期', '完成率', '合计', '已办结', '完成率']);
    const total = byUnit.rows.at(-1)!.cells.map(cellText);
    expect(total.slice(0, 2)).toEqual(['合计', '14']);
    expect(total[8]).toBe('120');
    const byStatus = sheets[1]!.rows.map((r) => r.cells.map(cellText));
    expect(byStatus).toContainEqual(['整改任务状态：已完成', '1', '7.1%']);
  });

  it('writes text a spreadsheet would run as text in the Text format, never calculated', async () => {
    ledger = await newLedger();
    const u = addUnits(ledger, ['自治区水利厅']);
    const risky = ['=1+2', '+SUM(A1:A9)', '-2+3', '@cmd', '=HYPERLINK("http://x.invalid","点此")'];
    risky.forEach((text, i) => addTask(ledger, String(i + 1), u['自治区水利厅']!, { problem: text }));
    const exported = unwrap(await ledger.exchange.export({ kind: 'tasks' }));
    const book = await loadWithExcelJS(exported.bytes);
    const sheet = book.worksheets[0]!;
    risky.forEach((text, i) => {
      const problem = sheet.getCell(4 + i, 2);
      expect(problem.type).toBe(ExcelJS.ValueType.String);
      expect(problem.value).toBe(text);
      expect(problem.numFmt).toBe('@');
    });
    // LibreOffice, opening the file, shows the texts as written: nothing was calculated.
    const lines = csvByLibreOffice(exported.bytes).split('\n');
    risky.slice(0, 4).forEach((text, i) => expect(lines[3 + i]!.startsWith(`${i + 1},${text},`)).toBe(true));
  });
});

describe('a table written for leaders', () => {
  it("gives a column's cells one style (a date's its own), which no cell can change on its own", () => {
    const book = new ExcelJS.Workbook();
    const table = startTable(book, '表', { title: '标题', subtitle: '', columns: [{ header: '时间', width: 8, kind: 'date' }], pageFooter: '' });
    const [first, second, dated] = ['立行立改', '长期坚持', '2024-06-30'].map((value) => table.addRow([value]).getCell(1));
    expect(first!.style).toBe(second!.style);
    expect(dated!.numFmt).toBe(DATE_FORMAT);
    expect(first!.numFmt).toBeUndefined();
    expect(() => {
      first!.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }).toThrow(TypeError);
    expect(second!.fill).toBeUndefined();
  });
});

describe('text that could run, written and read again', () => {
  it('keeps every character, a leading tab and carriage return included, as LibreOffice reads it', async () => {
    const texts = ['=1+2', '+SUM(A1:A9)', '-2+3', '@cmd', '\t=1+2', '\r=1+2', '说明_x000D_原样'];
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('表');
      texts.forEach((text, i) => setText(sheet.getCell(i + 1, 1), text));
    });
    expect(csvByLibreOffice(bytes)).toBe(texts.map((text) => (/[\r\n"]/.test(text) ? `"${text}"` : text)).join('\n') + '\n');
    const [sheet] = unwrap(await readWorkbook(bytes)).sheets;
    expect(sheet!.rows.map((r) => cellText(r.cells[0]!))).toEqual(['=1+2', '+SUM(A1:A9)', '-2+3', '@cmd', '=1+2', '=1+2', '说明_x000D_原样']);
  });
});

/** Pairs of printed lines whose boxes cover each other by more than a third of a line. */
function overlaps(lines: readonly TextLine[]): string[] {
  const found: string[] = [];
  lines.forEach((a, i) => {
    for (const b of lines.slice(i + 1)) {
      const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (across > 0 && down > Math.min(a.yMax - a.yMin, b.yMax - b.yMin) / 3) found.push(`${a.text} / ${b.text}`);
    }
  });
  return found;
}
