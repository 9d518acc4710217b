import type { z } from 'zod';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import type { Reader } from '../../storage/database';
import type { SheetData, WorkbookData } from '../read/workbook';
import { findHeader, type Header, type HeaderColumn } from './header';
import { type ImportKindSpec, NO_CHANGES, type RowWrite } from './kind';
import { IMPORT_SPECS } from './kinds';
import { detectMapping, type Mapped, mapColumns } from './mapping';
import { existingMatches } from './matches';
import type { ExistingMatch, FieldChange, ImportCounts, ImportKind, importOptions, Keying, NewGroup, PreviewRow, UnitResolution, WordQuestion } from './model';
import { Placeholders } from './placeholders';
import { type MappedColumn, type ParsedRow, readRows } from './rows';
import { resolveUnitNames } from './unit-names';
import type { UnitKind } from '../../units/model';
import { choiceOfField } from './fields';
import { questionsOf } from './words';

/**
 * An import planned against the ledger without writing: the sheet and header found, the columns'
 * fields, every row's fate, and the writes that applying would make.
 */
export interface PlannedLine {
  readonly preview: Omit<PreviewRow, 'changes'>;
  readonly changes: () => readonly FieldChange[];
  readonly write?: RowWrite;
}

/** A line as the preview shows it, its changes worked out. */
export const previewRow = (line: PlannedLine): PreviewRow => ({ ...line.preview, changes: line.changes() });

export interface ImportPlan {
  readonly kind: ImportKind;
  readonly detectedKind: ImportKind;
  readonly sheet: SheetData;
  readonly otherSheets: readonly string[];
  readonly header: Header;
  readonly mapped: readonly Mapped[];
  readonly missingFields: readonly string[];
  readonly lines: readonly PlannedLine[];
  readonly units: readonly UnitResolution[];
  readonly newUnits: readonly { readonly name: string; readonly kind: UnitKind }[];
  readonly newGroups: readonly NewGroup[];
  readonly words: readonly WordQuestion[];
  readonly placeholders: Placeholders;
  readonly counts: ImportCounts;
  readonly matches: readonly ExistingMatch[];
  readonly kept: readonly HeaderColumn[];
  readonly keying: Keying;
  /** The records whose searched text the import rewrites (RowPlan.reindexes). */
  readonly reindexed: readonly number[];
}

type Options = z.output<typeof importOptions>;

const BY_COLUMN: Keying = { by: 'column' };

const specsFor = (kind: ImportKind | undefined): ImportKindSpec[] => Object.values(IMPORT_SPECS).filter((spec) => kind === undefined || spec.kind === kind);

/** How strongly a header speaks for a kind: its required fields count double. */
function kindScore(spec: ImportKindSpec, columns: Header['columns']): number {
  return [...detectMapping(columns, spec.fields).values()].reduce((sum, field) => sum + (field.required ? 2 : 1), 0);
}

/** How many fields a row names, if that makes it a header of the kind: two, or the required ones alone where the kind allows. */
const rowScore = (spec: ImportKindSpec) => (texts: readonly string[]) => {
  const fields = [
    ...detectMapping(
      texts.map((text, i) => ({ column: i + 1, letters: '', parent: text, leaf: text, label: text })).filter((c) => c.label !== ''),
      spec.fields,
    ).values(),
  ];
  const requiredAlone = spec.headerByRequired === true && fields.length > 0 && fields.every((field) => field.required);
  return fields.length >= 2 || requiredAlone ? fields.length : 0;
};

interface Located {
  readonly sheet: SheetData;
  readonly header: Header;
  readonly spec: ImportKindSpec;
  readonly score: number;
}

function bestHeader(sheet: SheetData, specs: readonly ImportKindSpec[]): Located | null {
  let best: Located | null = null;
  for (const spec of specs) {
    const header = findHeader(sheet, rowScore(spec));
    if (!header) continue;
    const score = kindScore(spec, header.columns);
    if (!best || score > best.score) best = { sheet, header, spec, score };
  }
  return best;
}

