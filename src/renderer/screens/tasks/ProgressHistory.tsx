import { useTranslation } from 'react-i18next';
import type { ProgressReportRow } from '../../../contract/progress';
import { Empty } from '../../components/Section';
import { useFormat } from '../../hooks/useFormat';
import { ProgressStateTag } from '../../components/ProgressStateTag';

/** Groups the reports by month, newest month first. */
function byPeriod(reports: readonly ProgressReportRow[]): [string, ProgressReportRow[]][] {
  const groups = new Map<string, ProgressReportRow[]>();
  for (const report of reports) groups.set(report.period, [...(groups.get(report.period) ?? []), report]);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? 1 : -1));
}

/** One unit's report: who, its state, who reported it and when, and what it says. */
export function ReportArticle({ report }: { report: ProgressReportRow }) {
  const { t } = useTranslation('progress');
  const format = useFormat();
  return (
    <article className="report">
      <header className="report__head">
        <strong>{report.unitName}</strong>
        <ProgressStateTag state={report.state} />
        <span className="report__by">
          {[report.reporter, report.reporterPhone, format.date(report.reportedOn)].filter(Boolean).join(t('history.separator'))}
        </span>
      </header>
      <dl className="report__body">
        {(['progress', 'problems', 'nextSteps', 'evidenceNote'] as const)
          .filter((field) => report[field] !== '')
          .map((field) => (
            <div key={field}>
              <dt>{t(`fields.${field}`)}</dt>
              <dd>{report[field]}</dd>
            </div>
          ))}
      </dl>
    </article>
  );
}

/** 月度进展: what each unit reported on the task, month by month. */
export function ProgressHistory({ reports }: { reports: readonly ProgressReportRow[] }) {
  const { t } = useTranslation('progress');
  const format = useFormat();
  if (reports.length === 0) return <Empty>{t('history.empty')}</Empty>;
  return (
    <ol className="timeline">
      {byPeriod(reports).map(([period, rows]) => (
        <li key={period} className="timeline__month">
          <h3 className="timeline__period">{format.period(period)}</h3>
          {rows.map((report) => (
            <ReportArticle key={report.id} report={report} />
          ))}
        </li>
      ))}
    </ol>
  );
}
