import { z } from 'zod';
import type { FieldErrorCode } from '../../../shared/errors';
import { id, period } from '../../../shared/validation';
import type { PlainValue } from '../../shown/model';
import { UNIT_KINDS, type UnitKind } from '../../units/model';
import { type GroupMembers, groupMembersInput } from '../../unit-groups/model';

/**
 * What an import of a workbook shows before anything is written (its preview) and what the user
 * may decide on it: the kind of records, the sheet, the columns' fields, and what an unknown unit
 * name stands for. Shared with the import wizard and the command line.
 */
export const IMPORT_KINDS = ['tasks', 'petitions', 'units', 'progress'] as const;

/** A file of at most this size is read; a workbook of 50,000 rows is some 5 MB. */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

/**
 * Where a workbook comes from: its bytes (a file the browser read, a file dropped in the window)
 * or, in the desktop app and the command line, a path on this machine.
 */
export const workbookSource = z.union([
  z.object({
    fileName: z.string().max(1000),
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length <= MAX_WORKBOOK_BYTES, { error: 'file_too_large' }),
  }),
  z.object({ path: z.string().min(1).max(4096) }),
]);
export type WorkbookSource = z.infer<typeof workbookSource>;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Why a row was passed over without being read as a record. */
export const SKIP_REASONS = ['blank', 'total', 'note', 'repeated_header', 'column_numbers', 'added_row', 'not_filled', 'section'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** Codes of the import's own findings about a row (besides the field codes of the forms' rules). */
export const ISSUE_CODES = [
  'required',
  'invalid_date',
  'invalid_deadline',
  'invalid_number',
  'invalid_period',
  'unknown_word',
  'unknown_unit',
  'unknown_group',
  'duplicate_in_file',
  'deadline_immediate_and_ongoing',
  'closed_needs_close_out',
  'status_kept_closed',
  'unit_kind_guessed',
  'unknown_task',
  'ambiguous_task',
  'unit_needed',
  'fixed_changed',
  'looks_like_existing',
  'kept_as_text',
  'batch_needed',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue {
  readonly severity: 'error' | 'warning';
  readonly code: IssueCode | FieldErrorCode;
  /** The field the issue is about (a key of the kind's fields), when it is about one. */
  readonly field?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Names of the enumerations a shown value can come from (translated as common:enums.<name>). */
export type EnumName = 'taskStatus' | 'progressState' | 'unitKind' | 'pollutionKind' | 'truth' | 'completion';

/** A value as the preview shows it, without language: the screens and the command line word it. */
export type Shown =
  | PlainValue
  | { readonly t: 'enum'; readonly e: EnumName; readonly v: string }
  | { readonly t: 'enums'; readonly e: EnumName; readonly v: readonly string[] }
  | { readonly t: 'list'; readonly v: readonly string[] };

export interface FieldChange {
  readonly field: string;
  readonly before: Shown;
  readonly after: Shown;
}

export const ROW_ACTIONS = ['create', 'update', 'unchanged', 'skip', 'error'] as const;
export type RowAction = (typeof ROW_ACTIONS)[number];

/** One row of the sheet in the preview. */
export interface PreviewRow {
  /** The row's number in the sheet. */
  readonly row: number;
  readonly action: RowAction;
  /** What identifies the record: receipt number, task number, unit name. */
  readonly key: string;
  /** A few words of the record (the problem, the subject) to recognise it by. */
  readonly label: string;
  readonly skipReason?: SkipReason;
  /** For a creation, every value read; for an update, the fields that change. */
  readonly changes: readonly FieldChange[];
  readonly issues: readonly Issue[];
}

export interface FieldInfo {
  readonly key: string;
  readonly required: boolean;
}

export interface ColumnMapping {
  /** 1-based column number and its letters, as the spreadsheet shows them. */
  readonly column: number;
  readonly letters: string;
  /** The header text, the two levels joined by "/". */
  readonly label: string;
  readonly field: string | null;
  /** Where the field came from: the header's words, a mapping remembered for this shape, the user. */
  readonly source: 'detected' | 'remembered' | 'chosen' | 'none';
  /** A few values of the column, to recognise it by. */
  readonly samples: readonly string[];
}

export type UnitMatch = { readonly unitId: number; readonly name: string };

export interface NewGroup {
  readonly name: string;
  readonly members: GroupMembers;
}

/** A unit name found in the file, and what it resolves to. */
export interface UnitResolution {
  readonly name: string;
  readonly rows: number;
  /** Found by its full or short name. */
  readonly match: UnitMatch | null;
  /** Close names, best first, when there is no match. */
  readonly suggestions: readonly (UnitMatch & { readonly score: number })[];
  readonly decision: UnitDecision | null;
  /** A name for several units (各盟市人民政府（行政公署）, 州直部门): it stands for a unit group, never a unit. */
  readonly collective: boolean;
  /** The ledger's group of that name. */
  readonly group: { readonly groupId: number; readonly name: string } | null;
  /** The members a new group of that name would likely have (各盟市…: every 盟市). */
  readonly suggestedMembers: GroupMembers | null;
}

/** What an answer to a word may be: a value of the enumeration, or for a deadline its kind or a date. */
export type WordChoice = { readonly as: 'enum'; readonly enumName: EnumName; readonly values: readonly string[] } | { readonly as: 'deadline' };

/**
 * Text in a cell that is not one of the words the import reads for its field (基本完成 for a status,
 * 尽快 for a deadline): it is never read as some value it might mean, but waits for the user to say
 * which. One question for each field and text, however many cells hold it.
 */
export interface WordQuestion {
  readonly field: string;
  /** The text as first written. */
  readonly text: string;
  /** The first few cells that hold it, as the spreadsheet names them (E7). */
  readonly cells: readonly string[];
  readonly count: number;
  readonly choice: WordChoice;
  /** The value the user chose; null until then, and nothing is written while one is null. */
  readonly decision: string | null;
}

/** The user's answers: field → text as written → the value it stands for. */
export const wordAnswers = z.record(z.string().max(60), z.record(z.string().max(1000), z.string().max(20)));
export type WordAnswers = z.infer<typeof wordAnswers>;

/** The questions still waiting for an answer: while there is one, nothing is written. */
export const unanswered = (questions: readonly WordQuestion[]): WordQuestion[] => questions.filter((q) => q.decision === null);

/** The answers a plan was made with, and one more: what a screen sends to plan the file again. */
export function withAnswer(questions: readonly WordQuestion[], field: string, text: string, value: string): WordAnswers {
  const answers: Record<string, Record<string, string>> = {};
  for (const question of questions) if (question.decision !== null) (answers[question.field] ??= {})[question.text] = question.decision;
  (answers[field] ??= {})[text] = value;
  return answers;
}

export const unitDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('use'), unitId: id }),
  z.object({ action: z.literal('create'), kind: z.enum(UNIT_KINDS).optional() }),
  z.object({ action: z.literal('group'), groupId: id }),
  z.object({ action: z.literal('createGroup'), members: groupMembersInput }),
]);
/** As given: a group's listed units may be any list of ids. */
export type UnitDecision = z.input<typeof unitDecision>;

