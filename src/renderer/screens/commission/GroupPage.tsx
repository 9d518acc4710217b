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
import { type Column, CommissionTable } from './CommissionTable';

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
  const columns: Column<ReportTaskRow>[] = [
    { label: t('columns.number'), cell: (row) => row.number },
    { label: t('columns.problem'), kind: 'text', cell: (row) => row.problem },
    { label: t('columns.leads'), cell: (row) => row.leadUnits.join(t('common:listSeparator')) },
    {
      label: t('columns.deadline'),
      kind: 'nowrap',
      cell: (row) => (
        <>
          {row.deadline ? format.date(row.deadline) : t(`common:enums.deadlineKind.${row.deadlineKind}`)}
          {row.overdue && <Tag tone="danger">{t('group.overdue')}</Tag>}
        </>
      ),
    },
    { label: t('columns.status'), kind: 'nowrap', cell: (row) => <TaskStatusTag status={row.status} /> },
  ];
  return <CommissionTable label={t('group.taskTable')} columns={columns} rows={rows} rowKey={(_row, index) => index} />;
}

function AccountabilityRows({ rows }: { rows: readonly ReportAccountabilityRow[] }) {
  const { t } = useTranslation('rollup');
  const format = useFormat();
  const columns: Column<ReportAccountabilityRow>[] = [
    { label: t('columns.issue'), kind: 'text', cell: (row) => row.issue },
    { label: t('columns.state'), cell: (row) => `${t(`common:enums.accountabilityState.${row.state}`)} ${format.date(row.concludedOn)}` },
    {
      label: t('columns.subjects'),
      cell: (row) => t('group.subjects', { units: row.subjects.unit, enterprises: row.subjects.enterprise, persons: row.subjects.person }),
    },
  ];
  return <CommissionTable label={t('group.accountability')} columns={columns} rows={rows} rowKey={(_row, index) => index} />;
}
