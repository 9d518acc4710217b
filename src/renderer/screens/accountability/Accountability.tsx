import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type AccountabilityCase, ACCOUNTABILITY_STATES, SUBJECT_KINDS } from '../../../contract/accountability';
import { useContractQuery } from '../../api/useContract';
import { type Column, DataTable } from '../../components/DataTable';
import { FilterTabs } from '../../components/FilterTabs';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Tag } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';
import { useUrlFilter } from '../../hooks/useUrlFilter';

const FILTER = ['state'] as const;

/** 问责: the issues handed over and who was held accountable, those under investigation first. */
export function Accountability() {
  const { t } = useTranslation('accountability');
  const format = useFormat();
  const navigate = useNavigate();
  const [filter, setFilter] = useUrlFilter(FILTER);
  const cases = useContractQuery('accountability', 'list', []);
  const shown = (cases.data ?? []).filter((c) => !filter.state || c.state === filter.state);
  const subjectsOf = (c: AccountabilityCase): string =>
    SUBJECT_KINDS.map((kind) => ({ kind, count: c.subjects.filter((s) => s.kind === kind).length }))
      .filter(({ count }) => count > 0)
      .map(({ kind, count }) => t('subjectCount', { kind: t(`common:enums.subjectKind.${kind}`), count }))
      .join(t('common:listSeparator'));

  const columns: Column<AccountabilityCase>[] = [
    { key: 'issue', header: t('fields.issue'), width: 'minmax(16rem, 3fr)', render: (c) => c.issue, title: (c) => c.issue },
    { key: 'handedOverOn', header: t('fields.handedOverOn'), width: '9.5rem', render: (c) => format.date(c.handedOverOn) },
    { key: 'subjects', header: t('subjects.title'), width: 'minmax(10rem, 1.5fr)', render: subjectsOf, title: subjectsOf },
    {
      key: 'state',
      header: t('fields.state'),
      width: '8rem',
      align: 'center',
      render: (c) => <Tag tone={c.state === 'concluded' ? 'ok' : 'warn'}>{t(`common:enums.accountabilityState.${c.state}`)}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={cases.data ? t('count', { count: shown.length }) : ''}
        actions={
          <button type="button" className="button button--primary" onClick={() => navigate('/accountability/new')}>
            {t('add')}
          </button>
        }
      />
      <FilterTabs
        label={t('fields.state')}
        tabs={['', ...ACCOUNTABILITY_STATES].map((state) => ({
          key: state,
          label: state ? t(`common:enums.accountabilityState.${state}`) : t('all'),
          count: (cases.data ?? []).filter((c) => !state || c.state === state).length,
        }))}
        chosen={filter.state}
        onChoose={(state) => setFilter({ state })}
      />
      <ErrorNotice error={cases.error} />
      <DataTable
        label={t('title')}
        columns={columns}
        rows={shown}
        rowKey={(c) => c.id}
        onOpen={(c) => navigate(`/accountability/${c.id}`)}
        empty={t('empty')}
        height={620}
      />
    </>
  );
}