export const importOptions = z.object({
  kind: z.enum(IMPORT_KINDS).optional(),
  sheet: z.string().max(200).optional(),
  /** Column number → field key, or null to leave the column out; other columns keep what was detected. */
  mapping: z.record(z.string().regex(/^\d+$/), z.string().max(60).nullable()).optional(),
  /** What unit names not in the ledger stand for, by the name as written. */
  units: z.record(z.string().max(200), unitDecision).optional(),
  /** What words the import does not know stand for. */
  words: wordAnswers.optional(),
  /** Create every unit name that is not in the ledger (the command line's --create-units). */
  createUnits: z.boolean().optional(),
  /** Tasks: the inspection they come from (their numbers are unique within it). */
  inspectionId: id.nullable().optional(),
  /** Progress: the month reported, when the sheet has no column for it. */
  period: period.optional(),
  /** Petitions without receipt numbers: the batch their 序号 are numbered in. */
  batch: z.number().int().min(1).max(9999).optional(),
});
export type ImportOptions = z.input<typeof importOptions>;

/**
 * How the records of a sheet are told apart: by their key column (受理编号), or — a petition table
 * without receipt numbers — by batch and 序号 (第5批-21), `instead` of the key field. The batch is
 * the one the user gave, each row's own, or the one the title or the sheet's name states; null until
 * there is one. A table keyed by its column and without a batch column takes `batchOf` the same way.
 */
