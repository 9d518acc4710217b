import type { LedgerContext } from '../context';
import { dispatchMonth } from '../dispatch/month';
import { accountabilityStats, documentStats, petitionStats, progressByMonth, unitStats } from './follow-up';
import type { LedgerStats, StatsOptions } from './model';
import { taskStats } from './tasks';

/** The ledger's figures as of a day: what the dashboard shows and `duban stats` prints. */
export function ledgerStats(ctx: LedgerContext, options: StatsOptions = {}): LedgerStats {
  const asOf = options.asOf ?? ctx.today();
  // Units behind are those of the month the office collects, not of the calendar month.
  const period = options.period ?? dispatchMonth(ctx.db, asOf).period;
  return {
    asOf,
    tasks: taskStats(ctx.db, asOf),
    units: unitStats(ctx.db, period),
    petitions: petitionStats(ctx.db),
    accountability: accountabilityStats(ctx.db),
    documents: documentStats(ctx.db, asOf),
    progressByMonth: progressByMonth(ctx.db, period),
  };
}
