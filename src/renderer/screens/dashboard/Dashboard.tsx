import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ACCOUNTABILITY_FORMS, SUBJECT_KINDS } from '../../../contract/accountability';
import { PETITION_COMPLETIONS } from '../../../contract/petitions';
import type { LedgerStats } from '../../../contract/stats';
import { FINISHED_STATUSES, TASK_STATUSES } from '../../../contract/tasks';
import { formatPercent } from '../../../shared/i18n/format';
import { useContractQuery } from '../../api/useContract';
import { Chart } from '../../components/Chart';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Section } from '../../components/Section';
import { today } from '../../hooks/today';
import { useFormat } from '../../hooks/useFormat';
import { DeadlineText } from '../../components/tasks/TaskTags';
import { bars, ring, STATUS_COLOURS } from './charts';
import { LinkItem, LinkList } from './LinkList';
import { TodoList } from './TodoList';
import { Figure } from '../../components/Figure';
import { LedgerSizeNotice } from '../../components/ArchiveNotices';

const OVERDUE_SHOWN = 8;
const UNITS_CHARTED = 12;

/**
 * 工作台: first what waits for the office (待办), then the ledger's figures as of today: tasks and
 * their rates, what is overdue, who has not reported the month being collected, replies awaited,
 * petitions, accountability. Every number and every bar leads to the list behind it.
 */
export function Dashboard() {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const asOf = today();
  const stats = useContractQuery('stats', 'ledger', [{ asOf }]);
  const overdue = useContractQuery('tasks', 'list', [{ overdueAsOf: asOf, parentId: null, sort: 'deadline', limit: OVERDUE_SHOWN }]);
  // Asked once: the list of replies awaited and the to-do's replies due both come from it.
  const replies = useContractQuery('documents', 'awaitingReply', [asOf]);
  const todo = useContractQuery('todo', 'list', [asOf]);

  if (!stats.data) return <ErrorNotice error={stats.error} />;
  const s = stats.data;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('asOf', { date: format.date(s.asOf) })} />
      <LedgerSizeNotice />
      {todo.data && replies.data && <TodoList todo={todo.data} awaited={replies.data} />}
      <Figures stats={s} />
      <Charts stats={s} />
      <div className="dashboard__lists">
        <LinkList
          title={t('overdue.title')}
          more={{ to: '/tasks?top=1&overdue=1&sort=deadline', label: t('overdue.all', { count: s.tasks.overdue }) }}
          items={overdue.data?.rows ?? []}
          empty={t('overdue.none')}
        >
          {(task) => (
            <LinkItem key={task.id} to={`/tasks/${task.id}`} number={task.number} text={task.problem}>
              {task.leadUnits.map((u) => u.shortName || u.name).join(t('common:listSeparator'))} · <DeadlineText task={task} />
            </LinkItem>
          )}
        </LinkList>
        <LinkList
          title={t('notReported.title', { period: format.period(s.units.period) })}
          more={{ to: `/progress?period=${s.units.period}`, label: t('notReported.open') }}
          items={s.units.notReported}
          empty={t('notReported.none', { period: format.period(s.units.period) })}
        >
          {({ unit, tasks }) => (
            <LinkItem key={unit.id} to={`/progress?period=${s.units.period}&unit=${unit.id}`} text={unit.name}>
              {t('notReported.tasks', { count: tasks })}
            </LinkItem>
          )}
        </LinkList>
        <LinkList
          title={t('replies.title')}
          more={{ to: '/documents?reply=awaiting', label: t('replies.all', { count: s.documents.awaitingReply }) }}
          items={(replies.data ?? []).slice(0, OVERDUE_SHOWN)}
          empty={t('replies.none')}
        >
          {({ document, daysLeft, overdue: late }) => (
            <LinkItem key={document.id} to={`/documents?reply=awaiting&open=${document.id}`} number={document.number} text={document.recipient} late={late}>
              {late ? t('replies.late', { count: -daysLeft }) : t('replies.due', { date: format.date(document.replyDue!), count: daysLeft })}
            </LinkItem>
          )}
        </LinkList>
      </div>
    </>
  );
}

function Figures({ stats: s }: { stats: LedgerStats }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const done = FINISHED_STATUSES.reduce((sum, status) => sum + s.tasks.byStatus[status], 0);
  const subjects = SUBJECT_KINDS.reduce((sum, kind) => sum + s.accountability.subjects[kind], 0);
  const n = format.number;
  return (
    <>
      <div className="figures">
        <Figure
          label={t('figures.tasks')}
          value={n(s.tasks.total)}
          unit={t('units.tasks')}
          note={t('figures.done', { count: n(done), rate: formatPercent(s.tasks.completionRate) })}
          to="/tasks?top=1"
        />
        <Figure
          label={t('figures.closed')}
          value={n(s.tasks.byStatus.closed)}
          unit={t('units.tasks')}
          note={t('figures.closedRate', { rate: formatPercent(s.tasks.closedRate) })}
          to="/tasks?top=1&status=closed"
          tone="ok"
        />
        <Figure
          label={t('figures.overdue')}
          value={n(s.tasks.overdue)}
          unit={t('units.tasks')}
          note={t('figures.overdueNote')}
          to="/tasks?top=1&overdue=1&sort=deadline"
          tone={s.tasks.overdue ? 'danger' : 'neutral'}
        />
        <Figure
          label={t('figures.notReported', { period: format.period(s.units.period) })}
          value={n(s.units.notReported.length)}
          unit={t('units.units')}
          note={t('figures.notReportedNote', { count: s.units.notReported.reduce((sum, u) => sum + u.tasks, 0) })}
          to={`/progress?period=${s.units.period}`}
          tone={s.units.notReported.length ? 'danger' : 'neutral'}
        />
      </div>
      <div className="figures">
        <Figure
          label={t('figures.awaitingReply')}
          value={n(s.documents.awaitingReply)}
          unit={t('units.documents')}
          note={t('figures.overdueReplies', { count: s.documents.overdueReplies })}
          to="/documents?reply=awaiting"
          tone={s.documents.overdueReplies ? 'danger' : 'neutral'}
        />
        <Figure
          label={t('figures.petitions')}
          value={n(s.petitions.total)}
          unit={t('units.cases')}
          note={t('figures.petitionRates', { completed: formatPercent(s.petitions.completionRate), handled: formatPercent(s.petitions.handledRate) })}
          to="/petitions"
        />
        <Figure
          label={t('figures.accountability')}
          value={n(s.accountability.cases)}
          unit={t('units.cases')}
          note={t('figures.subjects', { count: n(subjects) })}
          to="/accountability"
        />
      </div>
    </>
  );
}

