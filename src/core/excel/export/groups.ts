import type { TFunction } from 'i18next';
import type ExcelJS from 'exceljs';
import { formatPercent, formatPeriod } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { SUBJECT_KINDS } from '../../accountability/model';
import { PETITION_COMPLETIONS } from '../../petitions/model';
import type { GroupFigures } from '../../rollup/model';
import { rate } from '../../stats/tally';
import { TASK_STATUSES } from '../../tasks/model';
import { type Heading, startExportTable } from './table';

/**
 * The commission's 汇总统计表: each supervision group's latest report side by side — its tasks by
 * status, overdue and completion, its petition cases by completion, its accountability — closed by
 * a 合计 row over all groups, the rates taken from the sums.
 */
/** 已办结, 阶段性办结, 未办结: the order a commission's table reads them in. */
const COMPLETIONS = [...PETITION_COMPLETIONS].reverse();

/** A group's numbers in the table's order, and what its two rates are taken from. */
interface Counts {
  readonly tasks: readonly number[];
  readonly finished: number;
  readonly petitions: readonly number[];
  readonly completed: number;
  readonly accountability: readonly number[];
}

const countsOf = ({ tasks, petitions, accountability }: GroupFigures): Counts => ({
  tasks: [tasks.total, ...TASK_STATUSES.map((status) => tasks.byStatus[status]), tasks.overdue],
  finished: tasks.byStatus.completed + tasks.byStatus.closed,
  petitions: [petitions.total, ...COMPLETIONS.map((c) => petitions.byCompletion[c])],
  completed: petitions.byCompletion.completed,
  accountability: [accountability.cases, ...SUBJECT_KINDS.map((kind) => accountability.subjects[kind])],
});

const plus = (a: readonly number[], b: readonly number[]): number[] => a.map((n, i) => n + b[i]!);
const add = (a: Counts, b: Counts): Counts => ({
  tasks: plus(a.tasks, b.tasks),
  finished: a.finished + b.finished,
  petitions: plus(a.petitions, b.petitions),
  completed: a.completed + b.completed,
  accountability: plus(a.accountability, b.accountability),
});

const cells = (c: Counts): (string | number)[] => [
  ...c.tasks,
  formatPercent(rate(c.finished, c.tasks[0]!)),
  ...c.petitions,
  formatPercent(rate(c.completed, c.petitions[0]!)),
  ...c.accountability,
];

export function writeGroups(book: ExcelJS.Workbook, name: string, groups: readonly GroupFigures[], t: TFunction, language: Language, heading: Heading): void {
  const s = (key: string) => t(`exchange:exports.groups.${key}`);
  const count = (header: string, group: string) => ({ header, width: 4, kind: 'number' as const, group });
  const ratio = (header: string, group: string) => ({ header, width: 5, kind: 'center' as const, group });
  const [tasks, petitions, accountability] = [s('tasks'), s('petitions'), s('accountability')];
  const table = startExportTable(book, name, t, heading, [
    { header: s('group'), width: 16 },
    { header: s('period'), width: 6, kind: 'center' },
    count(s('total'), tasks),
    ...TASK_STATUSES.map((status) => count(t(`common:enums.taskStatus.${status}`), tasks)),
    count(s('overdue'), tasks),
    ratio(s('completionRate'), tasks),
    count(s('total'), petitions),
    ...COMPLETIONS.map((c) => count(t(`common:enums.completion.${c}`), petitions)),
    ratio(s('completionRate'), petitions),
    count(s('cases'), accountability),
    ...SUBJECT_KINDS.map((kind) => count(t(`common:enums.subjectKind.${kind}`), accountability)),
  ]);
  const counts = groups.map(countsOf);
  groups.forEach((group, i) => table.addRow([group.name, formatPeriod(group.period, language), ...cells(counts[i]!)]));
  if (counts.length > 0) table.addRow([s('total'), '', ...cells(counts.reduce(add))]);
}
