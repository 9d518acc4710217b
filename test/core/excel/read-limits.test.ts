import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../../src/core/excel/read/limits';
import { readWorkbook } from '../../../src/core/excel/read/workbook';
import { failure, unwrap } from '../../helpers/result';
import { workbookBytes } from '../../helpers/workbooks';
import { minimalParts, type Parts, pack, partText, sampleParts, sheetData, withParts } from '../../fixtures/xlsx';
import { GARBAGE_MB, heldAtMostMb, measured } from './heap';

const sheetList = (count: number, relId: (i: number) => string): string =>
  `<sheets>${Array.from({ length: count }, (_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="${relId(i)}"/>`).join('')}</sheets>`;

/** The petitions sample with its workbook part listing `count` sheets, and its relationships changed. */
async function petitionsListing(count: number, relId: (i: number) => string, rels?: (xml: string) => string): Promise<Buffer> {
  const parts = await sampleParts('petitions-120.xlsx');
  const workbook = partText(parts, 'xl/workbook.xml').replace(/<sheets>.*<\/sheets>/, sheetList(count, relId));
  const relationships = partText(parts, 'xl/_rels/workbook.xml.rels');
  return pack(withParts(parts, { 'xl/workbook.xml': workbook, 'xl/_rels/workbook.xml.rels': rels ? rels(relationships) : relationships }));
}

const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const relationship = (id: string, target: string, type = WORKSHEET): string => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const addRelationships = (extra: string) => (xml: string) => xml.replace('</Relationships>', `${extra}</Relationships>`);

const limits = (changes: Partial<ReadLimits>): ReadLimits => ({ ...DEFAULT_READ_LIMITS, ...changes });

describe('a workbook that lists one part many times', () => {
  // Before, the sample's sheet was read once a listing: 2,000 listings (a 27 KB file) took 7.5 s and
  // 230 MB of heap. Listed as many times as a workbook may list sheets, it is now read once (a few
  // hundred rows: under a megabyte held) and refused at the second listing.
  it('is refused as soon as the part comes up a second time, in well under a second and a few megabytes', async () => {
    const count = DEFAULT_READ_LIMITS.maxSheets;
    const sameRelationship = await petitionsListing(count, () => 'rId2');
    const sameTarget = await petitionsListing(
      count,
      (i) => `rIdS${i}`,
      addRelationships(Array.from({ length: count }, (_, i) => relationship(`rIdS${i}`, 'worksheets/sheet1.xml')).join('')),
    );
    for (const bytes of [sameRelationship, sameTarget]) {
      const { result, ms, heapMb } = await measured(() => readWorkbook(bytes));
      expect(failure(result)).toEqual({ code: 'excel.repeated_part' });
      expect(ms).toBeLessThan(1000);
      expect(heapMb).toBeLessThan(32);
    }
  });

  it('refuses a sheet whose part is the workbook itself, its shared strings or its styles (a cycle)', async () => {
    for (const target of ['../xl/workbook.xml', '/xl/workbook.xml', 'sharedStrings.xml', 'styles.xml']) {
      const bytes = await petitionsListing(2, (i) => (i === 0 ? 'rId2' : 'rIdX'), addRelationships(relationship('rIdX', target)));
      expect(failure(await readWorkbook(bytes)), target).toEqual({ code: 'excel.repeated_part' });
    }
  });

  it('refuses a sheet whose relationship points outside the package, or at no part', async () => {
    for (const target of [
      '../../etc/passwd',
      '../../../../../../etc/passwd',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      'file:///etc/passwd',
      'worksheets/sheet9.xml',
    ]) {
      const bytes = await petitionsListing(1, () => 'rIdX', addRelationships(relationship('rIdX', target)));
      expect(failure(await readWorkbook(bytes)), target).toEqual({ code: 'excel.damaged' });
    }
  });
});

/** Three sheets of ten rows of ten short texts (each text its own shared string), two merges each. */
const threeSheets = (): Promise<Buffer> =>
  workbookBytes((workbook) => {
    for (let s = 1; s <= 3; s++) {
      const sheet = workbook.addWorksheet(`表${s}`);
      for (let r = 1; r <= 10; r++) sheet.addRow(Array.from({ length: 10 }, (_, c) => `第${s}表${r}行${c + 1}列`));
      sheet.mergeCells('A12:B12');
      sheet.mergeCells('A13:B13');
    }
  });

describe('the budget of a whole workbook', () => {
  it('takes the largest real import (200,000 rows of 20 columns) with room to spare', () => {
    expect(DEFAULT_READ_LIMITS.maxRows).toBeGreaterThanOrEqual(200_000);
    expect(DEFAULT_READ_LIMITS.maxCells).toBeGreaterThanOrEqual(200_000 * 20);
    expect(DEFAULT_READ_LIMITS.maxStrings).toBeGreaterThanOrEqual(200_000 * 5);
  });

  it('lets in a workbook within it: 3 × 10 rows of 10 cells, each row counting one more, 6 merges, 3 sheets', async () => {
    const read = unwrap(await readWorkbook(await threeSheets(), limits({ maxCells: 330, maxMerges: 6, maxSheets: 3 })));
    expect(read.sheets.map((s) => s.rows.length)).toEqual([10, 10, 10]);
  });

  it('counts cells, shared strings, characters, merges and sheets across all sheets, not per sheet', async () => {
    const bytes = await threeSheets();
    const tooLarge = { code: 'excel.workbook_too_large' };
    for (const over of [{ maxCells: 250 }, { maxStrings: 250 }, { maxCharacters: 2000 }, { maxMerges: 5 }, { maxSheets: 2 }]) {
      expect(failure(await readWorkbook(bytes, limits(over))), JSON.stringify(over)).toMatchObject(tooLarge);
    }
  });

  it('counts the cells a row keeps up to its last value, not only those holding one', async () => {
    const far = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('远');
      for (let r = 1; r <= 10; r++) sheet.getCell(`Z${r}`).value = r;
    });
    expect(failure(await readWorkbook(far, limits({ maxCells: 200 }))).code).toBe('excel.workbook_too_large');
  });

  it('counts the bytes of every part read, and says how large the workbook is', async () => {
    const bytes = await threeSheets();
    expect(failure(await readWorkbook(bytes, limits({ maxInflated: 10_000 })))).toMatchObject({ code: 'excel.too_large' });
  });

  it('holds no more of the heap than its limits allow, whichever of them a workbook spends', async () => {
    const small = limits({ maxCells: 210_000, maxStrings: 20_100, maxCharacters: 4_000_000, maxMerges: 5_000 });
    const long = (n: number) => `${'督察反馈问题'.repeat(166)}${n}`.slice(-1000);
    // Each spends one limit to the full: a twentieth less of it and the workbook is refused.
    const workbooks: Record<string, [Parts, keyof ReadLimits]> = {
      numbers: [minimalParts([{ name: '数', body: sheetData(10_000, 20, (ref, r, c) => `<c r="${ref}"><v>${r + c / 7}</v></c>`) }]), 'maxCells'],
      texts: [
        minimalParts([{ name: '文', body: sheetData(1_990, 2, (ref, r, c) => `<c r="${ref}" t="inlineStr"><is><t>${long(r * 2 + c)}</t></is></c>`) }]),
        'maxCharacters',
      ],
      strings: [
        minimalParts(
          [
            {
              name: '表',
              body: `${sheetData(10_000, 2, (ref, r, c) => `<c r="${ref}" t="s"><v>${(r * 2 + c) % 20_000}</v></c>`)}<mergeCells>${Array.from({ length: 5_000 }, (_, i) => `<mergeCell ref="C${i + 1}:D${i + 1}"/>`).join('')}</mergeCells>`,
            },
          ],
          Array.from({ length: 20_000 }, (_, i) => long(i).slice(0, 95)),
        ),
        'maxStrings',
      ],
    };
    for (const [name, [parts, spent]] of Object.entries(workbooks)) {
      const bytes = await pack(parts);
      const { result, heapMb, heldMb } = await measured(() => readWorkbook(bytes, small));
      unwrap(result);
      expect(heldMb, name).toBeLessThan(heldAtMostMb(small));
      expect(heapMb, name).toBeLessThan(heldAtMostMb(small) + GARBAGE_MB);
      expect(failure(await readWorkbook(bytes, { ...small, [spent]: small[spent] * 0.95 })).code, name).toBe('excel.workbook_too_large');
    }
  });
});
