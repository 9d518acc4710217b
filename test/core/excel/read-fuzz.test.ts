import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/core/excel/read/cells';
import { inspectWorkbook } from '../../../src/core/excel/read/inspect';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../../src/core/excel/read/limits';
import { loadWorkbook } from '../../../src/core/excel/read/source';
import { readWorkbook, type WorkbookData } from '../../../src/core/excel/read/workbook';
import { hasForbiddenCharacter } from '../../../src/core/excel/read/xml';
import { ERROR_CODES } from '../../../src/shared/errors';
import type { Result } from '../../../src/shared/result';
import { workbookBytes } from '../../helpers/workbooks';
import { centralRecords, declareSize, minimalParts, type Parts, pack, partsOf, renameEntry, sampleParts, sheetData, withParts } from '../../fixtures/xlsx';
import { GARBAGE_MB, heldAtMostMb, measured } from './heap';

/**
 * Property and fuzz tests of the workbook reader. Generated workbooks are read back as written, or
 * refused by the cell holding broken text; real workbooks mutated — the XML of their parts, their
 * relationships, their zip — are read or refused with a code: never an exception escaping
 * `readWorkbook`, `loadWorkbook` or `inspectWorkbook`, never past a time limit, never a heap past
 * what the read's limits allow. `npm test` runs a fixed number of cases from a fixed seed;
 * DUBAN_FUZZ_RUNS (and DUBAN_FUZZ_SEED) run more. A case that fails is written to
 * test-results/fuzz/, to be kept in the corpus (test/fixtures/workbooks/corpus/).
 */
const RUNS = Number(process.env.DUBAN_FUZZ_RUNS ?? 100);
const SEED = Number(process.env.DUBAN_FUZZ_SEED ?? 20_261_124);
/** No case comes near this alone (the slowest takes about a second on a busy machine); a hang does. */
const CASE_MS = 15_000;
const FAILED_CASES = join(import.meta.dirname, '..', '..', '..', 'test-results', 'fuzz');

/** Smaller than the defaults, so that a mutation that multiplies a part meets them, and the heap bound is tight. */
const FUZZ_LIMITS: ReadLimits = {
  ...DEFAULT_READ_LIMITS,
  maxCells: 200_000,
  maxStrings: 50_000,
  maxCharacters: 2_000_000,
  maxMerges: 10_000,
  maxSheets: 100,
  maxInflated: 16 * 1024 * 1024,
};

const EXCEL_CODES = ERROR_CODES.filter((code) => code.startsWith('excel.'));
/** The last row of a sheet in Excel, WPS and LibreOffice. */
const MAX_ROW = 1_048_576;

function keepFailedCase(bytes: Uint8Array): string {
  mkdirSync(FAILED_CASES, { recursive: true });
  const path = join(FAILED_CASES, `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.xlsx`);
  writeFileSync(path, bytes);
  return path;
}

/** Every text a read workbook hands on, to check that none holds a character XML does not allow. */
function textsOf(workbook: WorkbookData): string[] {
  return [
    ...workbook.sheets.flatMap((sheet) => [
      sheet.name,
      sheet.headerFooter,
      ...sheet.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.kind === 'text' ? [cell.text] : []))),
    ]),
    ...[...workbook.definedNames, ...workbook.customProperties].flat(),
  ];
}

/** What the importers may take for granted of a workbook read: text they can store, rows numbered as a spreadsheet numbers them, cells without holes. */
function expectSound(workbook: WorkbookData): void {
  for (const text of textsOf(workbook)) expect(hasForbiddenCharacter(text), JSON.stringify(text)).toBe(false);
  for (const sheet of workbook.sheets) {
    for (const row of sheet.rows) {
      expect(Number.isInteger(row.number) && row.number >= 1 && row.number <= MAX_ROW, `row ${row.number}`).toBe(true);
      expect(row.cells.length).toBeLessThanOrEqual(FUZZ_LIMITS.maxColumns);
      expect(Object.keys(row.cells)).toHaveLength(row.cells.length);
    }
  }
}

