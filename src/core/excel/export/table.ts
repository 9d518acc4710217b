import type { TFunction } from 'i18next';
import type ExcelJS from 'exceljs';
import { startTable, type TableColumn } from '../write/table';

/** The title over an export's table and the line under it (the date, how many, the filter). */
export interface Heading {
  readonly title: string;
  readonly subtitle: string;
}

/** A table of an export for leaders: its heading, its columns, and the exports' page numbers at its foot. */
export function startExportTable(book: ExcelJS.Workbook, name: string, t: TFunction, heading: Heading, columns: readonly TableColumn[]) {
  return startTable(book, name, { ...heading, columns, pageFooter: t('exchange:exports.pageFooter') });
}

/** Ids a share of `size` at a time, in order: an export reads its records by id, not all held at once. */
export function* sharesOf(ids: readonly number[], size: number): Generator<readonly number[]> {
  for (let start = 0; start < ids.length; start += size) yield ids.slice(start, start + size);
}

/** The first column of a list whose rows have no number of their own: 1, 2, 3… */
export const ordinalColumn = (t: TFunction): TableColumn => ({ header: t('exchange:exports.extra.ordinal'), width: 3, kind: 'center' });
