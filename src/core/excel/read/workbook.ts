import { isIsoDate } from '../../../shared/dates';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import { fromExcelSerial } from '../values/dates';
import { type CellValue, cleanText } from './cells';
import { Budget, DEFAULT_READ_LIMITS, detached, type ReadLimits, Refusal } from './limits';
import { readDateStyles } from './styles';
import { hasForbiddenCharacter, parseXml, XmlError, type XmlHandlers } from './xml';
import { openPackage, type ZipPackage } from './zip';

/**
 * A workbook as the importers read it: every sheet's rows of cell values, its merged ranges and
 * its page header and footer, and the workbook's defined names and custom properties. The parts are
 * streamed from the package (never held whole as XML), each at most once; rows that hold nothing are
 * not kept. What is read is counted against one budget for the whole workbook (limits.ts).
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

const EMPTY: CellValue = { kind: 'empty' };
/** The page header and footer elements of a sheet, for odd, even and first pages. */
const HEADER_FOOTER = new Set(['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter']);
const DATE1904_OFFSET = 1462;
/** What a cell holding broken text (a character XML does not allow) reads as, until it is refused by name. */
const BROKEN = Symbol('broken text');

/** The last row of a sheet in Excel, WPS and LibreOffice. */
const MAX_ROW = 1_048_576;

/** "AB12" → column 28 (1-based); 0 when the reference has no letters. */
export function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
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

/** A row's number from its `r`, or the one after the last row's; one outside a sheet is no row a spreadsheet writes. */
function rowNumberOf(r: string | undefined, previous: number): number {
  const number = r ? Number(r) : previous + 1;
  if (!Number.isInteger(number) || number < 1 || number > MAX_ROW) throw new XmlError(`row ${r}`);
  return number;
}

/** A cell's column from its reference, or the one after the last cell's; a reference without letters is none. */
function columnNumberOf(r: string | undefined, previous: number): number {
  const column = r ? columnOf(r) : previous + 1;
  if (column < 1) throw new XmlError(`cell ${r}`);
  return column;
}

function rangeOf(ref: string): CellRange | null {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!match) return null;
  const [, c1, r1, c2, r2] = match;
  return { top: Number(r1), left: columnOf(c1!), bottom: Number(r2 ?? r1), right: columnOf(c2 ?? c1!) };
}

