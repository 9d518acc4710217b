import type { TFunction } from 'i18next';
import type ExcelJS from 'exceljs';
import { formatDate, formatPercent, formatPeriod } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { ACCOUNTABILITY_FORMS, SUBJECT_KINDS } from '../../accountability/model';
import type { CompletionCounts, MonthlyReport } from '../../monthly-report/model';
import { PETITION_COMPLETIONS } from '../../petitions/model';
import { rate } from '../../stats/tally';
import { TASK_STATUSES } from '../../tasks/model';
import { streamedWorkbook } from '../write/book';
import type { TableColumn } from '../write/table';
import { startExportTable } from './table';

/**
 * The month's 统计表 in the shape a commission asks for: one table a sheet under the same title —
 * tasks by lead unit and status, petition cases by region and completion, accountability by kind of
 * subject and form — each closed by a 合计 row; the figures are monthlyReport's.
 */
type Sheet = (book: ExcelJS.Workbook, report: MonthlyReport, t: TFunction, heading: (table: string) => { title: string; subtitle: string }) => void;

const w = (t: TFunction, key: string): string => t(`exchange:monthlyReport.${key}`);
const count = (header: string, group?: string): TableColumn => ({ header, width: 4, kind: 'number', ...(group ? { group } : {}) });
const ratio = (header: string): TableColumn => ({ header, width: 5, kind: 'center' });

const writeTasks: Sheet = (book, report, t, heading) => {
  const byStatus = w(t, 'tasks.byStatus');
  const table = startExportTable(book, w(t, 'tasks.sheet'), t, heading(w(t, 'tasks.table')), [
    { header: w(t, 'tasks.unit'), width: 14 },
    count(w(t, 'tasks.total')),
    ...TASK_STATUSES.map((status) => count(t(`common:enums.taskStatus.${status}`), byStatus)),
    count(w(t, 'tasks.overdue')),
    ratio(w(t, 'tasks.completionRate')),
  ]);
  const { tasks } = report;
  for (const unit of tasks.byUnit) {
    const finished = unit.byStatus.completed + unit.byStatus.closed;
    table.addRow([unit.unit.name, unit.total, ...TASK_STATUSES.map((s) => unit.byStatus[s]), unit.overdue, formatPercent(rate(finished, unit.total))]);
  }
  table.addRow([w(t, 'total'), tasks.total, ...TASK_STATUSES.map((s) => tasks.byStatus[s]), tasks.overdue, formatPercent(tasks.completionRate)]);
};

/** 已办结, 阶段性办结, 未办结: the order a commission's table reads them in. */
const COMPLETION_COLUMNS = [...PETITION_COMPLETIONS].reverse();

const writePetitions: Sheet = (book, report, t, heading) => {
  const table = startExportTable(book, w(t, 'petitions.sheet'), t, heading(w(t, 'petitions.table')), [
    { header: w(t, 'petitions.region'), width: 12 },
    count(w(t, 'petitions.total')),
    ...COMPLETION_COLUMNS.map((c) => count(t(`common:enums.completion.${c}`))),
    ratio(w(t, 'petitions.completionRate')),
  ]);
  const row = (label: string, counts: CompletionCounts) =>
    table.addRow([label, counts.total, ...COMPLETION_COLUMNS.map((c) => counts[c]), formatPercent(rate(counts.completed, counts.total))]);
  for (const region of report.petitions.byRegion) row(region.region || w(t, 'noRegion'), region);
  row(w(t, 'total'), report.petitions);
};

const writeAccountability: Sheet = (book, report, t, heading) => {
  const byForm = w(t, 'accountability.byForm');
  const table = startExportTable(book, w(t, 'accountability.sheet'), t, heading(w(t, 'accountability.table')), [
    { header: w(t, 'accountability.kind'), width: 6 },
    ...ACCOUNTABILITY_FORMS.map((form) => count(t(`common:enums.accountabilityForm.${form}`), byForm)),
    count(w(t, 'total')),
  ]);
  const { subjects } = report.accountability;
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  for (const kind of SUBJECT_KINDS) {
    const forms = ACCOUNTABILITY_FORMS.map((form) => subjects[kind][form]);
    table.addRow([t(`common:enums.subjectKind.${kind}`), ...forms, sum(forms)]);
  }
  const totals = ACCOUNTABILITY_FORMS.map((form) => sum(SUBJECT_KINDS.map((kind) => subjects[kind][form])));
  table.addRow([w(t, 'total'), ...totals, sum(totals)]);
};

export async function monthWorkbook(report: MonthlyReport, t: TFunction, language: Language): Promise<Buffer> {
  const heading = (table: string) => ({
    title: t('exchange:monthlyReport.title', { month: formatPeriod(report.period, language) }),
    subtitle: t('exchange:monthlyReport.subtitle', { table, date: formatDate(report.asOf, language) }),
  });
  const { bytes } = await streamedWorkbook((book) => {
    for (const sheet of [writeTasks, writePetitions, writeAccountability]) sheet(book, report, t, heading);
  });
  return bytes;
}
