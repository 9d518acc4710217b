import { isIsoDate } from '../../../shared/dates';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import { fromExcelSerial } from '../values/dates';
import { type CellValue, cleanText } from './cells';
import { readDateStyles } from './styles';
import { parseXml, type XmlHandlers } from './xml';
import { openPackage, type ZipPackage } from './zip';

/**
 * A workbook as the importers read it: every sheet's rows of cell values, its merged ranges and
 * its page header and footer, and the workbook's defined names and custom properties. The parts are
 * streamed from the package (never held whole as XML); rows that hold nothing are not kept.
 */
export interface SheetRow {
  /** The row's number as the spreadsheet shows it (1-based). */
  readonly number: number;
  /** By column, 0-based; cells past the last value are absent. */
  readonly cells: readonly CellValue[];
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetData {
  readonly name: string;
  readonly state: SheetState;
  readonly rows: readonly SheetRow[];
  /** Rows and columns 1-based, as the spreadsheet numbers them. */
  readonly merges: readonly CellRange[];
  /** The page header and footer texts, with their &-codes. */
  readonly headerFooter: string;
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
  readonly definedNames: ReadonlyMap<string, string>;
  readonly customProperties: ReadonlyMap<string, string>;
}

export interface ReadLimits {
  /** Rows holding values, per sheet. */
  readonly maxRows: number;
  /** The right-most column holding a value. */
  readonly maxColumns: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxRows: 200_000, maxColumns: 500 };

const EMPTY: CellValue = { kind: 'empty' };
/** The page header and footer elements of a sheet, for odd, even and first pages. */
const HEADER_FOOTER = new Set(['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter']);
const DATE1904_OFFSET = 1462;

class SheetTooLarge extends Error {
  constructor(readonly sheet: string) {
    super('sheet too large');
  }
}

/** "AB12" → column 28 (1-based); 0 when the reference has no letters. */
export function columnOf(ref: string): number {
  let column = 0;
  for (const char of ref) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function rangeOf(ref: string): CellRange | null {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!match) return null;
  const [, c1, r1, c2, r2] = match;
  return { top: Number(r1), left: columnOf(c1!), bottom: Number(r2 ?? r1), right: columnOf(c2 ?? c1!) };
}

/** Targets in a relationships part, by id (paths made absolute within the package). */
async function readRelationships(pkg: ZipPackage, path: string, base: string): Promise<Map<string, { target: string; type: string }>> {
  const rels = new Map<string, { target: string; type: string }>();
  if (!pkg.has(path)) return rels;
  await parseXml(await pkg.stream(path), {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : `${base}${a.Target}`;
      rels.set(a.Id, { target: target.replace(/[^/]+\/\.\.\//g, ''), type: a.Type ?? '' });
    },
  });
  return rels;
}

/**
 * Handlers that keep the text of each `element` (a defined name, a custom property) under its name
 * attribute; every other element that opens is passed to `open`.
 */
function textsByName(element: string, into: Map<string, string>, open?: XmlHandlers['open']): XmlHandlers {
  let current: string | null = null;
  let text = '';
  return {
    open(name, a) {
      if (name !== element) return open?.(name, a);
      current = a.name ?? '';
      text = '';
    },
    text(t) {
      if (current !== null) text += t;
    },
    close(name) {
      if (name === element && current !== null) {
        into.set(current, text);
        current = null;
      }
    },
  };
}

interface SheetEntry {
  readonly name: string;
  readonly state: SheetState;
  readonly relId: string;
}

async function readWorkbookPart(pkg: ZipPackage): Promise<{ sheets: SheetEntry[]; definedNames: Map<string, string>; date1904: boolean }> {
  const sheets: SheetEntry[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  await parseXml(
    await pkg.stream('xl/workbook.xml'),
    textsByName('definedName', definedNames, (name, a) => {
      if (name === 'sheet') {
        const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
        sheets.push({ name: a.name ?? '', state, relId: a['r:id'] ?? a.id ?? '' });
      } else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    }),
  );
  return { sheets, definedNames, date1904 };
}

/** The shared strings, rich text joined; phonetic guides (rPh) left out. */
async function readSharedStrings(pkg: ZipPackage, path: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!path || !pkg.has(path)) return strings;
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await parseXml(await pkg.stream(path), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text(t) {
      if (inText && current !== null) current += t;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(cleanText(decodeXString(current ?? '')));
        current = null;
      }
    },
  });
  return strings;
}

async function readCustomProperties(pkg: ZipPackage): Promise<Map<string, string>> {
  const properties = new Map<string, string>();
  if (pkg.has('docProps/custom.xml')) await parseXml(await pkg.stream('docProps/custom.xml'), textsByName('property', properties));
  return properties;
}

interface CellContext {
  readonly strings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** Office's escapes in strings: _x000D_ is a carriage return, _x005F_ an underscore. */
export const decodeXString = (text: string): string => (text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

function textValue(text: string): CellValue {
  const cleaned = cleanText(decodeXString(text));
  return cleaned === '' ? EMPTY : { kind: 'text', text: cleaned };
}

function numberValue(raw: string, style: number, ctx: CellContext): CellValue {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) return EMPTY;
  if (ctx.dateStyles[style]) {
    const date = fromExcelSerial(ctx.date1904 ? value + DATE1904_OFFSET : value);
    if (date) return { kind: 'date', date };
  }
  return { kind: 'number', value };
}

/** A cell from its type attribute, its value text (a formula's cached result) and inline text. */
function cellValue(type: string, raw: string | null, inline: string, style: number, ctx: CellContext): CellValue {
  switch (type) {
    case 'inlineStr':
      return textValue(inline);
    case 's': {
      const text = raw === null ? undefined : ctx.strings[Number(raw)];
      return text ? { kind: 'text', text } : EMPTY;
    }
    case 'str':
      return textValue(raw ?? '');
    case 'b':
      return raw === null ? EMPTY : textValue(raw.trim() === '1' || raw.trim() === 'true' ? 'TRUE' : 'FALSE');
    case 'e':
      return EMPTY;
    case 'd': {
      const date = (raw ?? '').trim().slice(0, 10);
      return isIsoDate(date) ? { kind: 'date', date } : textValue(raw ?? '');
    }
    default:
      return raw === null ? EMPTY : numberValue(raw, style, ctx);
  }
}

async function readSheet(pkg: ZipPackage, path: string, entry: SheetEntry, ctx: CellContext, limits: ReadLimits): Promise<SheetData> {
  const rows: SheetRow[] = [];
  const merges: CellRange[] = [];
  let headerFooter = '';
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let column = 0;
  let cell: { type: string; style: number; raw: string | null; inline: string } | null = null;
  let capture: 'v' | 'inline' | 'headerFooter' | null = null;
  let inPhonetic = false;

  const endRow = (): void => {
    if (cells.some((c) => c.kind !== 'empty')) {
      if (rows.length >= limits.maxRows) throw new SheetTooLarge(entry.name);
      let last = cells.length;
      while (last > 0 && cells[last - 1]!.kind === 'empty') last--;
      rows.push({ number: rowNumber, cells: cells.length === last ? cells : cells.slice(0, last) });
    }
  };

  await parseXml(await pkg.stream(path), {
    open(name, a) {
      switch (name) {
        case 'row':
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          cells = [];
          column = 0;
          break;
        case 'c':
          column = a.r ? columnOf(a.r) : column + 1;
          cell = { type: a.t ?? 'n', style: Number(a.s ?? 0), raw: null, inline: '' };
          break;
        case 'v':
          if (cell) {
            cell.raw = '';
            capture = 'v';
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (cell && !inPhonetic) capture = 'inline';
          break;
        case 'mergeCell': {
          const range = rangeOf(a.ref ?? '');
          if (range) merges.push(range);
          break;
        }
        default:
          if (HEADER_FOOTER.has(name)) capture = 'headerFooter';
      }
    },
    text(t) {
      if (capture === 'v') cell!.raw += t;
      else if (capture === 'inline') cell!.inline += t;
      else if (capture === 'headerFooter') headerFooter += t;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'c':
          if (cell) {
            const value = cellValue(cell.type, cell.raw, cell.inline, cell.style, ctx);
            if (value.kind !== 'empty') {
              if (column > limits.maxColumns) throw new SheetTooLarge(entry.name);
              while (cells.length < column - 1) cells.push(EMPTY);
              cells[column - 1] = value;
            }
            cell = null;
          }
          break;
        case 'row':
          endRow();
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        default:
          if (HEADER_FOOTER.has(name)) {
            headerFooter += '\n';
            capture = null;
          }
      }
    },
  });
  return { name: entry.name, state: entry.state, rows, merges, headerFooter: headerFooter.trim() };
}

const relatedPart = (rels: Map<string, { target: string; type: string }>, kind: string): string | undefined =>
  [...rels.values()].find((rel) => rel.type.endsWith(`/${kind}`))?.target;

async function readParts(pkg: ZipPackage, limits: ReadLimits): Promise<WorkbookData> {
  const rels = await readRelationships(pkg, 'xl/_rels/workbook.xml.rels', 'xl/');
  const { sheets: entries, definedNames, date1904 } = await readWorkbookPart(pkg);
  const ctx: CellContext = {
    strings: await readSharedStrings(pkg, relatedPart(rels, 'sharedStrings') ?? 'xl/sharedStrings.xml'),
    dateStyles: await readDateStyles(pkg, relatedPart(rels, 'styles') ?? 'xl/styles.xml'),
    date1904,
  };
  const sheets: SheetData[] = [];
  for (const entry of entries) {
    const path = rels.get(entry.relId)?.target;
    if (path && pkg.has(path)) sheets.push(await readSheet(pkg, path, entry, ctx, limits));
  }
  return { sheets, definedNames, customProperties: await readCustomProperties(pkg) };
}

/**
 * Reads a workbook already let in by `inspectWorkbook`. A sheet with more rows or columns than the
 * limits is refused (`excel.sheet_too_large`) as soon as reading reaches past them.
 */
export async function readWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Result<WorkbookData>> {
  const opened = await openPackage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!opened.ok) return opened;
  const pkg = opened.value;
  try {
    return ok(await readParts(pkg, limits));
  } catch (error) {
    if (error instanceof SheetTooLarge) {
      return err(dubanError('excel.sheet_too_large', { sheet: error.sheet, rows: limits.maxRows, columns: limits.maxColumns }));
    }
    return err(dubanError('excel.damaged'));
  } finally {
    pkg.close();
  }
}
