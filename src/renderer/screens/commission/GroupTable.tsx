import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupOverview } from '../../../contract/rollup';
import { formatPercent } from '../../../shared/i18n/format';
import { Tag } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';

/** The groups side by side: each one's latest package, its tasks, petitions and accountability. */
export function GroupTable({ groups, period }: { groups: readonly GroupOverview[]; period: string }) {
  const { t } = useTranslation('rollup');
  const format = useFormat();
  const n = format.number;
  return (
    <table className="commission-table" aria-label={t('dashboard.table')}>
      <thead>
        <tr>
          <th scope="col">{t('columns.group')}</th>
          <th scope="col">{t('columns.period')}</th>
          <th scope="col" className="commission-table__number">
            {t('columns.tasks')}
          </th>
          <th scope="col" className="commission-table__number">
            {t('columns.completed')}
          </th>
          <th scope="col" className="commission-table__number">
            {t('columns.rate')}
          </th>
          <th scope="col" className="commission-table__number">
            {t('columns.overdue')}
          </th>
          <th scope="col" className="commission-table__number">
            {t('columns.petitions')}
          </th>
          <th scope="col" className="commission-table__number">
            {t('columns.petitionRate')}
          </th>
          <th scope="col" className="commission-table__number">
            {t('columns.accountability')}
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.id}>
            <th scope="row">
              <Link to={`/groups/${group.id}`}>{group.name}</Link>
            </th>
            <td className="commission-table__nowrap">
              {format.period(group.period)} {!group.reported && <Tag tone="warn">{t('dashboard.late', { period })}</Tag>}
            </td>
            <td className="commission-table__number">{n(group.tasks.total)}</td>
            <td className="commission-table__number">{n(group.tasks.byStatus.completed + group.tasks.byStatus.closed)}</td>
            <td className="commission-table__number">{formatPercent(group.tasks.completionRate)}</td>
            <td className={`commission-table__number${group.tasks.overdue ? ' commission-table__danger' : ''}`}>{n(group.tasks.overdue)}</td>
            <td className="commission-table__number">{n(group.petitions.total)}</td>
            <td className="commission-table__number">{formatPercent(group.petitions.completionRate)}</td>
            <td className="commission-table__number">
              {t('dashboard.cases', { cases: n(group.accountability.cases), persons: n(group.accountability.subjects.person) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
