import type { TFunction } from 'i18next';
import { cleanText } from '../read/cells';
import type { TableColumn } from '../write/table';
import { checksum } from './identity';

/**
 * The columns of a unit workbook, shared by the writer and the reader of what comes back: the
 * fixed ones (locked; their checksum tells whether they were changed), the ones the unit fills in,
 * and a hidden one naming each row's task.
 */
export const FIXED = ['number', 'problem', 'deadline', 'role', 'lastReport'] as const;
export const INPUT = ['progress', 'state', 'problems', 'nextSteps', 'evidenceNote', 'reporter', 'reporterPhone'] as const;
export const ROW_ID = 'taskId';
/** The very hidden sheet holding the workbook's code (ledger, unit, month, export). */
export const CODE_SHEET = '_duban';
export const PACKAGE_COLUMNS = [...FIXED, ...INPUT, ROW_ID] as const;
export type PackageColumn = (typeof PACKAGE_COLUMNS)[number];

const WIDTHS: Record<PackageColumn, number> = {
  number: 4,
  problem: 20,
  deadline: 7,
  role: 5,
  lastReport: 16,
  progress: 20,
  state: 6,
  problems: 12,
  nextSteps: 12,
  evidenceNote: 10,
  reporter: 5,
  reporterPhone: 8,
  taskId: 4,
};

const KINDS: Partial<Record<PackageColumn, TableColumn['kind']>> = {
  number: 'center',
  deadline: 'center',
  role: 'center',
  state: 'center',
  reporter: 'center',
  reporterPhone: 'center',
};

export function packageColumns(t: TFunction): TableColumn[] {
  return PACKAGE_COLUMNS.map((key) => ({ header: t(`exchange:packages.columns.${key}`), width: WIDTHS[key], kind: KINDS[key] ?? 'text' }));
}

/** The fixed cells that say which task a row is and what it asks: changing them is noticed. */
export const rowChecksum = (cells: { number: string; problem: string; deadline: string; role: string }): string =>
  checksum([cells.number, cells.problem, cells.deadline, cells.role].map(cleanText));