/** The sheet and header holding the records: visible sheets first, the best-named header wins. */
function locate(workbook: WorkbookData, options: Options): Result<Located & { detected: ImportKind }> {
  const sheets =
    options.sheet !== undefined
      ? workbook.sheets.filter((s) => s.name === options.sheet)
      : [...workbook.sheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  let best: Located | null = null;
  for (const sheet of sheets) {
    const found = bestHeader(sheet, specsFor(options.kind));
    if (found && (!best || found.score > best.score)) best = found;
  }
  // Asked for a unit list, the user needs the headers of one, not those of tasks and petitions.
  if (!best) return err(dubanError(options.kind === 'units' ? 'excel.no_unit_table' : 'excel.no_table', { sheet: options.sheet ?? '' }));
  const detected = bestHeader(best.sheet, specsFor(undefined))?.spec.kind ?? best.spec.kind;
  return ok({ ...best, detected });
}

/** The other visible sheets holding a table of the kind read (one sheet per batch): each is imported on its own. */
const otherSheetsAlike = (workbook: WorkbookData, read: Located): string[] =>
  workbook.sheets.filter((s) => s !== read.sheet && s.state === 'visible' && findHeader(s, rowScore(read.spec)) !== null).map((s) => s.name);

function unitNamesIn(rows: readonly ParsedRow[], spec: ImportKindSpec): Map<string, number> {
  const unitFields = spec.fields.filter((f) => f.read.as === 'unit' || f.read.as === 'units').map((f) => f.key);
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const field of unitFields) {
      const value = row.values.get(field);
      for (const name of typeof value === 'string' ? [value] : ((value as string[] | undefined) ?? [])) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return counts;
}

/** How many rows of each fate, and how many carry a warning. */
export function countsOf(previews: readonly Omit<PreviewRow, 'changes'>[]): ImportCounts {
  const counts = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0, warning: 0 };
  for (const row of previews) {
    counts[row.action]++;
    if (row.issues.some((i) => i.severity === 'warning')) counts.warning++;
  }
  return counts;
}

export function planImport(db: Reader, workbook: WorkbookData, options: Options): Result<ImportPlan> {
  const located = locate(workbook, options);
  if (!located.ok) return located;
  const { sheet, header, spec, detected } = located.value;
  const mapped = mapColumns(db, spec.kind, header.columns, spec.fields, options.mapping);
  const columns = mapped.filter((m): m is MappedColumn & Mapped => m.field !== null);
  const kept = spec.keepsExtraColumns ? mapped.filter((m) => m.field === null).map((m) => m.header) : [];
  const keying = spec.keying?.(sheet, header, new Set(columns.map((c) => c.field.key)), options) ?? BY_COLUMN;
  const keyedOtherwise = (key: string) => keying.by !== 'column' && keying.instead === key;
  const missingFields = spec.fields.filter((f) => f.required && !keyedOtherwise(f.key) && !columns.some((c) => c.field.key === f.key)).map((f) => f.key);
  const answers = options.words ?? {};
  const sheetLines = readRows(sheet, header.dataStart, columns, answers, kept);
  const records = sheetLines.flatMap((line) => (line.kind === 'record' ? [line.parsed] : []));
  const fieldSpec = (key: string) => spec.fields.find((f) => f.key === key)!;
  const placeholders = new Placeholders();
  const units = resolveUnitNames(db, unitNamesIn(records, spec), { decisions: options.units ?? {}, createAll: options.createUnits ?? false }, placeholders);
  const plans = spec.plan(records, { db, options, units, placeholders, keying });
  let next = 0;
  const lines = sheetLines.map((line): PlannedLine => {
    if (line.kind === 'skip')
      return { preview: { row: line.row, action: 'skip', key: '', label: line.text, skipReason: line.reason, issues: [] }, changes: NO_CHANGES };
    const plan = plans[next++]!;
    if (plan.write) placeholders.use(plan.uses ?? []);
    // Written out, not spread: a spread object keeps its fields apart from it, once for each of 50,000 rows.
    const preview = { row: line.parsed.row, action: plan.action, key: plan.key, label: plan.label, issues: plan.issues };
    return plan.write ? { preview, changes: plan.changes, write: plan.write } : { preview, changes: plan.changes };
  });
  const previews = lines.map((l) => l.preview);
  return ok({
    kind: spec.kind,
    detectedKind: detected,
    sheet,
    otherSheets: otherSheetsAlike(workbook, located.value),
    header,
    mapped,
    missingFields,
    lines,
    units: units.resolutions,
    newUnits: units.newUnits(placeholders),
    newGroups: units.newGroups(placeholders),
    words: questionsOf(
      records.flatMap((r) => r.asked),
      (field) => choiceOfField(fieldSpec(field)),
      answers,
    ),
    placeholders,
    counts: countsOf(previews),
    matches: existingMatches(plans),
    kept,
    keying,
    reindexed: plans.flatMap((plan) => (plan.reindexes === undefined ? [] : [plan.reindexes])),
  });
}