/** Reads the bytes every way a file comes in; each must answer with a workbook or a code, within the heap bound. */
async function readEveryWay(bytes: Buffer): Promise<Result<WorkbookData>> {
  try {
    const { result, heapMb } = await measured(() => readWorkbook(bytes, FUZZ_LIMITS));
    expect(heapMb).toBeLessThan(heldAtMostMb(FUZZ_LIMITS) + GARBAGE_MB);
    const outcomes: Result<unknown>[] = [result, await loadWorkbook({ fileName: 'fuzz.xlsx', bytes }), await inspectWorkbook(bytes)];
    for (const outcome of outcomes) if (!outcome.ok) expect(EXCEL_CODES).toContain(outcome.error.code);
    if (result.ok) expectSound(result.value);
    return result;
  } catch (error) {
    throw new Error(`${(error as Error).message} — the case is kept as ${keepFailedCase(bytes)}`, { cause: error });
  }
}

const runParameters = { numRuns: RUNS, seed: SEED, plugins: [fc.timeout(CASE_MS)] };

// ---- Mutations of real workbooks ----------------------------------------------------------------

/** What a mutation puts in a part: entities, references and escapes of forbidden characters, bytes that are not UTF-8, stray markup. */
const SNIPPETS: readonly (string | number[])[] = [
  '&#0;',
  '&#x1;',
  '&#xD800;',
  '&#xDFFF;',
  '&#xFFFE;',
  '&#x110000;',
  '&#99999999999;',
  '&amp;',
  '&bogus;',
  '&',
  '<',
  '>',
  ']]>',
  '"',
  "'",
  '\u0001',
  '\u001f',
  '\uFFFF',
  '\uFFFD',
  '_x0001_',
  '_x000D_',
  '_xD800_',
  '_x005F_x0001_',
  '😀',
  [0xff],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xe4, 0xb8],
  [0x80],
  [0xf4, 0x90, 0x80, 0x80],
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
  '&b;',
  '<!--',
  '-->',
  '<![CDATA[',
  '<?x',
  '?>',
  '<x>'.repeat(300),
  '</x>',
  '<c r="A1" t="s"><v>999999</v></c>',
  '<c r="XFD1048576"><v>1</v></c>',
  '<row r="1048577"><c><v>1</v></c></row>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<sheet name="重" sheetId="9" r:id="rId1"/>',
  '<si><t>x</t></si>',
  '<Relationship Id="rId1" Type="x/worksheet" Target="/xl/workbook.xml"/>',
];
/** Values an attribute is set to: references out of range, every cell type, targets inside, outside and around the package, ids in use. */
const VALUES = [
  '',
  '0',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  '99999999',
  'A1',
  'XFD1048576',
  'ZZZZZZ99999999',
  '$A$1:$B$2',
  's',
  'inlineStr',
  'str',
  'b',
  'e',
  'd',
  'n',
  'x',
  'hidden',
  'veryHidden',
  'rId1',
  'rId2',
  'rId3',
  'rId4',
  '../../etc/passwd',
  '/etc/passwd',
  '/xl/workbook.xml',
  'workbook.xml',
  'sharedStrings.xml',
  'styles.xml',
  'worksheets/sheet1.xml',
  'worksheets/sheet2.xml',
  '../xl/worksheets/sheet1.xml',
  'C:\\Windows\\win.ini',
  'file:///etc/passwd',
  'External',
  '&#1;',
  '&#xD800;',
  '甲\u0001',
];

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const part = fc.nat();
const xmlMutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), part, at: position }),
  fc.record({ op: fc.constant('delete' as const), part, at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('repeat' as const), part, at: position, length: fc.integer({ min: 1, max: 400 }), times: fc.integer({ min: 2, max: 3000 }) }),
  fc.record({ op: fc.constant('insert' as const), part, at: position, snippet: fc.nat(SNIPPETS.length - 1) }),
  // Inside a text or value, where a random place seldom falls.
  fc.record({ op: fc.constant('insertInText' as const), part, which: fc.nat(), snippet: fc.nat(SNIPPETS.length - 1) }),
  fc.record({ op: fc.constant('flip' as const), part, at: position, bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('element' as const), part, which: fc.nat(), times: fc.integer({ min: 2, max: 2000 }) }),
  fc.record({ op: fc.constant('swap' as const), part, a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('attribute' as const), part, which: fc.nat(), value: fc.nat(VALUES.length - 1) }),
  fc.record({
    op: fc.constant('relationship' as const),
    which: fc.nat(),
    attribute: fc.constantFrom('Target', 'Id', 'Type', 'TargetMode'),
    value: fc.nat(VALUES.length - 1),
  }),
);
const zipMutation = fc.oneof(
  fc.record({ op: fc.constant('zipFlip' as const), at: position, bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('zipCut' as const), at: position }),
  fc.record({ op: fc.constant('zipTwice' as const), part, copy: part }),
  fc.record({ op: fc.constant('zipSize' as const), part, delta: fc.integer({ min: -200, max: 200 }) }),
);
type XmlMutation = typeof xmlMutation extends fc.Arbitrary<infer T> ? T : never;
type ZipMutation = typeof zipMutation extends fc.Arbitrary<infer T> ? T : never;

