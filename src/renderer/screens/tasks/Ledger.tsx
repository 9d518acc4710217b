import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isOverdue, type TaskSort, type TaskStatus, type TaskSummary } from '../../../contract/tasks';
import { useContractQuery } from '../../api/useContract';
import { ColumnChooser } from '../../components/ColumnChooser';
import type { Column, Sort } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { ArchivedMatches } from '../../components/ArchivedMatches';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/workbooks/ExportButton';
import { useFilterTiming } from '../../hooks/useFilterTiming';
import { useFormat } from '../../hooks/useFormat';
import { useAskFirstPage, usePagedRows } from '../../hooks/usePagedRows';
import { isStringList, useStoredState } from '../../hooks/useStoredState';
import { today } from '../../hooks/today';
import { isFiltered, type LedgerFilter, NO_FILTER, queryOf, readFilter, writeFilter } from './ledgerFilter';
import { LedgerFilters } from './LedgerFilters';
import { AssignSourceDialog } from './AssignSourceDialog';
import { SelectionBar } from './SelectionBar';
import { StatusTabs } from './StatusTabs';
import { latestProgress, latestProgressText } from './LatestProgress';
import { deadlineText, taskStatusTag } from '../../components/tasks/TaskTags';
import { useStatusCounts } from './useStatusCounts';
import { useTaskSelection } from './useTaskSelection';

const DEFAULT_COLUMNS = ['number', 'problem', 'leadUnits', 'responsibleLeader', 'deadline', 'status'];

/**
 * 整改任务台账: every task, filtered, searched and sorted by the core, read page by page so that a
 * ledger of 20,000 tasks scrolls as lightly as one of 20. ↑ ↓ move, Enter opens a task.
 */