export type Keying =
  | { readonly by: 'column'; readonly batchOf?: { readonly batch: number; readonly from: 'option' | 'title' | 'sheet' } }
  | {
      readonly by: 'batch_and_ordinal';
      readonly instead: string;
      readonly batch: number | null;
      readonly from: 'option' | 'column' | 'title' | 'sheet' | null;
    };

export interface SheetSummary {
  readonly name: string;
  readonly rows: number;
  readonly hidden: boolean;
}

export interface ImportCounts {
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  readonly skip: number;
  readonly error: number;
  readonly warning: number;
}

/**
 * Rows that are records already in the ledger found another way than by the import's key: tasks
 * without a source taken into the one chosen ('adopted'), or tasks of another source that the rows
 * would add a second time ('lookalike'), by source.
 */
export interface ExistingMatch {
  readonly how: 'adopted' | 'lookalike';
  readonly inspectionId: number;
  readonly source: string;
  readonly rows: number;
}

export interface ImportPreview {
  readonly importId: string;
  readonly fileName: string;
  readonly kind: ImportKind;
  /** The kind the header's words suggest, whatever was chosen. */
  readonly detectedKind: ImportKind;
  readonly sheets: readonly SheetSummary[];
  readonly sheet: string;
  /** The header's rows (one, or two for a two-level header). */
  readonly headerRows: readonly number[];
  readonly columns: readonly ColumnMapping[];
  readonly fields: readonly FieldInfo[];
  /** Required fields no column is mapped to: nothing can be imported until they are. */
  readonly missingFields: readonly string[];
  readonly units: readonly UnitResolution[];
  /** Units the import will create (decided, or by createUnits). */
  readonly newUnits: readonly { readonly name: string; readonly kind: UnitKind }[];
  /** Unit groups the import will create (decided). */
  readonly newGroups: readonly NewGroup[];
  readonly words: readonly WordQuestion[];
  readonly counts: ImportCounts;
  readonly matches: readonly ExistingMatch[];
  /** Whether a column with no field is kept as text on each record (作为附加列保留), or left out. */
  readonly keepsExtraColumns: boolean;
  /** Headers of the columns kept so. */
  readonly keptColumns: readonly string[];
  readonly keying: Keying;
  /** Other sheets holding a table of the same kind (one sheet per batch), which this import does not read. */
  readonly otherSheets: readonly string[];
  /** The first rows of the preview; `exchange.rows` pages through the rest. */
  readonly rows: readonly PreviewRow[];
  readonly totalRows: number;
}

export const ROW_FILTERS = ['all', 'create', 'update', 'unchanged', 'skip', 'error', 'warning'] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

/** A page of a preview's rows, as the wizard's table scrolls. */
export const rowsQuery = z.object({
  importId: z.string().uuid(),
  filter: z.enum(ROW_FILTERS).default('all'),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});
export type RowsQuery = z.input<typeof rowsQuery>;

export interface ImportResult {
  readonly kind: ImportKind;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly errors: number;
  readonly unitsCreated: number;
  readonly groupsCreated: number;
}
