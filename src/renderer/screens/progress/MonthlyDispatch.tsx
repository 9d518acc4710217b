import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ProgressReportRow } from '../../../contract/progress';
import { FINISHED_STATUSES, type TaskSummary } from '../../../contract/tasks';
import { isPeriod, type Period } from '../../../shared/dates';
import { useContractQuery } from '../../api/useContract';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';
import { DispatchMonthControl } from './DispatchMonthControl';
import { DispatchUnits } from './DispatchUnits';
import { DispatchWorkbooks } from './DispatchWorkbooks';
import { MonthPicker } from '../../components/MonthPicker';
import { ProgressStateTag } from '../../components/ProgressStateTag';
import { ReportDialog, type ReportSubject } from './ReportDialog';

interface TaskRow {
  readonly task: TaskSummary;
  readonly lead: boolean;
  readonly report: ProgressReportRow | null;
}

/**
 * 月度调度, the month in one place: every unit's month at a glance (what it owes and reported, its
 * workbook out and back, the letters it got), the workbooks written and taken back, 催报 to the
 * units behind, and a unit's tasks with the month's report, entered or reviewed here. The month
 * shown is the one the office collects unless another is chosen; month and unit are kept in the
 * address (?period=2026-11&unit=3), so the home page can link here.
 */
export function MonthlyDispatch() {
  const { t } = useTranslation('progress');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period') ?? '';
  const dispatch = useContractQuery('dispatch', 'month', []);
  const [ticked, setTicked] = useState<readonly number[]>([]);
  const [reporting, setReporting] = useState<{ subject: ReportSubject; report: ProgressReportRow | null } | null>(null);

  const period: Period | null = isPeriod(asked) ? asked : (dispatch.data?.period ?? null);
  const units = useContractQuery('units', 'list', []);
  const overview = useContractQuery('dispatch', 'overview', period ? [period] : null);
  // Unless one was chosen, the first unit that still owes reports (or the first unit) is shown.
  const unitId = Number(params.get('unit')) || overview.data?.units.find((row) => row.reported < row.owed)?.unit.id || units.data?.[0]?.id || null;
  const go = (next: { period?: Period; unit?: number }): void => {
    const unit = next.unit ?? Number(params.get('unit'));
    const month = next.period ?? period;
    setParams({ ...(month ? { period: month } : {}), ...(unit ? { unit: String(unit) } : {}) }, { replace: true });
  };
  const unitTasks = useContractQuery('tasks', 'list', unitId ? [{ unitId, limit: 1000 }] : null);
  // The unit's own reports of the month: a province's month holds 20,000 (10 MB, were they all asked).
  const reports = useContractQuery('progress', 'ofPeriod', period && unitId ? [period, unitId] : null);
  const reportOn = new Map((reports.data ?? []).map((report) => [report.taskId, report]));

  const unit = units.data?.find((u) => u.id === unitId) ?? null;
  const taskRows: TaskRow[] = (unitTasks.data?.rows ?? [])
    .map((task) => ({
      task,
      lead: task.leadUnits.some((u) => u.id === unitId),
      report: reportOn.get(task.id) ?? null,
    }))
    .filter((row) => row.report !== null || !FINISHED_STATUSES.includes(row.task.status));

  const taskColumns: Column<TaskRow>[] = [
    { key: 'number', header: t('tasks:fields.number'), width: '5.5rem', render: (row) => row.task.number },
    { key: 'problem', header: t('tasks:fields.problem'), width: 'minmax(12rem, 1fr)', render: (row) => row.task.problem, title: (row) => row.task.problem },
    { key: 'role', header: t('tasks.role'), width: '8.5rem', render: (row) => t(`common:enums.unitRole.${row.lead ? 'lead' : 'cooperating'}`) },
    {
      key: 'state',
      header: t('tasks.state'),
      width: '7rem',
      align: 'center',
      render: (row) => (row.report ? <ProgressStateTag state={row.report.state} /> : <Tag tone="warn">{t('tasks.notReported')}</Tag>),
    },
    { key: 'reporter', header: t('fields.reporter'), width: '6rem', render: (row) => row.report?.reporter ?? '' },
  ];

  const openReport = (row: TaskRow): void =>
    setReporting({
      subject: { taskId: row.task.id, taskNumber: row.task.number, problem: row.task.problem, unitId: unit!.id, unitName: unit!.name },
      report: row.report,
    });
  if (!period) return <ErrorNotice error={dispatch.error} />;

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { period: format.period(period) })}
        actions={
          <>
            <MonthPicker period={period} onChange={(p) => go({ period: p })} />
            {dispatch.data && <DispatchMonthControl month={dispatch.data} shown={period} onSet={(p) => go({ period: p })} />}
          </>
        }
      />
      <ErrorNotice error={units.error ?? overview.error ?? reports.error ?? unitTasks.error} />
      {overview.data && <DispatchUnits overview={overview.data} chosenUnit={unitId} ticked={ticked} onTick={setTicked} onOpen={(id) => go({ unit: id })} />}
      <DispatchWorkbooks period={period} unitIds={ticked} />
      {unit ? (
        <Section title={t('tasks.title', { unit: unit.name })}>
          <p className="section__intro">{t('tasks.intro')}</p>
          <DataTable
            label={t('tasks.title', { unit: unit.name })}
            columns={taskColumns}
            rows={taskRows}
            rowKey={(row) => row.task.id}
            onOpen={openReport}
            empty={t('tasks.empty')}
            height={480}
          />
        </Section>
      ) : (
        <Empty>{t('units.choose')}</Empty>
      )}
      {reporting && (
        <ReportDialog
          subject={reporting.subject}
          period={period}
          report={reporting.report}
          onClose={() => setReporting(null)}
          onSaved={() => setReporting(null)}
        />
      )}
    </>
  );
}
