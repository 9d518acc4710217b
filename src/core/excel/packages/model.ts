import { z } from 'zod';
import type { IsoDate, Period } from '../../../shared/dates';
import { id, period } from '../../../shared/validation';
import { type ImportCounts, type PreviewRow, wordAnswers, type WordQuestion } from '../import/model';

/**
 * Unit workbooks (填报表): for a month, each unit gets a workbook of its open tasks to fill in and
 * send back; what comes back is recognised, compared and applied as that month's progress reports.
 */
export const packageExportRequest = z.object({
  period,
  /** The units to write for; all units with open tasks when absent. */
  unitIds: z.array(id).max(500).optional(),
  /** The day the workbooks are to be returned by, said on them. */
  returnBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type PackageExportRequest = z.input<typeof packageExportRequest>;

export interface PackageFile {
  readonly unitId: number;
  readonly unitName: string;
  readonly fileName: string;
  readonly tasks: number;
  readonly exportId: string;
  readonly bytes: Uint8Array;
}

export interface PackageExport {
  readonly period: Period;
  readonly files: readonly PackageFile[];
  /** Units asked for that have no open task to report on. */
  readonly withoutTasks: readonly { readonly unitId: number; readonly unitName: string }[];
}

/** What the ledger remembers of a workbook it sent: settings key excel.unit_workbook.<exportId>. */
export interface SentWorkbook {
  readonly exportId: string;
  readonly unitId: number;
  readonly period: Period;
  readonly exportedAt: string;
  /** The day it was to come back by, as written on it (absent in workbooks sent before it was kept). */
  readonly returnBy?: IsoDate | null;
  /** Each task's number and the checksum of its fixed cells, as sent. */
  readonly rows: readonly { readonly taskId: number; readonly number: string; readonly fixed: string }[];
  readonly imports: readonly { readonly at: string; readonly file: string }[];
}

/** What is worth knowing about a returned workbook before applying it; none stops it. */
export const RETURN_WARNINGS = [
  'period_differs',
  'already_imported',
  'same_file_imported',
  'export_unknown',
  'identity_conflict',
  'fixed_changed',
  'rows_added',
  'rows_deleted',
  'not_filled',
] as const;
export type ReturnWarningCode = (typeof RETURN_WARNINGS)[number];

export interface ReturnWarning {
  readonly code: ReturnWarningCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ReturnPreview {
  readonly importId: string;
  readonly fileName: string;
  readonly unit: { readonly id: number; readonly name: string };
  readonly period: Period;
  readonly exportId: string;
  readonly exportedAt: string | null;
  readonly warnings: readonly ReturnWarning[];
  /** States written in words not on the list: each waits for the user's answer. */
  readonly words: readonly WordQuestion[];
  readonly counts: ImportCounts;
  readonly rows: readonly PreviewRow[];
}

export const returnOptions = z.object({
  /** The month being collected: a workbook of another month is flagged. */
  period: period.optional(),
  /** What states written in words not on the list stand for. */
  words: wordAnswers.optional(),
});
export type ReturnOptions = z.input<typeof returnOptions>;

export interface ReturnResult {
  readonly unitName: string;
  readonly period: Period;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly errors: number;
}