/** The charts; a click on a slice or bar opens the list behind it. */
function Charts({ stats: s }: { stats: LedgerStats }) {
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const navigate = useNavigate();
  const charts = useMemo(() => {
    const units = s.tasks.byUnit.slice(0, UNITS_CHARTED);
    const forms = ACCOUNTABILITY_FORMS.filter((f) => s.accountability.byForm[f] > 0);
    const statusNames = TASK_STATUSES.map((status) => t(`common:enums.taskStatus.${status}`));
    const completionNames = PETITION_COMPLETIONS.map((c) => t(`common:enums.completion.${c}`));
    const months = s.progressByMonth.map((m) => format.period(m.period));
    const unitNames = units.map((u) => u.unit.shortName || u.unit.name);
    const formNames = forms.map((f) => t(`common:enums.accountabilityForm.${f}`));
    return {
      status: ring(
        TASK_STATUSES.map((status, i) => ({ name: statusNames[i]!, value: s.tasks.byStatus[status] })),
        t('charts.sliceTooltip'),
        STATUS_COLOURS,
      ),
      statusTarget: (name: string) => `/tasks?top=1&status=${TASK_STATUSES[statusNames.indexOf(name)]}`,
      units: bars(
        unitNames,
        TASK_STATUSES.map((status, i) => ({ name: statusNames[i]!, values: units.map((u) => u.byStatus[status]), colour: STATUS_COLOURS[i] })),
        true,
      ),
      unitTarget: (name: string) => `/tasks?top=1&role=lead&unit=${units[unitNames.indexOf(name)]?.unit.id}`,
      months: bars(months, [
        { name: t('charts.reports'), values: s.progressByMonth.map((m) => m.reports), colour: '#3b7dd8' },
        { name: t('charts.behind'), values: s.progressByMonth.map((m) => m.behind), colour: '#a4161a' },
      ]),
      monthTarget: (name: string) => `/progress?period=${s.progressByMonth[months.indexOf(name)]?.period}`,
      petitions: ring(
        PETITION_COMPLETIONS.map((c, i) => ({ name: completionNames[i]!, value: s.petitions.byCompletion[c] })),
        t('charts.sliceTooltip'),
        ['#e0a100', '#3b7dd8', '#2f9e55'],
      ),
      petitionTarget: (name: string) => `/petitions?completion=${PETITION_COMPLETIONS[completionNames.indexOf(name)]}`,
      forms: bars(formNames, [{ name: t('charts.subjects'), values: forms.map((f) => s.accountability.byForm[f]), colour: '#a4161a' }], true),
      unitCount: units.length,
      formCount: forms.length,
    };
  }, [s, t, format]);

  return (
    <div className="dashboard__charts">
      <Section title={t('charts.status')}>
        {s.tasks.total ? (
          <Chart option={charts.status} label={t('charts.status')} onPick={(name) => navigate(charts.statusTarget(name))} height={240} />
        ) : (
          <Empty>{t('charts.noTasks')}</Empty>
        )}
      </Section>
      <Section title={t('charts.byUnit')}>
        {charts.unitCount ? (
          <Chart
            option={charts.units}
            label={t('charts.byUnit')}
            onPick={(name) => navigate(charts.unitTarget(name))}
            height={Math.max(240, charts.unitCount * 30 + 50)}
          />
        ) : (
          <Empty>{t('charts.noTasks')}</Empty>
        )}
      </Section>
      <Section title={t('charts.months')}>
        <Chart option={charts.months} label={t('charts.months')} onPick={(name) => navigate(charts.monthTarget(name))} height={240} />
      </Section>
      <Section title={t('charts.petitions')}>
        {s.petitions.total ? (
          <Chart option={charts.petitions} label={t('charts.petitions')} onPick={(name) => navigate(charts.petitionTarget(name))} height={240} />
        ) : (
          <Empty>{t('charts.noPetitions')}</Empty>
        )}
      </Section>
      <Section title={t('charts.forms')}>
        {charts.formCount ? (
          <Chart
            option={charts.forms}
            label={t('charts.forms')}
            onPick={() => navigate('/accountability')}
            height={Math.max(200, charts.formCount * 30 + 40)}
          />
        ) : (
          <Empty>{t('charts.noAccountability')}</Empty>
        )}
      </Section>
    </div>
  );
}
