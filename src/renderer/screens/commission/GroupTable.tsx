import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupOverview } from '../../../contract/rollup';
import { formatPercent } from '../../../shared/i18n/format';
import { Tag } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';
import { type Column, CommissionTable } from './CommissionTable';

/** The groups side by side: each one's latest package, its tasks, petitions and accountability. */
export function GroupTable({ groups, period }: { groups: readonly GroupOverview[]; period: string }) {
  const { t } = useTranslation('rollup');
  const format = useFormat();
  const n = format.number;
  const columns: Column<GroupOverview>[] = [
    { label: t('columns.group'), kind: 'heading', cell: (g) => <Link to={`/groups/${g.id}`}>{g.name}</Link> },
    {
      label: t('columns.period'),
      kind: 'nowrap',
      cell: (g) => (
        <>
          {format.period(g.period)} {!g.reported && <Tag tone="warn">{t('dashboard.late', { period })}</Tag>}
        </>
      ),
    },
    { label: t('columns.tasks'), kind: 'number', cell: (g) => n(g.tasks.total) },
    { label: t('columns.completed'), kind: 'number', cell: (g) => n(g.tasks.byStatus.completed + g.tasks.byStatus.closed) },
    { label: t('columns.rate'), kind: 'number', cell: (g) => formatPercent(g.tasks.completionRate) },
    { label: t('columns.overdue'), kind: 'number', cell: (g) => n(g.tasks.overdue), className: (g) => (g.tasks.overdue ? 'commission-table__danger' : '') },
    { label: t('columns.petitions'), kind: 'number', cell: (g) => n(g.petitions.total) },
    { label: t('columns.petitionRate'), kind: 'number', cell: (g) => formatPercent(g.petitions.completionRate) },
    {
      label: t('columns.accountability'),
      kind: 'number',
      cell: (g) => t('dashboard.cases', { cases: n(g.accountability.cases), persons: n(g.accountability.subjects.person) }),
    },
  ];
  return <CommissionTable label={t('dashboard.table')} columns={columns} rows={groups} rowKey={(g) => g.id} />;
}
