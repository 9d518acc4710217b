import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommissionOverview } from '../../../contract/rollup';
import { formatPercent } from '../../../shared/i18n/format';
import { useContractQuery } from '../../api/useContract';
import { Figure } from '../../components/Figure';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Section } from '../../components/Section';
import { ExportButton } from '../../components/workbooks/ExportButton';
import { useFormat } from '../../hooks/useFormat';
import { GroupTable } from './GroupTable';

const sum = (overview: CommissionOverview, figure: (group: CommissionOverview['groups'][number]) => number): number =>
  overview.groups.reduce((total, group) => total + figure(group), 0);

/**
 * The commission's home page: the supervision groups side by side, from each one's latest report
 * package; who has not yet reported the month; each group's name leads to the rows it reported.
 */
export function Commission() {
  const { t } = useTranslation('rollup');
  const format = useFormat();
  const overview = useContractQuery('rollup', 'overview', []);
  if (!overview.data) return <ErrorNotice error={overview.error} />;
  const o = overview.data;
  const period = format.period(o.period);
  const actions = (
    <>
      {o.groups.length > 0 && <ExportButton request={{ kind: 'groups' }} />}
      <Link to="/rollup" className="button button--primary">
        {t('dashboard.import')}
      </Link>
    </>
  );
  const late = o.groups.filter((group) => !group.reported);
  const petitions = sum(o, (g) => g.petitions.total);
  const n = format.number;
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle', { period })} actions={actions} />
      {o.groups.length === 0 ? (
        <Section title={t('dashboard.table')}>
          <Empty>{t('dashboard.none')}</Empty>
        </Section>
      ) : (
        <>
          <div className="figures figures--five">
            <Figure
              label={t('figures.groups')}
              value={n(o.groups.length)}
              unit={t('figures.groupUnit')}
              note={t('figures.reported', { count: o.groups.length - late.length, period })}
            />
            <Figure
              label={t('figures.tasks')}
              value={n(sum(o, (g) => g.tasks.total))}
              unit={t('figures.taskUnit')}
              note={t('figures.completed', { count: n(sum(o, (g) => g.tasks.byStatus.completed + g.tasks.byStatus.closed)) })}
            />
            <Figure
              label={t('figures.overdue')}
              value={n(sum(o, (g) => g.tasks.overdue))}
              unit={t('figures.taskUnit')}
              tone={sum(o, (g) => g.tasks.overdue) ? 'danger' : 'neutral'}
            />
            <Figure
              label={t('figures.petitions')}
              value={n(petitions)}
              unit={t('figures.petitionUnit')}
              note={t('figures.petitionRate', { rate: formatPercent(petitions ? sum(o, (g) => g.petitions.byCompletion.completed) / petitions : 0) })}
            />
            <Figure
              label={t('figures.accountability')}
              value={n(sum(o, (g) => g.accountability.cases))}
              unit={t('figures.caseUnit')}
              note={t('figures.persons', { count: n(sum(o, (g) => g.accountability.subjects.person)) })}
            />
          </div>
          {late.length ? (
            <InfoNotice>{t('dashboard.notReported', { period, groups: late.map((g) => g.name).join(t('common:listSeparator')) })}</InfoNotice>
          ) : (
            <InfoNotice>{t('dashboard.allReported', { period })}</InfoNotice>
          )}
          <Section title={t('dashboard.table')}>
            <GroupTable groups={o.groups} period={period} />
          </Section>
        </>
      )}
    </>
  );
}
