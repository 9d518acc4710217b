import { describe, expect, it } from 'vitest';
import { cellText } from '../../../src/core/excel/read/cells';
import { readWorkbook } from '../../../src/core/excel/read/workbook';
import { failure, unwrap } from '../../helpers/result';
import { workbookBytes } from '../../helpers/workbooks';
import { type Parts, pack, partsOf, partText, withParts } from '../../fixtures/xlsx';

const PLACEHOLDER = 'PLACEHOLDER';

/** A workbook (as exceljs writes it) whose cell 表1!C7 holds the shared string PLACEHOLDER; a footer too. */
async function baseParts(): Promise<Parts> {
  return partsOf(
    await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('表1');
      sheet.getCell('A1').value = '序号';
      sheet.getCell('C7').value = PLACEHOLDER;
      sheet.headerFooter.oddFooter = '&L页脚';
    }),
  );
}

const splice = (part: Buffer, find: string, replacement: Buffer): Buffer => {
  const at = part.indexOf(find);
  if (at < 0) throw new Error(`no ${find}`);
  return Buffer.concat([part.subarray(0, at), replacement, part.subarray(at + Buffer.byteLength(find))]);
};

type Where = 'a shared string' | 'an inline string' | 'a formula result';

/** The workbook with the bytes `content` as C7's text, kept where `where` says. */
async function cellHolding(content: Buffer, where: Where): Promise<Buffer> {
  const parts = await baseParts();
  const sheet = parts.get('xl/worksheets/sheet1.xml')!;
  const cell = '<c r="C7" t="s"><v>1</v></c>';
  switch (where) {
    case 'a shared string':
      return pack(withParts(parts, { 'xl/sharedStrings.xml': splice(parts.get('xl/sharedStrings.xml')!, PLACEHOLDER, content) }));
    case 'an inline string':
      return pack(
        withParts(parts, {
          'xl/worksheets/sheet1.xml': splice(
            sheet,
            cell,
            Buffer.concat([Buffer.from('<c r="C7" t="inlineStr"><is><t>'), content, Buffer.from('</t></is></c>')]),
          ),
        }),
      );
    case 'a formula result':
      return pack(
        withParts(parts, {
          'xl/worksheets/sheet1.xml': splice(sheet, cell, Buffer.concat([Buffer.from('<c r="C7" t="str"><f>A1</f><v>'), content, Buffer.from('</v></c>')])),
        }),
      );
  }
}

const WHERE: Where[] = ['a shared string', 'an inline string', 'a formula result'];
const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const REFUSED: [string, Buffer][] = [
  ['&#0;', bytes('甲&#0;乙')],
  ['&#x1;', bytes('甲&#x1;乙')],
  ['&#31;', bytes('&#31;')],
  ['a lone high surrogate &#xD800;', bytes('甲&#xD800;乙')],
  ['a lone low surrogate &#xDC00;', bytes('&#xDC00;乙')],
  ['&#xFFFE;', bytes('&#xFFFE;')],
  ['&#xFFFF;', bytes('甲&#xFFFF;')],
  ['a raw control byte 0x01', bytes('甲', [0x01], '乙')],
  ['a raw NUL byte', bytes('甲', [0x00])],
  ['a byte that is never UTF-8 (0xFF)', bytes('甲', [0xff], '乙')],
  ['a character cut short (E4 B8 then <)', bytes('甲', [0xe4, 0xb8])],
  ['a lone continuation byte', bytes([0x80], '乙')],
  ['an overlong encoding (C0 80)', bytes('甲', [0xc0, 0x80])],
  ['a surrogate encoded in UTF-8 (ED A0 80)', bytes([0xed, 0xa0, 0x80])],
  ["Office's escape _x0001_", bytes('甲_x0001_乙')],
  ["Office's escape _x0000_", bytes('_x0000_')],
  ["Office's escape of a lone surrogate _xD800_", bytes('甲_xD800_')],
  ["Office's escape _xFFFF_", bytes('_xFFFF_乙')],
];

describe('text a workbook holds that no ledger should', () => {
  for (const where of WHERE) {
    it.each(REFUSED)(`refuses %s in ${where}, naming the cell`, async (_, content) => {
      expect(failure(await readWorkbook(await cellHolding(content, where)))).toEqual({ code: 'excel.bad_text', params: { cell: '表1!C7' } });
    });
  }

  it('refuses a control character in the formula of a cell, naming the cell', async () => {
    const parts = await baseParts();
    const sheet = splice(parts.get('xl/worksheets/sheet1.xml')!, '<c r="C7" t="s"><v>1</v></c>', bytes('<c r="C7"><f>"&#1;"</f><v>1</v></c>'));
    expect(failure(await readWorkbook(await pack(withParts(parts, { 'xl/worksheets/sheet1.xml': sheet }))))).toEqual({
      code: 'excel.bad_text',
      params: { cell: '表1!C7' },
    });
  });

  it('refuses a control character in a page footer, naming the sheet', async () => {
    const parts = await baseParts();
    const sheet = splice(parts.get('xl/worksheets/sheet1.xml')!, '页脚', bytes('页&#2;脚'));
    expect(failure(await readWorkbook(await pack(withParts(parts, { 'xl/worksheets/sheet1.xml': sheet }))))).toEqual({
      code: 'excel.bad_text',
      params: { cell: '表1' },
    });
  });

  it('says a workbook is damaged when a sheet name, a defined name, a custom property or an unused shared string holds one', async () => {
    const parts = await baseParts();
    const workbook = partText(parts, 'xl/workbook.xml');
    const custom =
      '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="来源"><vt:lpwstr xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">甲&#1;</vt:lpwstr></property></Properties>';
    const changes: Record<string, string | Buffer>[] = [
      { 'xl/workbook.xml': workbook.replace('name="表1"', 'name="表&#1;1"') },
      { 'xl/workbook.xml': workbook.replace('</sheets>', '</sheets><definedNames><definedName name="标记">甲&#x1F;</definedName></definedNames>') },
      { 'docProps/custom.xml': custom },
      { 'xl/sharedStrings.xml': partText(parts, 'xl/sharedStrings.xml').replace('</sst>', '<si><t>没人用&#1;</t></si></sst>') },
    ];
    for (const change of changes)
      expect(failure(await readWorkbook(await pack(withParts(parts, change)))), Object.keys(change)[0]).toEqual({ code: 'excel.damaged' });
  });

  it.each(WHERE)('reads tabs, line breaks and carriage returns in %s, written raw, as references or as Office escapes', async (where) => {
    for (const content of ['甲\t乙\n丙\r丁', '甲&#9;乙&#10;丙&#13;丁', '甲_x0009_乙_x000A_丙_x000D_丁']) {
      const [sheet] = unwrap(await readWorkbook(await cellHolding(bytes(content), where))).sheets;
      expect(cellText(sheet!.rows.find((r) => r.number === 7)!.cells[2]!), content).toBe('甲 乙\n丙 丁');
    }
  });

  it.each(WHERE)('reads a replacement character written as UTF-8, and an escaped underscore, in %s', async (where) => {
    const [sheet] = unwrap(await readWorkbook(await cellHolding(bytes('问号\uFFFD与_x005F_x0001_'), where))).sheets;
    expect(cellText(sheet!.rows.find((r) => r.number === 7)!.cells[2]!)).toBe('问号\uFFFD与_x0001_');
  });
});
