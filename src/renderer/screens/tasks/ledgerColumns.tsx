import type { TFunction } from 'i18next';
import type { TaskSummary } from '../../../contract/tasks';
import type { IsoDate } from '../../../shared/dates';
import { wordsOnce } from '../../components/cellWords';
import type { Column } from '../../components/DataTable';
import { deadlineText, taskStatusTag } from '../../components/tasks/TaskTags';
import type { Format } from '../../hooks/useFormat';
import { latestProgress, latestProgressText } from './LatestProgress';

/** The columns always shown; the others are the person's choice. */
export const FIXED_COLUMNS: ReadonlySet<string> = new Set(['number', 'problem']);

/**
 * The ledger's columns, built once for what they depend on (not for every render of the screen),
 * so that its rows are drawn again only when they change.
 */
export function ledgerColumns(screenT: TFunction, format: Format, asOf: IsoDate, sourceName: ReadonlyMap<number, string>): Column<TaskSummary>[] {
  const t = wordsOnce(screenT);
  const sourceOf = (task: TaskSummary): string => (task.inspectionId === null ? '' : (sourceName.get(task.inspectionId) ?? ''));
  return [
    { key: 'number', header: t('tasks:fields.number'), width: '6.5rem', sortable: true, render: (task) => task.number },
    { key: 'problem', header: t('tasks:fields.problem'), width: 'minmax(16rem, 3fr)', render: (task) => task.problem, title: (task) => task.problem },
    {
      key: 'leadUnits',
      header: t('tasks:fields.leadUnitIds'),
      width: 'minmax(9rem, 1.2fr)',
      render: (task) => task.leadUnits.map((u) => u.shortName || u.name).join(t('common:listSeparator')),
      title: (task) => task.leadUnits.map((u) => u.name).join(t('common:listSeparator')),
    },
    {
      key: 'responsibleLeader',
      header: t('tasks:fields.responsibleLeader'),
      width: '8rem',
      render: (task) => task.responsibleLeader,
      title: (task) => task.responsibleLeader,
    },
    { key: 'deadline', header: t('tasks:fields.deadline'), width: '17.5rem', sortable: true, render: (task) => deadlineText(t, format, task, asOf) },
    { key: 'status', header: t('tasks:fields.status'), width: '7.5rem', sortable: true, align: 'center', render: (task) => taskStatusTag(t, task.status) },
    {
      key: 'latestProgress',
      header: t('tasks:fields.latestProgress'),
      width: 'minmax(10rem, 2fr)',
      render: (task) => latestProgress(t, format, task),
      title: (task) => latestProgressText(t, format, task),
    },
    {
      key: 'inspection',
      header: t('tasks:fields.inspectionId'),
      width: 'minmax(9rem, 1fr)',
      render: (task) => sourceOf(task),
      title: (task) => sourceOf(task),
    },
    { key: 'updatedAt', header: t('tasks:fields.updatedAt'), width: '11rem', sortable: true, render: (task) => format.instant(task.updatedAt) },
  ];
}

interface Selection {
  readonly selected: ReadonlySet<number>;
  toggle(id: number, on: boolean): void;
  selectAll(on: boolean): Promise<void>;
}

/** The first column: a box to tick each task, and in the header one to tick all `total` the filter shows. */
export function tickColumn(t: TFunction, selection: Selection, total: number | null): Column<TaskSummary> {
  const allSelected = selection.selected.size > 0 && selection.selected.size === total;
  return {
    key: 'select',
    header: t('tasks:ledger.select'),
    width: '3.25rem',
    align: 'center',
    headerCell: (
      <input
        type="checkbox"
        aria-label={t('tasks:ledger.selectAll', { count: total ?? 0 })}
        checked={allSelected}
        ref={(box) => {
          if (box) box.indeterminate = selection.selected.size > 0 && !allSelected;
        }}
        onChange={(e) => void selection.selectAll(e.target.checked)}
      />
    ),
    // Ticking a task does not open it: the box takes the click.
    render: (task) => (
      <label className="data-table__tick" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          aria-label={t('tasks:ledger.selectTask', { number: task.number })}
          checked={selection.selected.has(task.id)}
          onChange={(e) => selection.toggle(task.id, e.target.checked)}
        />
      </label>
    ),
  };
}
