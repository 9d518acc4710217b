import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ProgressReportRow } from '../../../core/progress/model';
import { FINISHED_STATUSES, type TaskSummary } from '../../../core/tasks/model';
import type { Unit } from '../../../core/units/model';
import { isPeriod, type Period } from '../../../shared/dates';
import { ok } from '../../../shared/result';
import { useLoad } from '../../api/ApiContext';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';
import { thisPeriod } from '../../hooks/today';
import { MonthPicker } from './MonthPicker';
import { ProgressStateTag } from '../../components/ProgressStateTag';
import { ReportDialog, type ReportSubject } from './ReportDialog';

interface UnitRow {
  readonly unit: Unit;
  readonly reported: number;
  readonly missing: number;
}

interface TaskRow {
  readonly task: TaskSummary;
  readonly lead: boolean;
  readonly report: ProgressReportRow | null;
}

/**
 * 月度调度: for a month, which units reported on which tasks and which did not; each unit's open
 * tasks with this month's report, entered or reviewed from here. Month and unit are kept in the
 * address (?period=2026-11&unit=3), so the dashboard can link here.
 */
export function MonthlyDispatch() {
  const { t } = useTranslation('progress');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period') ?? '';
  const period: Period = isPeriod(asked) ? asked : thisPeriod();
  const [version, setVersion] = useState(0);
  const [reporting, setReporting] = useState<{ subject: ReportSubject; report: ProgressReportRow | null } | null>(null);

  const units = useLoad((api) => api.units.list(), []);
  const missing = useLoad((api) => api.progress.missing(period), [period, version]);
  const reports = useLoad((api) => api.progress.ofPeriod(period), [period, version]);
  // Unless one was chosen, the first unit that still owes reports (or the first unit) is shown.
  const unitId = Number(params.get('unit')) || missing.data?.[0]?.unit.id || units.data?.[0]?.id || null;
  const go = (next: { period?: Period; unit?: number }): void => {
    const unit = next.unit ?? Number(params.get('unit'));
    setParams({ period: next.period ?? period, ...(unit ? { unit: String(unit) } : {}) }, { replace: true });
  };
  const unitTasks = useLoad(async (api) => (unitId ? api.tasks.list({ unitId, limit: 1000 }) : ok(null)), [unitId, version]);

  const unitRows = useMemo<UnitRow[]>(
    () =>
      (units.data ?? []).map((unit) => ({
        unit,
        reported: new Set(reports.data?.filter((r) => r.unitId === unit.id).map((r) => r.taskId)).size,
        missing: missing.data?.find((m) => m.unit.id === unit.id)?.tasks.length ?? 0,
      })),
    [units.data, reports.data, missing.data],
  );
  const unit = units.data?.find((u) => u.id === unitId) ?? null;
  const taskRows: TaskRow[] = (unitTasks.data?.rows ?? [])
    .map((task) => ({ task, lead: task.leadUnits.some((u) => u.id === unitId), report: reports.data?.find((r) => r.taskId === task.id && r.unitId === unitId) ?? null }))
    .filter((row) => row.report !== null || !FINISHED_STATUSES.includes(row.task.status));

  const unitColumns: Column<UnitRow>[] = [
    { key: 'name', header: t('units.name'), width: 'minmax(9rem, 1fr)', render: (row) => row.unit.name, title: (row) => row.unit.name },
    { key: 'reported', header: t('units.reported'), width: '4.5rem', align: 'end', render: (row) => row.reported },
    { key: 'missing', header: t('units.missing'), width: '4.5rem', align: 'end', render: (row) => (row.missing ? <Tag tone="danger">{row.missing}</Tag> : 0) },
  ];
  const taskColumns: Column<TaskRow>[] = [
    { key: 'number', header: t('tasks:fields.number'), width: '5.5rem', render: (row) => row.task.number },
    { key: 'problem', header: t('tasks:fields.problem'), width: 'minmax(12rem, 1fr)', render: (row) => row.task.problem, title: (row) => row.task.problem },
    { key: 'role', header: t('tasks.role'), width: '8.5rem', render: (row) => t(`common:enums.unitRole.${row.lead ? 'lead' : 'cooperating'}`) },
    { key: 'state', header: t('tasks.state'), width: '7rem', align: 'center', render: (row) => (row.report ? <ProgressStateTag state={row.report.state} /> : <Tag tone="warn">{t('tasks.notReported')}</Tag>) },
    { key: 'reporter', header: t('fields.reporter'), width: '6rem', render: (row) => row.report?.reporter ?? '' },
  ];

  const openReport = (row: TaskRow): void =>
    setReporting({ subject: { taskId: row.task.id, taskNumber: row.task.number, problem: row.task.problem, unitId: unit!.id, unitName: unit!.name }, report: row.report });
  const owing = missing.data ?? [];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { period: format.period(period) })} actions={<MonthPicker period={period} onChange={(p) => go({ period: p })} />} />
      <ErrorNotice error={units.error ?? missing.error ?? reports.error ?? unitTasks.error} />
      <Section title={t('missing.title', { period: format.period(period), count: owing.length })}>
        {owing.length === 0 ? (
          <Empty>{missing.data ? t('missing.none') : ''}</Empty>
        ) : (
          <ul className="chip-list">
            {owing.map((m) => (
              <li key={m.unit.id}>
                <button type="button" className={`chip chip--button${m.unit.id === unitId ? ' chip--chosen' : ''}`} onClick={() => go({ unit: m.unit.id })}>
                  {m.unit.name}
                  <span className="chip__count">{t('missing.tasks', { count: m.tasks.length })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <div className="master-detail">
        <div className="master-detail__list">
          <DataTable label={t('units.title')} columns={unitColumns} rows={unitRows} rowKey={(row) => row.unit.id} onOpen={(row) => go({ unit: row.unit.id })} rowMark={(row) => (row.unit.id === unitId ? 'chosen' : undefined)} empty={t('units.empty')} height={560} />
        </div>
        <div className="master-detail__detail">
          {unit ? (
            <Section title={t('tasks.title', { unit: unit.name })}>
              <p className="section__intro">{t('tasks.intro')}</p>
              <DataTable label={t('tasks.title', { unit: unit.name })} columns={taskColumns} rows={taskRows} rowKey={(row) => row.task.id} onOpen={openReport} empty={t('tasks.empty')} height={480} />
            </Section>
          ) : (
            <Empty>{t('units.choose')}</Empty>
          )}
        </div>
      </div>
      {reporting && (
        <ReportDialog
          subject={reporting.subject}
          period={period}
          report={reporting.report}
          onClose={() => setReporting(null)}
          onSaved={() => {
            setReporting(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </>
  );
}
