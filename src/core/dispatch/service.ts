import type { IsoDate, Period } from '../../shared/dates';
import type { Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { issueLetters, previewLetters } from '../documents/issue';
import type { IssuedDocument, Preview } from '../documents/model';
import { reportChaseRequests } from './chase';
import type { ReportChaseRequest } from './model';
import { dispatchMonth, setDispatchMonth } from './month';
import { dispatchOverview } from './overview';

/** 每月调度: the month the office collects, each unit's month at a glance, and 催报 to the units behind. */
export function dispatchService(ctx: LedgerContext) {
  return {
    month: (asOf?: IsoDate) => dispatchMonth(ctx.db, asOf ?? ctx.today()),
    setMonth: (period: string) => setDispatchMonth(ctx, period),
    overview: (period: Period) => dispatchOverview(ctx.db, period),
    /** The letters as they would be issued, with the numbers they would take and their warnings. */
    previewChase(input: ReportChaseRequest): Result<Preview[]> {
      const requests = reportChaseRequests(ctx.db, input);
      return requests.ok ? previewLetters(ctx.db, requests.value) : requests;
    },
    /** All the letters or none: one transaction. */
    chase: (input: ReportChaseRequest): Result<IssuedDocument[]> =>
      ctx.write((tx) => {
        const requests = reportChaseRequests(tx, input);
        return requests.ok ? issueLetters(tx, requests.value) : requests;
      }),
  };
}

export type DispatchService = ReturnType<typeof dispatchService>;
