import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PETITION_COMPLETIONS, PETITION_SORTS, PETITION_TRUTHS, type PetitionQuery, type PetitionRow, POLLUTION_KINDS } from '../../../contract/petitions';
import { useContractQuery } from '../../api/useContract';
import { wordsOnce } from '../../components/cellWords';
import { ColumnChooser, useChosenColumns } from '../../components/ColumnChooser';
import type { Column, Sort } from '../../components/DataTable';
import { FilterTabs } from '../../components/FilterTabs';
import { ErrorNotice } from '../../components/Notice';
import { ArchivedMatches } from '../../components/ArchivedMatches';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { ExportButton } from '../../components/workbooks/ExportButton';
import { UnitSelect } from '../../components/UnitSelect';
import { useFormat } from '../../hooks/useFormat';
import { useAskFirstPage, usePagedRows } from '../../hooks/usePagedRows';
import { markSearchFired, useRowsPainted } from '../../hooks/useFilterTiming';
import { useSearchBox } from '../../hooks/useSearchBox';
import { idParam, useUrlFilter } from '../../hooks/useUrlFilter';
import { completionTag } from './CompletionTag';
import { EnumFilter } from '../../components/EnumFilter';

const FILTER = ['q', 'unit', 'completion', 'truth', 'kind', 'batch', 'sort', 'desc'] as const;

/** 交办日期 is left out at first: the batch says as much, and the table then fits a laptop at 125 %. */
const DEFAULT_COLUMNS = ['receiptNumber', 'batch', 'subject', 'problem', 'unit', 'truth', 'completion'];
const FIXED_COLUMNS: ReadonlySet<string> = new Set(['receiptNumber', 'problem']);

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined => (values.includes(value as T) ? (value as T) : undefined);

type Filter = Record<(typeof FILTER)[number], string>;

/** Whether anything narrows the cases shown (the order does not). */
const isFiltered = (filter: Readonly<Filter>): boolean => FILTER.some((key) => key !== 'sort' && key !== 'desc' && filter[key].trim() !== '');

/** What the filter in the address asks of the core; a value it does not know is left out. */
function queryOf(filter: Readonly<Filter>): PetitionQuery {
  const completions = filter.completion.split(',').flatMap((c) => oneOf(PETITION_COMPLETIONS, c) ?? []);
  const unitId = idParam(filter.unit);
  const batch = idParam(filter.batch);
  const truth = oneOf(PETITION_TRUTHS, filter.truth);
  const pollutionKind = oneOf(POLLUTION_KINDS, filter.kind);
  return {
    ...(filter.q.trim() ? { search: filter.q.trim() } : {}),
    ...(unitId ? { unitId } : {}),
    ...(completions.length ? { completions } : {}),
    ...(truth ? { truth } : {}),
    ...(pollutionKind ? { pollutionKind } : {}),
    ...(batch ? { batch } : {}),
    sort: oneOf(PETITION_SORTS, filter.sort) ?? 'receiptNumber',
    descending: filter.desc === '1',
  };
}

/**
 * 信访件: the petition cases handed over, read page by page (there may be thousands), filtered by
 * unit, completion, truth, kind and batch, searched by receipt number, subject, problem or region.
 */
