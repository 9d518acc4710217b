import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SiteVisit } from '../../../contract/siteVisits';
import type { IsoDate } from '../../../shared/dates';
import { useContractQuery } from '../../api/useContract';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Tag } from '../../components/Tag';
import { UnitSelect } from '../../components/UnitSelect';
import { useFormat } from '../../hooks/useFormat';
import { idParam, useUrlFilter } from '../../hooks/useUrlFilter';

const FILTER = ['unit', 'from', 'to'] as const;

/** 实地督导: the visits, newest first, with how many problems each found and how many are put right. */
export function Visits() {
  const { t } = useTranslation('visits');
  const format = useFormat();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilter(FILTER);
  const unitId = idParam(filter.unit);
  const query = {
    ...(unitId ? { unitId } : {}),
    ...(filter.from ? { from: filter.from as IsoDate } : {}),
    ...(filter.to ? { to: filter.to as IsoDate } : {}),
  };
  const visits = useContractQuery('siteVisits', 'list', [query], { keepPrevious: true });
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const findings = useContractQuery('findings', 'list', []);
  const found = useMemo(() => {
    const counts = new Map<number, { all: number; open: number }>();
    for (const f of findings.data ?? []) {
      if (f.origin.source !== 'visit') continue;
      const count = counts.get(f.origin.siteVisitId) ?? { all: 0, open: 0 };
      counts.set(f.origin.siteVisitId, { all: count.all + 1, open: count.open + (f.rectified ? 0 : 1) });
    }
    return counts;
  }, [findings.data]);

  const columns: Column<SiteVisit>[] = [
    { key: 'visitedOn', header: t('fields.visitedOn'), width: '9.5rem', render: (v) => format.date(v.visitedOn) },
    { key: 'places', header: t('fields.places'), width: 'minmax(14rem, 3fr)', render: (v) => v.places, title: (v) => v.places },
    { key: 'unit', header: t('visitedUnit'), width: 'minmax(8rem, 1.2fr)', render: (v) => units.data?.find((u) => u.id === v.unitId)?.name ?? '' },
    {
      key: 'unannounced',
      header: t('way'),
      width: '8.5rem',
      align: 'center',
      render: (v) => (v.unannounced ? <Tag tone="info">{t('unannounced')}</Tag> : t('announced')),
    },
    {
      key: 'findings',
      header: t('findings.title'),
      width: '9rem',
      align: 'end',
      render: (v) => {
        const count = found.get(v.id);
        return count ? t('findings.count', { count: count.all, open: count.open }) : '';
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={visits.data ? t('count', { count: visits.data.length }) : ''}
        actions={
          <button type="button" className="button button--primary" onClick={() => navigate('/visits/new')}>
            {t('add')}
          </button>
        }
      />
      <div className="filters" role="search" aria-label={t('filters')}>
        <UnitSelect units={units.data ?? []} value={filter.unit} onChange={(unit) => setFilter({ unit })} label={t('visitedUnit')} />
        <span className="filters__group" role="group" aria-label={t('fields.visitedOn')}>
          <label>
            {t('fields.visitedOn')}
            <input type="date" aria-label={t('from')} value={filter.from} max={filter.to || undefined} onChange={(e) => setFilter({ from: e.target.value })} />
          </label>
          <span aria-hidden="true">{t('app:filters.to')}</span>
          <input type="date" aria-label={t('to')} value={filter.to} min={filter.from || undefined} onChange={(e) => setFilter({ to: e.target.value })} />
        </span>
      </div>
      <ErrorNotice error={visits.error} />
      <DataTable
        label={t('title')}
        columns={columns}
        rows={visits.data ?? []}
        rowKey={(v) => v.id}
        onOpen={(v) => navigate(`/visits/${v.id}`)}
        empty={t('empty')}
        height={620}
      />
    </>
  );
}