const mutationCase = fc.record({
  base: fc.nat(),
  xml: fc.array(xmlMutation, { maxLength: 3 }),
  zip: fc.oneof({ arbitrary: fc.constant([] as ZipMutation[]), weight: 3 }, { arbitrary: fc.array(zipMutation, { minLength: 1, maxLength: 2 }), weight: 1 }),
});

const at = (fraction: number, length: number): number => Math.floor(fraction * length);
const bytesOf = (snippet: string | number[]): Buffer => (typeof snippet === 'string' ? Buffer.from(snippet, 'utf8') : Buffer.from(snippet));
const ELEMENT = /<([A-Za-z][\w.:-]*)\b[^<>]*\/>|<([A-Za-z][\w.:-]*)\b[^<>]*>[^<]*<\/\2>/g;
const ATTRIBUTE_VALUE = /([\w:]+)="([^"]*)"/g;
const TEXT_START = /<(?:\w+:)?[tv](?:\s[^<>]*)?>/g;

/** The `which`-th match of `pattern` in the part (modulo how many there are), if any. */
function nthMatch(text: string, pattern: RegExp, which: number): RegExpExecArray | undefined {
  const matches = [...text.matchAll(pattern)];
  return matches.length ? (matches[which % matches.length] as RegExpExecArray) : undefined;
}

const spliced = (text: string, match: RegExpExecArray, replacement: string): string =>
  text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length);
// Parts are changed as latin1 text, byte for byte, so that a change never splits what it does not mean to.
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

/** The part with the `which`-th attribute `pattern` finds (its name the first group) set to VALUES[`value`]. */
function withAttribute(content: Buffer, pattern: RegExp, which: number, value: number): Buffer {
  const text = content.toString('latin1');
  const match = nthMatch(text, pattern, which);
  return match ? latin1(spliced(text, match, `${match[1]}="${Buffer.from(VALUES[value]!, 'utf8').toString('latin1')}"`)) : content;
}

function mutateXml(content: Buffer, mutation: XmlMutation): Buffer {
  const text = content.toString('latin1');
  switch (mutation.op) {
    case 'truncate':
      return content.subarray(0, at(mutation.at, content.length));
    case 'delete': {
      const from = at(mutation.at, content.length);
      return Buffer.concat([content.subarray(0, from), content.subarray(from + mutation.length)]);
    }
    case 'repeat': {
      const from = at(mutation.at, content.length);
      const slice = content.subarray(from, from + mutation.length);
      return Buffer.concat([content.subarray(0, from), ...Array<Buffer>(mutation.times).fill(slice), content.subarray(from)]);
    }
    case 'insert': {
      const where = at(mutation.at, content.length);
      return Buffer.concat([content.subarray(0, where), bytesOf(SNIPPETS[mutation.snippet]!), content.subarray(where)]);
    }
    case 'insertInText': {
      const match = nthMatch(text, TEXT_START, mutation.which);
      if (!match) return content;
      const where = match.index + match[0].length;
      return Buffer.concat([content.subarray(0, where), bytesOf(SNIPPETS[mutation.snippet]!), content.subarray(where)]);
    }
    case 'flip': {
      const flipped = Buffer.from(content);
      if (flipped.length) flipped[at(mutation.at, flipped.length)]! ^= mutation.bits;
      return flipped;
    }
    case 'element': {
      const match = nthMatch(text, ELEMENT, mutation.which);
      return match ? latin1(spliced(text, match, match[0].repeat(mutation.times))) : content;
    }
    case 'swap': {
      const a = nthMatch(text, ATTRIBUTE_VALUE, mutation.a);
      const b = nthMatch(text, ATTRIBUTE_VALUE, mutation.b);
      if (!a || !b || a.index === b.index) return content;
      const [first, second] = a.index < b.index ? [a, b] : [b, a];
      return latin1(
        text.slice(0, first.index) +
          `${first[1]}="${second[2]}"` +
          text.slice(first.index + first[0].length, second.index) +
          `${second[1]}="${first[2]}"` +
          text.slice(second.index + second[0].length),
      );
    }
    case 'attribute':
      return withAttribute(content, ATTRIBUTE_VALUE, mutation.which, mutation.value);
    case 'relationship':
      return withAttribute(content, new RegExp(`(${mutation.attribute})="([^"]*)"`, 'g'), mutation.which, mutation.value);
  }
}