/** A relationship's target as a part name (relative to `base`, or from the package's root); null when it leads out of the package. */
function partName(target: string, base: string): string | null {
  const segments: string[] = [];
  for (const segment of (target.startsWith('/') ? target.slice(1) : `${base}${target}`).split('/')) {
    if (segment === '..') {
      if (segments.pop() === undefined) return null;
    } else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

interface Relationship {
  /** null for a target outside the package: no part a workbook reads. */
  readonly target: string | null;
  readonly type: string;
}

/** The relationships of a part, by id; an id given twice is a damaged package. */
async function readRelationships(pkg: ZipPackage, path: string, base: string, budget: Budget): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  if (!pkg.has(path)) return rels;
  await parseXml(await pkg.stream(path), {
    open(name, a) {
      const id = a.get('Id');
      const target = a.get('Target');
      if (name !== 'Relationship' || !id || !target) return;
      budget.spend('maxStrings');
      if (rels.has(id)) throw new XmlError(`relationship ${id} twice`);
      rels.set(id, { target: a.get('TargetMode') === 'External' ? null : partName(target, base), type: a.get('Type') ?? '' });
    },
  });
  return rels;
}

/** The part of a kind (styles, shared strings) the workbook's relationships name; `fallback` when they name none. */
function relatedPart(rels: Map<string, Relationship>, kind: string, fallback: string): string | null {
  const rel = [...rels.values()].find((r) => r.type.endsWith(`/${kind}`));
  return rel ? rel.target : fallback;
}

/**
 * Handlers that keep the text of each `element` (a defined name, a custom property) under its name
 * attribute; every other element that opens is passed to `open`.
 */
function textsByName(element: string, into: Map<string, string>, budget: Budget, open?: XmlHandlers['open']): XmlHandlers {
  let current: string | null = null;
  let text = '';
  return {
    open(name, a) {
      if (name !== element) return open?.(name, a);
      budget.spend('maxStrings');
      current = detached(a.get('name') ?? '');
      budget.spend('maxCharacters', current.length);
      text = '';
    },
    text(t) {
      if (current === null) return;
      budget.spend('maxCharacters', t.length);
      text += t;
    },
    close(name) {
      if (name === element && current !== null) {
        into.set(current, detached(text));
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

async function readWorkbookPart(pkg: ZipPackage, budget: Budget): Promise<{ sheets: SheetEntry[]; definedNames: Map<string, string>; date1904: boolean }> {
  const sheets: SheetEntry[] = [];
  const definedNames = new Map<string, string>();
  let date1904 = false;
  await parseXml(
    await pkg.stream('xl/workbook.xml'),
    textsByName('definedName', definedNames, budget, (name, a) => {
      if (name === 'sheet') {
        budget.spend('maxSheets');
        const given = a.get('state');
        const state = given === 'hidden' || given === 'veryHidden' ? given : 'visible';
        const sheetName = detached(a.get('name') ?? '');
        budget.spend('maxCharacters', sheetName.length);
        sheets.push({ name: sheetName, state, relId: a.get('r:id') ?? a.get('id') ?? '' });
      } else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(a.get('date1904') ?? '');
    }),
  );
  return { sheets, definedNames, date1904 };
}

/**
 * Office's escapes in strings: _x000D_ is a carriage return, _x005F_ an underscore. Excel escapes
 * so the control characters a formula such as CHAR(1) left in a cell: tab, line feed and carriage
 * return are text, any other is broken text (null), as it would be written raw.
 */
function officeText(text: string): string | null {
  if (!text.includes('_x')) return text;
  const decoded = text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return hasForbiddenCharacter(decoded) ? null : decoded;
}

/** A text to keep from a cell or a shared string, as cells.ts cleans it; null when it is broken. */
function keptText(raw: string): string | null {
  const text = officeText(raw);
  return text === null ? null : detached(cleanText(text));
}

/**
 * The shared strings, rich text joined; phonetic guides (rPh) left out. A string holding broken
 * text is null: refused, by the name of the first cell that shows it, when a sheet is read.
 */
async function readSharedStrings(pkg: ZipPackage, path: string | null, budget: Budget): Promise<(string | null)[]> {
  const strings: (string | null)[] = [];
  if (!path || !pkg.has(path)) return strings;
  let current: string | null = null;
  let broken = false;
  let inText = false;
  let inPhonetic = false;
  await parseXml(await pkg.stream(path), {
    open(name) {
      if (name === 'si') {
        budget.spend('maxStrings');
        current = '';
        broken = false;
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text(t) {
      if (!inText || current === null) return;
      budget.spend('maxCharacters', t.length);
      current += t;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(broken ? null : keptText(current ?? ''));
        current = null;
      }
    },
    badText() {
      if (current === null) throw new XmlError('broken text outside a string');
      broken = true;
    },
  });
  return strings;
}

async function readCustomProperties(pkg: ZipPackage, budget: Budget): Promise<Map<string, string>> {
  const properties = new Map<string, string>();
  if (pkg.has('docProps/custom.xml')) await parseXml(await pkg.stream('docProps/custom.xml'), textsByName('property', properties, budget));
  return properties;
}

interface CellContext {
  readonly strings: readonly (string | null)[];
  /** The value each shared string shows, made when a cell first shows it: the cells showing one string share it. */
  readonly sharedValues: (CellValue | typeof BROKEN | undefined)[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** The value of a text kept (null: broken). */
const textCell = (text: string | null): CellValue | typeof BROKEN => (text === null ? BROKEN : text === '' ? EMPTY : { kind: 'text', text });

const textValue = (raw: string): CellValue | typeof BROKEN => textCell(keptText(raw));

function numberValue(raw: string, style: number, ctx: CellContext): CellValue {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) return EMPTY;
  if (ctx.dateStyles[style]) {
    const date = fromExcelSerial(ctx.date1904 ? value + DATE1904_OFFSET : value);
    if (date) return { kind: 'date', date };
  }
  return { kind: 'number', value };
}

/** The shared string a cell shows; a cell pointing at none is a damaged workbook. */
function sharedString(raw: string, ctx: CellContext): CellValue | typeof BROKEN {
  const index = raw.trim() === '' ? -1 : Number(raw);
  if (!Number.isInteger(index) || index < 0 || index >= ctx.strings.length) throw new XmlError(`no shared string ${raw}`);
  ctx.sharedValues[index] ??= textCell(ctx.strings[index]!);
  return ctx.sharedValues[index];
}

/** A cell from its type attribute, its value text (a formula's cached result) and inline text. */
function cellValue(type: string, raw: string | null, inline: string, style: number, ctx: CellContext): CellValue | typeof BROKEN {
  switch (type) {
    case 'inlineStr':
      return textValue(inline);
    case 's':
      return raw === null ? EMPTY : sharedString(raw, ctx);
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

async function readSheet(pkg: ZipPackage, path: string, entry: SheetEntry, ctx: CellContext, budget: Budget): Promise<SheetData> {
  const { maxRows, maxColumns } = budget.limits;
  const rows: SheetRow[] = [];
  const merges: CellRange[] = [];
  let headerFooter = '';
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let column = 0;
  // The cell being read: one object for all, its fields set again by each `c`.
  const cell = { open: false, type: 'n', style: 0, raw: null as string | null, inline: '' };
  let capture: 'v' | 'inline' | 'headerFooter' | null = null;
  let inPhonetic = false;

  const tooLarge = (): Refusal => new Refusal(dubanError('excel.sheet_too_large', { sheet: entry.name, rows: maxRows, columns: maxColumns }));
  // Named as a spreadsheet names it: the cell being read, or the sheet when the text is outside any cell (its page header).
  const badText = (): never => {
    throw new Refusal(dubanError('excel.bad_text', { cell: cell.open ? `${entry.name}!${columnLetters(column)}${rowNumber}` : entry.name }));
  };

  const endRow = (): void => {
    if (!cells.some((c) => c.kind !== 'empty')) return;
    if (rows.length >= maxRows) throw tooLarge();
    let last = cells.length;
    while (last > 0 && cells[last - 1]!.kind === 'empty') last--;
    budget.spend('maxCells', last + 1);
    // A copy of its own length: the array filled cell by cell keeps room to grow (17 slots for one cell).
    rows.push({ number: rowNumber, cells: cells.slice(0, last) });
  };

  await parseXml(await pkg.stream(path), {
    open(name, a) {
      switch (name) {
        case 'row':
          rowNumber = rowNumberOf(a.get('r'), rowNumber);
          cells = [];
          column = 0;
          break;
        case 'c':
          column = columnNumberOf(a.get('r'), column);
          cell.open = true;
          cell.type = a.get('t') ?? 'n';
          cell.style = Number(a.get('s') ?? 0);
          cell.raw = null;
          cell.inline = '';
          break;
        case 'v':
          if (cell.open) {
            cell.raw = '';
            capture = 'v';
          }
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (cell.open && !inPhonetic) capture = 'inline';
          break;
        case 'mergeCell': {
          const range = rangeOf(a.get('ref') ?? '');
          if (range) {
            budget.spend('maxMerges');
            merges.push(range);
          }
          break;
        }
        default:
          if (HEADER_FOOTER.has(name)) capture = 'headerFooter';
      }
    },
    text(t) {
      if (capture === null) return;
      budget.spend('maxCharacters', t.length);
      if (capture === 'v') cell.raw += t;
      else if (capture === 'inline') cell.inline += t;
      else headerFooter += t;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'c':
          if (cell.open) {
            const value = cellValue(cell.type, cell.raw, cell.inline, cell.style, ctx);
            if (value === BROKEN) badText();
            else if (value.kind !== 'empty') {
              if (column > maxColumns) throw tooLarge();
              while (cells.length < column - 1) cells.push(EMPTY);
              cells[column - 1] = value;
            }
            cell.open = false;
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
    badText,
  });
  return { name: entry.name, state: entry.state, rows, merges, headerFooter: detached(headerFooter.trim()) };
}

async function readParts(pkg: ZipPackage, budget: Budget): Promise<WorkbookData> {
  const rels = await readRelationships(pkg, 'xl/_rels/workbook.xml.rels', 'xl/', budget);
  const { sheets: entries, definedNames, date1904 } = await readWorkbookPart(pkg, budget);
  const strings = await readSharedStrings(pkg, relatedPart(rels, 'sharedStrings', 'xl/sharedStrings.xml'), budget);
  const ctx: CellContext = {
    strings,
    sharedValues: new Array<CellValue | typeof BROKEN | undefined>(strings.length),
    dateStyles: await readDateStyles(pkg, relatedPart(rels, 'styles', 'xl/styles.xml'), budget),
    date1904,
  };
  const sheets: SheetData[] = [];
  for (const entry of entries) {
    const path = rels.get(entry.relId)?.target;
    if (!path) throw new XmlError(`sheet ${entry.relId} has no part`);
    sheets.push(await readSheet(pkg, path, entry, ctx, budget));
  }
  // A broken string no cell shows was never refused by a cell's name; it is still no text a spreadsheet writes.
  if (ctx.strings.includes(null)) throw new XmlError('broken shared string');
  return { sheets, definedNames, customProperties: await readCustomProperties(pkg, budget) };
}

/**
 * Reads a workbook already let in by `inspectWorkbook`. A workbook past the limits is refused
 * (`excel.sheet_too_large`, `excel.workbook_too_large`, `excel.too_large`) as soon as reading
 * reaches past them; one that leads the reader to a part twice (`excel.repeated_part`), or holds
 * broken text (`excel.bad_text`, naming the cell), as soon as it is met.
 */
export async function readWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Result<WorkbookData>> {
  const budget = new Budget(limits);
  const opened = await openPackage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), budget);
  if (!opened.ok) return opened;
  const pkg = opened.value;
  try {
    return ok(await readParts(pkg, budget));
  } catch (error) {
    return err(error instanceof Refusal ? error.error : dubanError('excel.damaged'));
  } finally {
    pkg.close();
  }
}
