import type { TFunction } from 'i18next';
import type ExcelJS from 'exceljs';
import { formatPercent, formatPeriod } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import type { LedgerStats } from '../../stats/model';
import { PETITION_COMPLETIONS, PETITION_TRUTHS, POLLUTION_KINDS } from '../../petitions/model';
import { TASK_STATUSES } from '../../tasks/model';
import { type Heading, startExportTable } from './table';

/**
 * The figures a group reports upward, as three tables on three sheets: by unit (tasks by status,
 * overdue, completion; petition cases), by status (tasks, petition cases), by month (reports).
 */
const share = (n: number, total: number): string => formatPercent(total === 0 ? 0 : n / total);

export function writeByUnit(book: ExcelJS.Workbook, name: string, stats: LedgerStats, t: TFunction, heading: Heading): void {
  const s = (key: string) => t(`exchange:exports.stats.${key}`);
  const tasks = s('tasks');
  const petitions = s('petitions');
  const table = startExportTable(book, name, t, heading, [
    { header: s('unit'), width: 14 },
    { header: s('total'), width: 4, kind: 'number', group: tasks },
    ...TASK_STATUSES.map((status) => ({ header: t(`common:enums.taskStatus.${status}`), width: 4, kind: 'number' as const, group: tasks })),
    { header: s('overdue'), width: 4, kind: 'number', group: tasks },
    { header: s('completionRate'), width: 5, kind: 'center', group: tasks },
    { header: s('total'), width: 4, kind: 'number', group: petitions },
    { header: s('petitionsCompleted'), width: 4, kind: 'number', group: petitions },
    { header: s('completionRate'), width: 5, kind: 'center', group: petitions },
  ]);
  const petitionsByUnit = new Map(stats.petitions.byUnit.map((p) => [p.unit.id, p]));
  const units = new Map([...stats.tasks.byUnit.map((u) => [u.unit.id, u.unit] as const), ...stats.petitions.byUnit.map((p) => [p.unit.id, p.unit] as const)]);
  const tasksByUnit = new Map(stats.tasks.byUnit.map((u) => [u.unit.id, u]));
  for (const [id, unit] of units) {
    const task = tasksByUnit.get(id);
    const petition = petitionsByUnit.get(id);
    const finished = task ? task.byStatus.completed + task.byStatus.closed : 0;
    table.addRow([
      unit.name,
      task?.total ?? 0,
      ...TASK_STATUSES.map((status) => task?.byStatus[status] ?? 0),
      task?.overdue ?? 0,
      task ? share(finished, task.total) : '',
      petition?.total ?? 0,
      petition?.completed ?? 0,
      petition ? share(petition.completed, petition.total) : '',
    ]);
  }
  const all = stats.tasks;
  table.addRow([
    s('total'),
    all.total,
    ...TASK_STATUSES.map((status) => all.byStatus[status]),
    all.overdue,
    formatPercent(all.completionRate),
    stats.petitions.total,
    stats.petitions.byCompletion.completed,
    formatPercent(stats.petitions.completionRate),
  ]);
}

export function writeByStatus(book: ExcelJS.Workbook, name: string, stats: LedgerStats, t: TFunction, heading: Heading): void {
  const s = (key: string) => t(`exchange:exports.stats.${key}`);
  const table = startExportTable(book, name, t, heading, [
    { header: s('item'), width: 12 },
    { header: s('count'), width: 6, kind: 'number' },
    { header: s('share'), width: 6, kind: 'center' },
  ]);
  const group = (name: string, rows: readonly [string, number][], total: number): void => {
    for (const [label, n] of rows) table.addRow([`${name}：${label}`, n, share(n, total)]);
  };
  group(
    s('taskStatus'),
    TASK_STATUSES.map((k) => [t(`common:enums.taskStatus.${k}`), stats.tasks.byStatus[k]]),
    stats.tasks.total,
  );
  group(
    s('completion'),
    PETITION_COMPLETIONS.map((k) => [t(`common:enums.completion.${k}`), stats.petitions.byCompletion[k]]),
    stats.petitions.total,
  );
  group(
    s('truth'),
    [
      ...PETITION_TRUTHS.map((k): [string, number] => [t(`common:enums.truth.${k}`), stats.petitions.byTruth[k]]),
      [s('unknownTruth'), stats.petitions.byTruth.unknown],
    ],
    stats.petitions.total,
  );
  group(
    s('pollution'),
    POLLUTION_KINDS.map((k) => [t(`common:enums.pollutionKind.${k}`), stats.petitions.byKind[k]]),
    stats.petitions.total,
  );
}

export function writeByMonth(book: ExcelJS.Workbook, name: string, stats: LedgerStats, t: TFunction, language: Language, heading: Heading): void {
  const s = (key: string) => t(`exchange:exports.stats.${key}`);
  const table = startExportTable(book, name, t, heading, [
    { header: s('month'), width: 8, kind: 'center' },
    { header: s('reports'), width: 7, kind: 'number' },
    { header: s('unitsReporting'), width: 7, kind: 'number' },
    { header: s('behind'), width: 6, kind: 'number' },
  ]);
  for (const month of stats.progressByMonth) table.addRow([formatPeriod(month.period, language), month.reports, month.unitsReporting, month.behind]);
}