const RELATIONSHIPS = 'xl/_rels/workbook.xml.rels';

/** A name of the same length as `name`, for a decoy entry renamed to it once packed. */
const decoyName = (name: string): string => name.replace(/.(\.[a-z]+)$/, '~$1');

async function mutatedWorkbook(base: Parts, mutations: { xml: XmlMutation[]; zip: ZipMutation[] }): Promise<Buffer> {
  const parts = new Map(base);
  const names = [...parts.keys()].filter((name) => /\.(xml|rels)$/.test(name)).sort();
  const nameOf = (index: number): string => names[index % names.length]!;
  for (const mutation of mutations.xml) {
    const name = mutation.op === 'relationship' ? RELATIONSHIPS : nameOf(mutation.part);
    if (parts.has(name)) parts.set(name, mutateXml(parts.get(name)!, mutation));
  }
  for (const mutation of mutations.zip) if (mutation.op === 'zipTwice') parts.set(decoyName(nameOf(mutation.part)), parts.get(nameOf(mutation.copy))!);
  let bytes = await pack(parts);
  // Entries are renamed and resized while the directory is whole; bytes are flipped and cut after.
  const structural = (m: ZipMutation): boolean => m.op === 'zipTwice' || m.op === 'zipSize';
  for (const mutation of [...mutations.zip.filter(structural), ...mutations.zip.filter((m) => !structural(m))])
    bytes = mutateZip(bytes, mutation, nameOf, parts);
  return bytes;
}

function mutateZip(bytes: Buffer, mutation: ZipMutation, nameOf: (index: number) => string, parts: Parts): Buffer {
  switch (mutation.op) {
    case 'zipFlip': {
      const flipped = Buffer.from(bytes);
      flipped[at(mutation.at, flipped.length)]! ^= mutation.bits;
      return flipped;
    }
    case 'zipCut':
      return bytes.subarray(0, at(mutation.at, bytes.length));
    case 'zipTwice': {
      // Two of these on one part leave one decoy, renamed by the first.
      const decoy = decoyName(nameOf(mutation.part));
      return centralRecords(bytes).some((r) => r.name === decoy) ? renameEntry(bytes, decoy, nameOf(mutation.part)) : bytes;
    }
    case 'zipSize':
      return declareSize(bytes, nameOf(mutation.part), Math.max(0, parts.get(nameOf(mutation.part))!.length + mutation.delta));
  }
}

/** The workbooks mutated: the samples as LibreOffice wrote them, one exceljs wrote with most features, and a small hand-made one. */
async function baseWorkbooks(): Promise<Parts[]> {
  const exceljs = await workbookBytes((workbook) => {
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['序号', { richText: [{ text: '督察' }, { text: '问题', font: { bold: true } }] }, '时限', '合计']);
    sheet.addRow([1, '入河排污口排查', new Date(Date.UTC(2024, 5, 30)), { formula: 'A2*2', result: 2 }]);
    sheet.mergeCells('A4:B4');
    sheet.headerFooter.oddFooter = '&L识别码 DB1';
    workbook.addWorksheet('隐藏', { state: 'hidden' }).addRow(['秘密']);
    workbook.definedNames.add("'台账'!$A$1", 'mark');
  });
  const handMade = withParts(
    minimalParts(
      [
        {
          name: '表',
          body: `${sheetData(3, 3, (ref, r, c) => (c === 1 ? `<c r="${ref}" t="s"><v>${r - 1}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>第${r}行_x000A_${c}</t></is></c>`))}<mergeCells><mergeCell ref="A5:C5"/></mergeCells><headerFooter><oddFooter>&amp;L页脚</oddFooter></headerFooter>`,
        },
        { name: '二', body: sheetData(2, 2, (ref, r, c) => `<c r="${ref}"><v>${r * c}</v></c>`) },
      ],
      ['甲', '乙', '丙'],
    ),
    {
      'docProps/custom.xml':
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property name="来源" pid="2"><vt:lpwstr xmlns:vt="x">单位</vt:lpwstr></property></Properties>',
    },
  );
  return [
    await sampleParts('rectification-tasks.xlsx'),
    await sampleParts('petitions-120.xlsx'),
    await sampleParts('units.xlsx'),
    await partsOf(exceljs),
    handMade,
  ];
}

