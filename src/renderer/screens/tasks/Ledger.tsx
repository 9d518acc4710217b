import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isOverdue, type TaskSort, type TaskStatus, type TaskSummary } from '../../../contract/tasks';
import { useContractQuery } from '../../api/useContract';
import { ColumnChooser, useChosenColumns } from '../../components/ColumnChooser';
import type { Sort } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { ArchivedMatches } from '../../components/ArchivedMatches';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/workbooks/ExportButton';
import { useRowsPainted } from '../../hooks/useFilterTiming';
import { useFormat } from '../../hooks/useFormat';
import { useAskFirstPage, usePagedRows } from '../../hooks/usePagedRows';
import { today } from '../../hooks/today';
import { isFiltered, type LedgerFilter, NO_FILTER, queryOf, readFilter, writeFilter } from './ledgerFilter';
import { LedgerFilters } from './LedgerFilters';
import { AssignSourceDialog } from './AssignSourceDialog';
import { SelectionBar } from './SelectionBar';
import { StatusTabs } from './StatusTabs';
import { FIXED_COLUMNS, ledgerColumns, tickColumn } from './ledgerColumns';
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
  // The core answers one call at a time: what else the screen shows is asked once the rows are painted.
  const painted = useRowsPainted('tasks', tasks.settledKey);
  const counts = useStatusCounts(withoutStatus, painted);
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const inspections = useContractQuery('inspections', 'list', []);
  const sourceName = useMemo(() => new Map(inspections.data?.map((i) => [i.id, i.name])), [inspections.data]);
  const selection = useTaskSelection(query);
  const [assigning, setAssigning] = useState(false);

  const all = useMemo(() => ledgerColumns(t, format, asOf, sourceName), [t, format, asOf, sourceName]);
  const { shownColumns, chooser } = useChosenColumns('ledger.columns', all, FIXED_COLUMNS, DEFAULT_COLUMNS);
  const { selected, toggle, selectAll } = selection;
  const tick = useMemo(() => tickColumn(t, { selected, toggle, selectAll }, tasks.total), [t, selected, toggle, selectAll, tasks.total]);
  const columns = useMemo(() => [tick, ...shownColumns], [tick, shownColumns]);
  const open = useCallback((task: TaskSummary) => navigate(`/tasks/${task.id}`), [navigate]);
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
            <ColumnChooser {...chooser} />
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
      {query.search && painted && <ArchivedMatches text={query.search} kind="task" />}
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
        onOpen={open}
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
