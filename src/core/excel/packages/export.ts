import type ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import type { IsoDate, Period } from '../../../shared/dates';
import { formatDate, formatPeriod } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { inNaturalOrder } from '../../../shared/natural-order';
import { PROGRESS_STATES } from '../../progress/model';
import type { Reader } from '../../storage/database';
import { deadlineOf, openTaskSql } from '../../tasks/columns';
import type { DeadlineKind, UnitRole } from '../../tasks/model';
import { startTable, type TableColumn } from '../write/table';
import { TEXT_FORMAT } from '../write/safe-text';
import { loadExcelJs } from '../write/book';
import { deadlineWords } from '../words';
import { checksum, encodeIdentity, type Identity } from './identity';
import { CODE_SHEET, FIXED, INPUT, PACKAGE_COLUMNS, type PackageColumn, packageColumns, rowChecksum } from './layout';
import type { SentWorkbook } from './model';

/**
 * One unit's workbook for a month: its open tasks (those it leads and those it co-operates on),
 * the fixed columns locked and shaded, the columns it fills in open, the state chosen from a list,
 * an instructions sheet, and the workbook's code on the sheet, in the footer and in a hidden sheet.
 */
export interface PackageTask {
  readonly id: number;
  readonly number: string;
  readonly problem: string;
  readonly deadline: string;
  readonly role: UnitRole;
  readonly lastReport: string;
}

/** Points: about four lines for the unit to write in. */
const INPUT_ROW_HEIGHT = 60;

const FIXED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** What the unit fills in: unlocked, and text whatever is typed. */
const INPUT_CELLS: TableColumn['style'] = { protection: { locked: false }, numFmt: TEXT_FORMAT };

/** The task's own cells are shaded, the unit's left open to it. */
function cellsOf(column: PackageColumn): TableColumn['style'] {
  if ((FIXED as readonly PackageColumn[]).includes(column)) return { fill: FIXED_FILL };
  return (INPUT as readonly PackageColumn[]).includes(column) ? INPUT_CELLS : undefined;
}

/** The unit's open tasks in the order of their numbers, with what it reported the month before. */
export function unitTasks(db: Reader, unitId: number, period: Period, t: TFunction, language: Language): PackageTask[] {
  const rows = db.all<{
    id: number;
    number: string;
    problem: string;
    deadline_kind: DeadlineKind;
    deadline_date: IsoDate | null;
    role: UnitRole;
    last: string | null;
  }>(
    `SELECT t.id, t.number, t.problem, t.deadline_kind, t.deadline_date, tu.role,
       (SELECT r.progress FROM progress_reports r WHERE r.task_id = t.id AND r.unit_id = tu.unit_id AND r.period < $period ORDER BY r.period DESC LIMIT 1) AS last
     FROM task_units tu JOIN tasks t ON t.id = tu.task_id
     WHERE tu.unit_id = $unitId AND ${openTaskSql('t')}`,
    { unitId, period },
  );
  return inNaturalOrder(rows, (row) => row.number).map((row) => ({
    id: row.id,
    number: row.number,
    problem: row.problem,
    deadline: deadlineWords(t, deadlineOf(row.deadline_kind, row.deadline_date), language),
    role: row.role,
    lastReport: row.last ?? '',
  }));
}

export interface PackageSpec {
  readonly ledger: string;
  readonly exportId: string;
  readonly unit: { readonly id: number; readonly name: string };
  readonly period: Period;
  readonly returnBy: IsoDate | null;
  readonly tasks: readonly PackageTask[];
}

function writeInstructions(book: ExcelJS.Workbook, spec: PackageSpec, code: string, t: TFunction, language: Language): void {
  const sheet = book.addWorksheet(t('exchange:packages.instructionsSheet'), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getColumn(1).width = 100;
  const title = sheet.addRow([t('exchange:packages.instructionsTitle')]);
  title.getCell(1).font = { name: '黑体', size: 14, bold: true };
  const states = PROGRESS_STATES.map((s) => t(`common:enums.progressState.${s}`)).join(t('common:listSeparator'));
  const returnBy = spec.returnBy ? t('exchange:packages.returnBy', { date: formatDate(spec.returnBy, language) }) : '';
  const lines = t('exchange:packages.instructions', {
    returnObjects: true,
    period: formatPeriod(spec.period, language),
    returnBy,
    states,
  }) as unknown as string[];
  lines.forEach((line, i) => {
    const row = sheet.addRow([`${i + 1}. ${line}`]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).font = { name: '宋体', size: 11 };
  });
  sheet.addRow([]);
  sheet.addRow([t('exchange:packages.codeLine', { code })]).getCell(1).font = { name: '宋体', size: 10, color: { argb: 'FF595959' } };
}

function writeCodeSheet(book: ExcelJS.Workbook, code: string, rows: SentWorkbook['rows']): void {
  const sheet = book.addWorksheet(CODE_SHEET, { state: 'veryHidden' });
  sheet.addRow([code]);
  for (const row of rows) sheet.addRow([row.taskId, row.number, row.fixed]);
}

/** The workbook's bytes and what the ledger keeps of it. */
export async function writePackage(spec: PackageSpec, t: TFunction, language: Language): Promise<{ bytes: Buffer; rows: SentWorkbook['rows']; code: string }> {
  const roleWords = (role: UnitRole) => t(`exchange:packages.roles.${role}`);
  const rows = spec.tasks.map((task) => ({
    taskId: task.id,
    number: task.number,
    fixed: rowChecksum({ number: task.number, problem: task.problem, deadline: task.deadline, role: roleWords(task.role) }),
  }));
  const identity: Identity = {
    ledger: spec.ledger,
    unitId: spec.unit.id,
    period: spec.period,
    exportId: spec.exportId,
    fixed: checksum(rows.map((r) => r.fixed)),
  };
  const code = encodeIdentity(identity);
  const period = formatPeriod(spec.period, language);
  const subtitle = spec.returnBy
    ? t('exchange:packages.subtitle', { unit: spec.unit.name, period, returnBy: formatDate(spec.returnBy, language), code })
    : t('exchange:packages.subtitleNoDate', { unit: spec.unit.name, period, code });

  const { Workbook } = await loadExcelJs();
  const book = new Workbook();
  book.creator = 'Duban';
  const table = startTable(book, t('exchange:packages.dataSheet'), {
    title: `${t('exchange:packages.title', { period })}（${spec.unit.name}）`,
    subtitle,
    columns: packageColumns(t).map((column, i) => ({ ...column, style: cellsOf(PACKAGE_COLUMNS[i]!) })),
    pageFooter: t('exchange:packages.footer', { code }),
  });
  const { sheet } = table;
  const stateColumn = PACKAGE_COLUMNS.indexOf('state') + 1;
  const states = PROGRESS_STATES.map((s) => t(`common:enums.progressState.${s}`));
  for (const task of spec.tasks) {
    // Room for a few lines of progress typed into the row, and more where the problem is long.
    const row = table.addRow(
      [task.number, task.problem, task.deadline, roleWords(task.role), task.lastReport, ...INPUT.map(() => null), String(task.id)],
      INPUT_ROW_HEIGHT,
    );
    row.getCell(stateColumn).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${states.join(',')}"`],
      showErrorMessage: true,
      errorTitle: t('exchange:packages.stateErrorTitle'),
      error: t('exchange:packages.stateError', { states: states.join(t('common:listSeparator')) }),
    };
  }
  sheet.getColumn(PACKAGE_COLUMNS.length).hidden = true;
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  writeInstructions(book, spec, code, t, language);
  writeCodeSheet(book, code, rows);
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), rows, code };
}
