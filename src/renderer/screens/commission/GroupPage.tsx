import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportAccountabilityRow, ReportTaskRow } from '../../../contract/rollup';
import { useContractQuery } from '../../api/useContract';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { TaskStatusTag } from '../../components/tasks/TaskTags';
import { useFormat } from '../../hooks/useFormat';
import { useRecordParam } from '../../hooks/useRecordParam';

/** One group's latest package: the tasks behind its figures, and its accountability cases. */
export function GroupPage() {
  const { t } = useTranslation('rollup');
  const format = useFormat();
  const id = useRecordParam();
  const group = useContractQuery('rollup', 'group', id ? [id] : null);
  if (!group.data) return <ErrorNotice error={group.error} />;
  const g = group.data;
  return (
    <>
      <PageHeader
        title={g.name}
        subtitle={t('group.subtitle', { period: format.period(g.period), madeAt: format.instant(g.madeAt), fingerprint: g.fingerprint })}
        actions={
          <Link to="/" className="button">
            {t('back')}
          </Link>
        }
      />
      <Section title={t('group.tasks', { count: g.rows.tasks.length, overdue: g.tasks.overdue })}>
        <TaskRows rows={g.rows.tasks} />
      </Section>
      <Section title={t('group.accountability')}>
        {g.rows.accountability.length ? <AccountabilityRows rows={g.rows.accountability} /> : <Empty>{t('group.noCases')}</Empty>}
      </Section>
    </>
  );
}

function TaskRows({ rows }: { rows: readonly ReportTaskRow[] }) {
  const { t } = useTranslation('rollup');
  const format = useFormat();
  return (
    <table className="commission-table" aria-label={t('group.taskTable')}>
      <thead>
        <tr>
          <th scope="col">{t('columns.number')}</th>
          <th scope="col">{t('columns.problem')}</th>
          <th scope="col">{t('columns.leads')}</th>
          <th scope="col">{t('columns.deadline')}</th>
          <th scope="col">{t('columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <td>{row.number}</td>
            <td className="commission-table__text">{row.problem}</td>
            <td>{row.leadUnits.join(t('common:listSeparator'))}</td>
            <td className="commission-table__nowrap">
              {row.deadline ? format.date(row.deadline) : t(`common:enums.deadlineKind.${row.deadlineKind}`)}
              {row.overdue && <Tag tone="danger">{t('group.overdue')}</Tag>}
            </td>
            <td className="commission-table__nowrap">
              <TaskStatusTag status={row.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AccountabilityRows({ rows }: { rows: readonly ReportAccountabilityRow[] }) {
  const { t } = useTranslation('rollup');
  const format = useFormat();
  return (
    <table className="commission-table" aria-label={t('group.accountability')}>
      <thead>
        <tr>
          <th scope="col">{t('columns.issue')}</th>
          <th scope="col">{t('columns.state')}</th>
          <th scope="col">{t('columns.subjects')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            <td className="commission-table__text">{row.issue}</td>
            <td>
              {t(`common:enums.accountabilityState.${row.state}`)} {row.concludedOn && format.date(row.concludedOn)}
            </td>
            <td>{t('group.subjects', { units: row.subjects.unit, enterprises: row.subjects.enterprise, persons: row.subjects.person })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
