import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { ReportGist, TaskSummary } from '../../../contract/tasks';
import { progressStateTag } from '../../components/ProgressStateTag';
import type { Format } from '../../hooks/useFormat';

/**
 * 最新进展: what each lead unit last reported on the task — its state, the month and its words —
 * the unit named when the task has more than one lead unit. A cell of the ledger, with its `t`.
 */
const words = (report: ReportGist, several: boolean, format: Format): string =>
  [several ? report.unitName : '', format.period(report.period), report.progress].filter(Boolean).join(' ');

/** The whole of it in one text, for the cell's tooltip. */
export function latestProgressText(t: TFunction, format: Format, task: TaskSummary): string {
  const several = task.latestReports.length > 1;
  return task.latestReports.map((report) => `${t(`common:enums.progressState.${report.state}`)} ${words(report, several, format)}`).join('\n');
}

export function latestProgress(t: TFunction, format: Format, task: TaskSummary): ReactNode {
  if (task.latestReports.length === 0) return <span className="latest-progress__none">{t('tasks:ledger.notReported')}</span>;
  const several = task.latestReports.length > 1;
  return (
    <span className="latest-progress">
      {task.latestReports.map((report) => (
        <span key={report.id} className="latest-progress__report">
          {progressStateTag(t, report.state)}
          {words(report, several, format)}
        </span>
      ))}
    </span>
  );
}
