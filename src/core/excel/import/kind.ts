import type { z } from 'zod';
import type { Result } from '../../../shared/result';
import { fieldErrors } from '../../../shared/validation';
import type { LedgerContext } from '../../context';
import type { Reader } from '../../storage/database';
import type { SearchIndex } from '../../storage/search-index';
import type { FieldSpec } from './fields';
import type { SheetData } from '../read/workbook';
import type { Header } from './header';
import type { ExistingMatch, FieldChange, ImportKind, importOptions, Issue, Keying, RowAction, Shown } from './model';
import type { Placeholders } from './placeholders';
import type { ParsedRow } from './rows';
import { changesOf, shownText } from './shown';
import type { UnitNames } from './unit-names';

/**
 * One kind of record an import can bring in: its fields, and how its rows are planned against the
 * ledger (read only) into creations, updates and errors, each with the write that applies it.
 */
export interface PlanContext {
  readonly db: Reader;
  readonly options: z.output<typeof importOptions>;
  readonly units: UnitNames;
  readonly placeholders: Placeholders;
  readonly keying: Keying;
}

/** Writes one planned row in the import's transaction; `real` turns placeholders into ids. */
export type RowWrite = (ctx: LedgerContext, real: (id: number) => Result<number>) => Result<unknown>;

export interface RowPlan {
  readonly action: Exclude<RowAction, 'skip'>;
  readonly key: string;
  readonly label: string;
  /** Worked out when asked: a preview of 50,000 new records shows one page of them. */
  readonly changes: () => readonly FieldChange[];
  readonly issues: readonly Issue[];
  readonly write?: RowWrite;
  /** Placeholder ids the write refers to (units and measures it creates). */
  readonly uses?: readonly number[];
  /** The record in the ledger the row turned out to be, or to look like. */
  readonly matched?: Omit<ExistingMatch, 'rows'>;
  /** An update changing its record's searched text: that record's id, for the kind's search index. */
  readonly reindexes?: number;
}

export interface ImportKindSpec {
  readonly kind: ImportKind;
  readonly fields: readonly FieldSpec[];
  /** Columns with no field are kept as text on each record, under their headers. */
  readonly keepsExtraColumns?: boolean;
  /**
   * The table the kind's new records go into, when an import may bring tens of thousands: its indexes
   * are built after the rows when they at least double it (storage/bulk-load.ts). Only for a kind whose
   * writes find that table's rows by their keys alone.
   */
  readonly bulkTable?: string;
  /** The search index of the kind's table: the records whose text an import rewrites leave it together (applyPlan). */
  readonly searchIndex?: SearchIndex;
  /** How the sheet's records are told apart, given the fields its columns feed (default: by key column). */
  keying?(sheet: SheetData, header: Header, fields: ReadonlySet<string>, options: z.output<typeof importOptions>): Keying;
  /** A row naming the kind's required field alone is its header (a tally table: 县市 | 交办件数 | 办结数). */
  readonly headerByRequired?: boolean;
  plan(rows: readonly ParsedRow[], ctx: PlanContext): RowPlan[];
}

/**
 * The record's rules (the forms' zod schema): the valid value to write, or the issues of the row,
 * fields named as the import names them. A field that already has an error (a date that could not
 * be read, a unit not found) gets no second one.
 */
export function checkRules<S extends z.ZodType>(
  schema: S,
  input: unknown,
  known: readonly Issue[],
  fieldOf: (path: string) => string = (p) => p,
): { issues: Issue[]; value: z.output<S> | null } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { issues: [], value: parsed.data };
  const issues = fieldErrors(parsed.error)
    .map((f): Issue => ({ severity: 'error', code: f.code, field: fieldOf(f.field.split('.')[0]!), ...(f.params ? { params: f.params } : {}) }))
    .filter((issue) => !known.some((k) => k.severity === 'error' && k.field === issue.field));
  return { issues, value: null };
}

export const hasError = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

/**
 * The changes of a row that changes nothing. One function for all of them: a closure made in a
 * planning function would keep that function's variables (the whole plan's rows) while the preview
 * is held.
 */
export const NO_CHANGES = (): readonly FieldChange[] => [];

/** A row whose record cannot be written: it keeps its issues and changes nothing. */
export const errorRow = (key: string, label: string, issues: readonly Issue[]): RowPlan => ({ action: 'error', key, label, changes: NO_CHANGES, issues });

type ShownRecord = Readonly<Record<string, Shown>>;

/**
 * The row as planned: an error if any issue is one, unchanged when an existing record would stay as
 * it is, else a creation (every value shown, its key first) or an update (the fields that change).
 */
export function plannedRow(plan: {
  key: string;
  label: string;
  issues: readonly Issue[];
  /** The field that identifies a new record, shown first (as `key`, unless `keyShown` says). */
  keyField: string;
  keyShown?: Shown;
  after: () => ShownRecord;
  /** The record as the ledger has it; absent for a new one. */
  before?: () => ShownRecord;
  write: RowWrite | null;
  uses?: readonly number[];
  /** The record's id, when the row changes its searched text. */
  reindexes?: number;
}): RowPlan {
  const { key, label, issues, keyField, keyShown, after, before, write, uses = [], reindexes } = plan;
  if (hasError(issues) || !write) return errorRow(key, label, issues);
  if (!before) return { action: 'create', key, label, changes: createdChanges(keyField, keyShown ?? key, after), issues, write, uses };
  const changes = changesOf(after(), before());
  return changes.length === 0
    ? { action: 'unchanged', key, label, changes: NO_CHANGES, issues }
    : { action: 'update', key, label, changes: workedOut(changes), issues, write, uses, ...(reindexes === undefined ? {} : { reindexes }) };
}

/*
 * A row's closures are made apart from `plannedRow`, so that each keeps only what it shows (a closure
 * keeps every variable its maker's other closures use), and unnamed (tsx, which the bench and the
 * tests run the source through, names each function assigned to a property, as a property of its own).
 */

/** A new record's changes, worked out when shown: every value, its key first. */
const createdChanges = (keyField: string, key: Shown | string, after: () => ShownRecord) => () =>
  changesOf({ [keyField]: typeof key === 'string' ? shownText(key) : key, ...after() });

const workedOut = (changes: readonly FieldChange[]) => () => changes;

/** Issues for the unit names a row gives that are not resolved yet: a unit, or a group for a collective name. */
export function unitIssues(field: string, names: readonly string[], units: UnitNames): Issue[] {
  return names.flatMap((name): Issue[] => {
    const group = units.isGroup(name);
    if ((group ? units.groupOf(name) : units.idOf(name)) !== null) return [];
    return [{ severity: 'error', code: group ? 'unknown_group' : 'unknown_unit', field, params: { name } }];
  });
}

/** Keys seen earlier in the file: the second row with a key is an error naming the first. */
export class SeenKeys {
  private readonly rows = new Map<string, number>();

  check(key: string, row: number, field: string): Issue | null {
    const first = this.rows.get(key);
    if (first !== undefined) return { severity: 'error', code: 'duplicate_in_file', field, params: { row: first } };
    this.rows.set(key, row);
    return null;
  }
}

/** A short label of a record for the preview: the first words of its text. */
export const shortLabel = (text: string | undefined, length = 40): string => {
  const chars = [...(text ?? '')];
  // A short text is its own label, not a copy of it: the plan of a large import keeps one for each row.
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : (text ?? '');
};