describe('the workbook reader under mutation', () => {
  let bases: Parts[] = [];
  beforeAll(async () => {
    bases = await baseWorkbooks();
  });

  it(`reads or refuses with a code every mutated workbook, in time and within its heap bound (${RUNS} cases, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(mutationCase, async (c) => {
        await readEveryWay(await mutatedWorkbook(bases[c.base % bases.length]!, c));
      }),
      runParameters,
    );
  }, 600_000);
});

// ---- Workbooks generated cell by cell -----------------------------------------------------------

/** Text as cells hold it: any printable text, the spaces and escapes the reader cleans, markup to escape. */
const cleanPiece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('_x0009_', '_x000A_', '_x000D_', '_x005F_x0001_', '\uFFFD', '😀', '\u00a0', '\u3000', ' ', '\t', '\r\n', '&', '<', ']]>'),
);
/** …and what makes it broken: any UTF-16 code units (controls, half pairs), Office's escapes of them. */
const brokenPiece = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  fc.constantFrom('_x0001_', '_x0000_', '_xD800_', '_xFFFF_', '\uD83D', '\u0007', '\uFFFE'),
);
/** Most cells clean, so that most workbooks are read back whole; one in thirty may be broken. */
const cellString = fc
  .oneof(
    { arbitrary: fc.array(cleanPiece, { maxLength: 5 }), weight: 29 },
    { arbitrary: fc.array(fc.oneof(cleanPiece, brokenPiece), { minLength: 1, maxLength: 5 }), weight: 1 },
  )
  .map((pieces) => pieces.join(''));
const cellInput = fc.oneof({ arbitrary: cellString, weight: 4 }, { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 });

/** A string as XML text: markup escaped, characters XML does not allow (and some others, by `references`) written as references. */
function xmlText(text: string, references: boolean): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (hasForbiddenCharacter(char) || (references && code > 0x7f) || char === '\r') out += `&#x${code.toString(16)};`;
    else out += char;
  }
  return out;
}

/** What the reader makes of a written string: its clean text, or null when it holds broken text. */
function expectedText(text: string): string | null {
  if (hasForbiddenCharacter(text)) return null;
  const decoded = text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return hasForbiddenCharacter(decoded) ? null : cleanText(decoded);
}

const columnName = (index: number): string => String.fromCharCode(65 + index);

describe('a workbook generated cell by cell', () => {
  it(`is read back as written, or refused by the first cell holding broken text (${RUNS} cases, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellInput, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        async (grid, shared, references) => {
          const strings: string[] = [];
          const cell = (value: string | number, ref: string): string => {
            if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
            if (!shared) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value, references)}</t></is></c>`;
            strings.push(xmlText(value, references));
            return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
          };
          const rows = grid.map((row, r) => `<row r="${r + 1}">${row.map((value, c) => cell(value, `${columnName(c)}${r + 1}`)).join('')}</row>`);
          const bytes = await pack(minimalParts([{ name: '表', body: `<sheetData>${rows.join('')}</sheetData>` }], shared ? strings : undefined));

          const broken = grid.flatMap((row, r) =>
            row.flatMap((value, c) => (typeof value === 'string' && expectedText(value) === null ? [`表!${columnName(c)}${r + 1}`] : [])),
          );
          const read = await readEveryWay(bytes);
          if (broken.length) {
            expect(read).toEqual({ ok: false, error: { code: 'excel.bad_text', params: { cell: broken[0] } } });
            return;
          }
          const expected = grid
            .map((row, r) => ({
              number: r + 1,
              cells: row.map((value) =>
                typeof value === 'number'
                  ? { kind: 'number', value: Number(String(value)) }
                  : expectedText(value)
                    ? { kind: 'text', text: expectedText(value) }
                    : { kind: 'empty' },
              ),
            }))
            .map((row) => ({ ...row, cells: row.cells.slice(0, row.cells.findLastIndex((c) => c.kind !== 'empty') + 1) }))
            .filter((row) => row.cells.length > 0);
          expect(read.ok && read.value.sheets[0]!.rows).toEqual(expected);
        },
      ),
      runParameters,
    );
  }, 600_000);
});
