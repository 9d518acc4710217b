import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProgressReportRow } from '../../../contract/progress';
import { useFormat } from '../../hooks/useFormat';
import { ReportArticle } from './ProgressHistory';

/**
 * 单位报完成，待核查: the lead units' reports that the task is completed, as the close-out shows
 * them before the group takes them up, and as the request the check starts from.
 */
export function ReportedCompletion({ reports }: { reports: readonly ProgressReportRow[] }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  return (
    <div className="reported-completion">
      <p className="reported-completion__title">{t('common:enums.checkStage.reported')}</p>
      {reports.map((report) => (
        <div key={report.id}>
          <p className="reported-completion__period">{t('closeOut.reportOf', { period: format.period(report.period) })}</p>
          <ReportArticle report={report} />
        </div>
      ))}
    </div>
  );
}

/** The close-out request the reports make: dated as reported, by the units and their reporters, in their words. */
export function requestFromReports(t: TFunction, reports: readonly ProgressReportRow[], today: string): { on: string; by: string; note: string } {
  const several = reports.length > 1;
  return {
    on: reports.map((report) => report.reportedOn ?? '').reduce((latest, date) => (date > latest ? date : latest), '') || today,
    by: reports.map((report) => [report.unitName, report.reporter].filter(Boolean).join(' ')).join(t('common:listSeparator')),
    note: reports.map((report) => (several ? t('tasks:closeOut.unitSaid', { unit: report.unitName, text: report.progress }) : report.progress)).join('\n'),
  };
}