export function Petitions() {
  const { t } = useTranslation('petitions');
  const format = useFormat();
  const navigate = useNavigate();
  const [filter, setUrlFilter] = useUrlFilter(FILTER);
  const askRows = useAskFirstPage('petitions', 'list');
  const setFilter = (change: Partial<Filter>): void => {
    askRows(queryOf({ ...filter, ...change }));
    setUrlFilter(change);
  };
  const [search, setSearch] = useSearchBox(filter.q, (q) => {
    markSearchFired('petitions');
    setFilter({ q });
  });

  const query = useMemo(() => queryOf(filter), [filter]);
  const cases = usePagedRows('petitions', 'list', query);
  // The core answers one call at a time: the archived matches are asked once the rows are painted.
  const painted = useRowsPainted('petitions', cases.settledKey);
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const sort: Sort = { key: query.sort ?? 'receiptNumber', direction: query.descending ? 'desc' : 'asc' };

  // Built once for what they depend on, so that a search being typed does not draw the rows again.
  const columns = useMemo((): Column<PetitionRow>[] => {
    const words = wordsOnce(t);
    return [
      { key: 'receiptNumber', header: words('fields.receiptNumber'), width: '12.5rem', sortable: true, render: (p) => p.receiptNumber },
      {
        key: 'batch',
        header: words('fields.batch'),
        width: '6.5rem',
        sortable: true,
        align: 'end',
        render: (p) => (p.batch === null ? '' : words('batchNumber', { batch: p.batch })),
      },
      { key: 'handedOverOn', header: words('fields.handedOverOn'), width: '9.5rem', sortable: true, render: (p) => format.date(p.handedOverOn) },
      { key: 'subject', header: words('fields.subject'), width: 'minmax(9rem, 1.2fr)', render: (p) => p.subject, title: (p) => p.subject },
      { key: 'problem', header: words('fields.problem'), width: 'minmax(14rem, 2.5fr)', render: (p) => p.problem, title: (p) => p.problem },
      { key: 'unit', header: words('fields.unitId'), width: 'minmax(8rem, 1fr)', render: (p) => p.unitName ?? '' },
      {
        key: 'pollutionKinds',
        header: words('fields.pollutionKinds'),
        width: '8rem',
        render: (p) => p.pollutionKinds.map((kind) => words(`common:enums.pollutionKind.${kind}`)).join(words('common:listSeparator')),
      },
      { key: 'truth', header: words('fields.truth'), width: '7.5rem', render: (p) => (p.truth ? words(`common:enums.truth.${p.truth}`) : '') },
      { key: 'completion', header: words('fields.completion'), width: '9rem', align: 'center', render: (p) => completionTag(words, p.completion) },
    ];
  }, [t, format]);
  const { shownColumns, chooser } = useChosenColumns('petitions.columns', columns, FIXED_COLUMNS, DEFAULT_COLUMNS);
  const open = useCallback((p: PetitionRow) => navigate(`/petitions/${p.id}`), [navigate]);

  return (
    <div className="list-page">
      <PageHeader
        title={t('title')}
        subtitle={cases.total === null ? '' : t(isFiltered(filter) ? 'countFiltered' : 'count', { count: cases.total, shown: format.number(cases.total) })}
        actions={
          <>
            <ColumnChooser {...chooser} />
            <ExportButton request={{ kind: 'petitions', query }} />
            <button type="button" className="button button--primary" onClick={() => navigate('/petitions/new')}>
              {t('add')}
            </button>
          </>
        }
      />
      <div className="filters" role="search" aria-label={t('filters')}>
        <label className="filters__search">
          <span className="visually-hidden">{t('search')}</span>
          <input type="search" value={search} placeholder={t('searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <UnitSelect units={units.data ?? []} value={filter.unit} onChange={(unit) => setFilter({ unit })} label={t('fields.unitId')} />
        <EnumFilter
          label={t('fields.truth')}
          name="truth"
          values={PETITION_TRUTHS}
          value={query.truth ?? null}
          anyLabel={t('any')}
          onChange={(truth) => setFilter({ truth: truth ?? '' })}
        />
        <EnumFilter
          label={t('fields.pollutionKind')}
          name="pollutionKind"
          values={POLLUTION_KINDS}
          value={query.pollutionKind ?? null}
          anyLabel={t('any')}
          onChange={(kind) => setFilter({ kind: kind ?? '' })}
        />
        <label>
          {t('fields.batch')}
          <input type="number" min={1} className="filters__number" value={filter.batch} onChange={(e) => setFilter({ batch: e.target.value })} />
        </label>
      </div>
      <FilterTabs
        label={t('fields.completion')}
        tabs={[{ key: '', label: t('all') }, ...PETITION_COMPLETIONS.map((c) => ({ key: c, label: t(`common:enums.completion.${c}`) }))]}
        chosen={query.completions?.join(',') ?? ''}
        onChoose={(completion) => setFilter({ completion })}
      />
      <ErrorNotice error={cases.error} />
      {filter.q.trim() && painted && <ArchivedMatches text={filter.q} kind="petition_case" />}
      <PagedTable
        label={t('title')}
        columns={shownColumns}
        rows={cases}
        rowKey={(p) => p.id}
        onOpen={open}
        sort={sort}
        onSort={(next) => setFilter({ sort: next.key === 'receiptNumber' ? '' : next.key, desc: next.direction === 'desc' ? '1' : '' })}
        height="fill"
        loading={t('loading')}
        empty={t('empty')}
      />
    </div>
  );
}
