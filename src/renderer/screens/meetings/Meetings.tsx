import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MEETING_KINDS, type Meeting } from '../../../contract/meetings';
import { useContractQuery } from '../../api/useContract';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { UnitSelect } from '../../components/UnitSelect';
import { useFormat } from '../../hooks/useFormat';
import { idParam, useUrlFilter } from '../../hooks/useUrlFilter';
import { EnumOptions } from '../../components/EnumOptions';

const FILTER = ['kind', 'unit'] as const;

/** 会议: the resident unit's meetings the group attended, newest first, by kind and unit. */
export function Meetings() {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilter(FILTER);
  const meetings = useContractQuery('meetings', 'list', []);
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const unitId = idParam(filter.unit);
  const shown = (meetings.data ?? []).filter((m) => (!filter.kind || m.kind === filter.kind) && (!unitId || m.unitId === unitId));

  const columns: Column<Meeting>[] = [
    { key: 'heldOn', header: t('fields.heldOn'), width: '9.5rem', render: (m) => format.date(m.heldOn) },
    { key: 'kind', header: t('fields.kind'), width: '7rem', render: (m) => t(`common:enums.meetingKind.${m.kind}`) },
    { key: 'title', header: t('fields.title'), width: 'minmax(14rem, 3fr)', render: (m) => m.title, title: (m) => m.title },
    { key: 'unit', header: t('fields.unitId'), width: 'minmax(8rem, 1.2fr)', render: (m) => units.data?.find((u) => u.id === m.unitId)?.name ?? '' },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={meetings.data ? t('count', { count: shown.length }) : ''}
        actions={
          <button type="button" className="button button--primary" onClick={() => navigate('/meetings/new')}>
            {t('add')}
          </button>
        }
      />
      <div className="filters" role="search" aria-label={t('filters')}>
        <label>
          {t('fields.kind')}
          <select value={filter.kind} onChange={(e) => setFilter({ kind: e.target.value })}>
            <option value="">{t('allKinds')}</option>
            <EnumOptions name="meetingKind" values={MEETING_KINDS} />
          </select>
        </label>
        <UnitSelect units={units.data ?? []} value={filter.unit} onChange={(unit) => setFilter({ unit })} label={t('fields.unitId')} />
      </div>
      <ErrorNotice error={meetings.error} />
      <DataTable
        label={t('title')}
        columns={columns}
        rows={shown}
        rowKey={(m) => m.id}
        onOpen={(m) => navigate(`/meetings/${m.id}`)}
        empty={t('empty')}
        height={620}
      />
    </>
  );
}