export function Ledger() {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const asOf = today();
  const askRows = useAskFirstPage('tasks', 'list');
  const setFilter = useCallback(
    (next: LedgerFilter) => {
      askRows(queryOf(next, asOf));
      setParams(writeFilter(next), { replace: true });
    },
    [askRows, asOf, setParams],
  );
  const query = useMemo(() => queryOf(filter, asOf), [filter, asOf]);
  const { statuses: _statuses, ...withoutStatus } = query;
  const tasks = usePagedRows('tasks', 'list', query);
  useFilterTiming('tasks', tasks.settledKey);
  // The core answers one call at a time: what else the screen shows is asked once the rows are in.
  const settled = tasks.settledKey !== null;
  const counts = useStatusCounts(withoutStatus, settled);
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const inspections = useContractQuery('inspections', 'list', []);
  const sourceName = useMemo(() => new Map(inspections.data?.map((i) => [i.id, i.name])), [inspections.data]);
  const sourceOf = (task: TaskSummary): string => (task.inspectionId === null ? '' : (sourceName.get(task.inspectionId) ?? ''));
  const [shown, setShown] = useStoredState('ledger.columns', DEFAULT_COLUMNS, isStringList);
  const selection = useTaskSelection(query);
  const [assigning, setAssigning] = useState(false);
  const allSelected = selection.selected.size > 0 && selection.selected.size === tasks.total;

  // Ticking a task does not open it: the box takes the click.
  const tick: Column<TaskSummary> = {
    key: 'select',
    header: t('ledger.select'),
    width: '3.25rem',
    align: 'center',
    headerCell: (
      <input
        type="checkbox"
        aria-label={t('ledger.selectAll', { count: tasks.total ?? 0 })}
        checked={allSelected}
        ref={(box) => {
          if (box) box.indeterminate = selection.selected.size > 0 && !allSelected;
        }}
        onChange={(e) => void selection.selectAll(e.target.checked)}
      />
    ),
    render: (task) => (
      <label className="data-table__tick" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          aria-label={t('ledger.selectTask', { number: task.number })}
          checked={selection.selected.has(task.id)}
          onChange={(e) => selection.toggle(task.id, e.target.checked)}
        />
      </label>
    ),
  };

  const all: Column<TaskSummary>[] = [
    { key: 'number', header: t('fields.number'), width: '6.5rem', sortable: true, render: (task) => task.number },
    { key: 'problem', header: t('fields.problem'), width: 'minmax(16rem, 3fr)', render: (task) => task.problem, title: (task) => task.problem },
    {
      key: 'leadUnits',
      header: t('fields.leadUnitIds'),
      width: 'minmax(9rem, 1.2fr)',
      render: (task) => task.leadUnits.map((u) => u.shortName || u.name).join(t('common:listSeparator')),
      title: (task) => task.leadUnits.map((u) => u.name).join(t('common:listSeparator')),
    },
    {
      key: 'responsibleLeader',
      header: t('fields.responsibleLeader'),
      width: '8rem',
      render: (task) => task.responsibleLeader,
      title: (task) => task.responsibleLeader,
    },
    { key: 'deadline', header: t('fields.deadline'), width: '17.5rem', sortable: true, render: (task) => deadlineText(t, format, task, asOf) },
    { key: 'status', header: t('fields.status'), width: '7.5rem', sortable: true, align: 'center', render: (task) => taskStatusTag(t, task.status) },
    {
      key: 'latestProgress',
      header: t('fields.latestProgress'),
      width: 'minmax(10rem, 2fr)',
      render: (task) => latestProgress(t, format, task),
      title: (task) => latestProgressText(t, format, task),
    },
    { key: 'inspection', header: t('fields.inspectionId'), width: 'minmax(9rem, 1fr)', render: (task) => sourceOf(task), title: (task) => sourceOf(task) },
    { key: 'updatedAt', header: t('fields.updatedAt'), width: '11rem', sortable: true, render: (task) => format.instant(task.updatedAt) },
  ];
  const fixed = new Set(['number', 'problem']);
  const columns = [tick, ...all.filter((c) => fixed.has(c.key) || shown.includes(c.key))];
  const sort: Sort = { key: filter.sort, direction: filter.descending ? 'desc' : 'asc' };
  const filtered = isFiltered(filter);

  const subtitle =
    tasks.total === null
      ? ''
      : filtered
        ? t('ledger.countFiltered', { count: tasks.total, shown: format.number(tasks.total) })
        : t('ledger.count', { count: tasks.total, shown: format.number(tasks.total) });

  return (
    <div className="list-page">
      <PageHeader
        title={t('ledger.title')}
        subtitle={subtitle}
        actions={
          <>
            <ColumnChooser columns={all.map((c) => ({ key: c.key, header: c.header, fixed: fixed.has(c.key) }))} shown={shown} onChange={setShown} />
            <ExportButton request={{ kind: 'tasks', query }} />
            <button type="button" className="button button--primary" onClick={() => navigate('/tasks/new')}>
              {t('add')}
            </button>
          </>
        }
      />
      <LedgerFilters filter={filter} onChange={setFilter} units={units.data ?? []} inspections={inspections.data ?? []} />
      <StatusTabs statuses={filter.statuses} counts={counts} onChange={(statuses: readonly TaskStatus[]) => setFilter({ ...filter, statuses })} />
      <ErrorNotice error={tasks.error} />
      {query.search && settled && <ArchivedMatches text={query.search} kind="task" />}
      {selection.selected.size > 0 && <SelectionBar count={selection.selected.size} onAssign={() => setAssigning(true)} onClear={selection.clear} />}
      {assigning && (
        <AssignSourceDialog
          taskIds={[...selection.selected]}
          inspections={inspections.data ?? []}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false);
            selection.clear();
          }}
        />
      )}
      <PagedTable
        label={t('ledger.title')}
        columns={columns}
        rows={tasks}
        rowKey={(task) => task.id}
        onOpen={(task) => navigate(`/tasks/${task.id}`)}
        sort={sort}
        onSort={(next) => setFilter({ ...filter, sort: next.key as TaskSort, descending: next.direction === 'desc' })}
        rowMark={(task) => (isOverdue(task, asOf) ? 'overdue' : task.status === 'closed' ? 'quiet' : undefined)}
        height="fill"
        loading={t('loading')}
        empty={
          filtered ? (
            <>
              <p>{t('ledger.noneMatch')}</p>
              <button type="button" className="button" onClick={() => setFilter({ ...NO_FILTER, sort: filter.sort, descending: filter.descending })}>
                {t('ledger.clear')}
              </button>
            </>
          ) : (
            <p>{t('ledger.empty')}</p>
          )
        }
      />
    </div>
  );
}
