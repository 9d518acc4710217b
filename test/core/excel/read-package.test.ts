import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../../src/core/excel/read/source';
import { readWorkbook } from '../../../src/core/excel/read/workbook';
import { failure, unwrap } from '../../helpers/result';
import { sheetBytes } from '../../helpers/workbooks';
import { declareSize, pack, partsOf, partText, renameEntry, withParts } from '../../fixtures/xlsx';

const SHEET = 'xl/worksheets/sheet1.xml';
const loaded = async (bytes: Buffer) => failure(await loadWorkbook({ fileName: 'book.xlsx', bytes }));

/** A small workbook (exceljs) with its first sheet's XML changed by `change`. */
async function withSheet(change: (xml: string) => string): Promise<Buffer> {
  const parts = await partsOf(
    await sheetBytes([
      ['序号', '问题'],
      [1, '甲'],
    ]),
  );
  return pack(withParts(parts, { [SHEET]: change(partText(parts, SHEET)) }));
}

/**
 * Reads (past `inspectWorkbook`, which refuses most of these for inflating too well) and expects a
 * refusal with `code`, within `ms`: each takes well under half a second alone, and took a minute or
 * more before (a long token was scanned again at every chunk); the margin is for a busy machine.
 */
async function refusedQuickly(bytes: Buffer, code: string, ms = 5000): Promise<void> {
  const start = performance.now();
  expect(failure(await readWorkbook(bytes)).code).toBe(code);
  expect(performance.now() - start).toBeLessThan(ms);
}

describe('a package built to mislead', () => {
  it('is refused when its directory names one part twice, even in another case', async () => {
    const parts = await partsOf(await sheetBytes([['序号', '问题']]));
    const decoy = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>另一份</t></is></c></row></sheetData></worksheet>';
    const bytes = await pack(withParts(parts, { 'xl/worksheets/sheetX.xml': decoy }));
    for (const name of [SHEET, 'xl/worksheets/Sheet1.xml', 'XL/worksheets/sheet1.xml']) {
      const twice = renameEntry(bytes, 'xl/worksheets/sheetX.xml', name);
      expect((await loaded(twice)).code, name).toBe('excel.damaged');
      expect(failure(await readWorkbook(twice)).code, name).toBe('excel.damaged');
    }
  });

  it('is refused when a part inflates to more or less than its directory says', async () => {
    const bytes = await sheetBytes([
      ['序号', '问题'],
      [1, '甲'],
    ]);
    const size = (await partsOf(bytes)).get(SHEET)!.length;
    for (const declared of [size - 100, size + 100, 1, 0]) {
      expect((await loaded(declareSize(bytes, SHEET, declared))).code, String(declared)).toBe('excel.damaged');
    }
  });

  it('refuses a document type: no entity is ever expanded', async () => {
    const laughs = `<!DOCTYPE worksheet [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]>`;
    await refusedQuickly(await withSheet((xml) => xml.replace('<worksheet', `${laughs}<worksheet`).replace('<v>1</v>', '<v>&j;</v>')), 'excel.damaged');
    await refusedQuickly(await withSheet((xml) => xml.replace('<worksheet', '<!DOCTYPE worksheet SYSTEM "file:///etc/passwd"><worksheet')), 'excel.damaged');
  });

  it('refuses elements nested deeper than any workbook nests them, quickly', async () => {
    const deep = 200_000;
    await refusedQuickly(await withSheet((xml) => xml.replace('</sheetData>', `${'<x>'.repeat(deep)}${'</x>'.repeat(deep)}</sheetData>`)), 'excel.damaged');
  });

  it('refuses a huge attribute, a huge text and an endless tag quickly, never scanning them again and again', async () => {
    const huge = 'A'.repeat(24 * 1024 * 1024);
    await refusedQuickly(await withSheet((xml) => xml.replace('<sheetData>', `<sheetData><row r="9" x="${huge}"/>`)), 'excel.damaged');
    await refusedQuickly(await withSheet((xml) => xml.replace('<v>1</v>', `<v>${huge}</v>`)), 'excel.damaged');
    await refusedQuickly(await withSheet((xml) => xml.replace('<sheetData>', `<sheetData><row r="9" ${'x="1" '.repeat(4 * 1024 * 1024)}`)), 'excel.damaged');
    // A '>' in every value: the tag may end at each one, and is scanned again only as it doubles.
    await refusedQuickly(await withSheet((xml) => xml.replace('<sheetData>', `<sheetData><row r="9" ${'x=">" '.repeat(4 * 1024 * 1024)}`)), 'excel.damaged');
  });

  it('refuses a row numbered outside a sheet, and a cell reference without a column (found by the fuzz: a row numbered NaN)', async () => {
    for (const row of ['abc', '0', '-1', '1.5', '1048577', 'http://schemas.openxmlformats.org/spreadsheetml/2006/main']) {
      expect((await loaded(await withSheet((xml) => xml.replace('<row r="2"', `<row r="${row}"`)))).code, row).toBe('excel.damaged');
    }
    for (const cell of ['2', 'a2', '$']) {
      expect((await loaded(await withSheet((xml) => xml.replace('<c r="A2"', `<c r="${cell}"`)))).code, cell).toBe('excel.damaged');
    }
    expect((await loadWorkbook({ fileName: 'book.xlsx', bytes: await withSheet((xml) => xml.replace('<row r="2"', '<row r="1048576"')) })).ok).toBe(true);
  });

  it('refuses a cell pointing past the shared strings, or at no string at all', async () => {
    for (const index of ['3', '99999999', '-1', '1.5', 'abc', '1e3', '']) {
      const bytes = await withSheet((xml) => xml.replace(/(<c r="B1" t="s"><v>)\d+(<\/v>)/, `$1${index}$2`));
      expect((await loaded(bytes)).code, index).toBe('excel.damaged');
    }
  });
});

describe('a package whose parts are stored or deflated', () => {
  it('reads the same either way, a sheet of many chunks included, and checks a stored part against its directory too', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => [i + 1, `问题${i} &<>"'`, i % 7 === 0 ? '' : `甲乙丙丁${i}`]);
    const deflated = await sheetBytes([['序号', '问题', '备注'], ...rows]);
    const stored = await JSZip.loadAsync(deflated).then((zip) => zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
    expect((await partsOf(deflated)).get(SHEET)!.length).toBeGreaterThan(256 * 1024);
    expect(unwrap(await readWorkbook(stored))).toEqual(unwrap(await readWorkbook(deflated)));
    expect(unwrap(await readWorkbook(deflated)).sheets[0]!.rows).toHaveLength(4001);
    const size = (await partsOf(stored)).get(SHEET)!.length;
    expect(failure(await readWorkbook(declareSize(stored, SHEET, size - 100))).code).toBe('excel.damaged');
  });
});
