import type { IsoDate, Period } from '../../shared/dates';
import type { LedgerContext } from '../context';
import { monthlyReport } from './figures';

/** The group's monthly report: its figures, its 情况报告 (a document of the register) and its 统计表. */
export function monthlyReportService(ctx: LedgerContext) {
  return {
    figures: (period: Period, today?: IsoDate) => monthlyReport(ctx.db, period, today ?? ctx.today()),
  };
}
