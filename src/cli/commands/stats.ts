import type { TFunction } from 'i18next';
import type { CommissionStats } from '../../core/rollup/model';
import type { LedgerStats } from '../../core/stats/model';
import { TASK_STATUSES } from '../../core/tasks/model';
import { isIsoDate } from '../../shared/dates';
import { formatDate, formatPercent, formatPeriod } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/setup';
import { ok } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { cliFailure } from '../failure';

/** The figures as lines an office reads; `--json` gives them whole for scripts. */
function describeStats(t: TFunction, language: Language, stats: LedgerStats): string[] {
  const { tasks, units, petitions, accountability, documents } = stats;
  const subjects = accountability.subjects;
  return [
    t('cli:stats.title', { date: formatDate(stats.asOf, language) }),
    t('cli:stats.tasks', { total: tasks.total, overdue: tasks.overdue }),
    ...TASK_STATUSES.map((status) => t('cli:stats.byStatus', { status: t(`common:enums.taskStatus.${status}`), count: tasks.byStatus[status] })),
    t('cli:stats.units', { total: units.total, period: formatPeriod(units.period, language), notReported: units.notReported.length }),
    t('cli:stats.petitions', {
      total: petitions.total,
      completed: petitions.byCompletion.completed,
      stageCompleted: petitions.byCompletion.stage_completed,
      rate: formatPercent(petitions.completionRate),
    }),
    t('cli:stats.accountability', {
      cases: accountability.cases,
      subjects: subjects.unit + subjects.enterprise + subjects.person,
      units: subjects.unit,
      enterprises: subjects.enterprise,
      persons: subjects.person,
      fines: accountability.finesYuan.toLocaleString(language),
    }),
    t('cli:stats.documents', { awaiting: documents.awaitingReply, overdue: documents.overdueReplies }),
  ];
}

/** A commission's figures: one line for each group, from its latest package. */
function describeGroups(t: TFunction, language: Language, stats: CommissionStats): string[] {
  if (stats.groups.length === 0) return [t('cli:stats.noGroups')];
  return stats.groups.map((group) =>
    t('cli:stats.group', {
      name: group.name,
      period: formatPeriod(group.period, language),
      total: group.tasks.total,
      rate: formatPercent(group.tasks.completionRate),
      overdue: group.tasks.overdue,
      petitions: formatPercent(group.petitions.completionRate),
      cases: group.accountability.cases,
    }),
  );
}

export const stats: Command = {
  name: 'stats',
  positionals: ['FILE'],
  options: { json: { type: 'boolean' }, date: { type: 'string' } },
  async run(ctx) {
    const [path] = ctx.positionals as [string];
    const date = ctx.values.date as string | undefined;
    if (date !== undefined && !isIsoDate(date)) return cliFailure('invalid_date', { value: date });
    const opened = await openLedger(ctx, path, true);
    if (!opened.ok) return opened;
    const ledger = opened.value;
    const commission = ledger.rollup.kind() === 'commission';
    const figures = commission ? ledger.rollup.stats() : ledger.stats(date ? { asOf: date } : {});
    ledger.close();
    if (ctx.values.json) ctx.out(JSON.stringify(figures));
    else if ('groups' in figures) for (const line of describeGroups(ctx.t, ctx.language, figures)) ctx.out(line);
    else for (const line of describeStats(ctx.t, ctx.language, figures)) ctx.out(line);
    return ok(undefined);
  },
};
