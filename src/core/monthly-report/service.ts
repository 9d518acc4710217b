import type { IsoDate, Period } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { issueLetters, previewLetters } from '../documents/issue';
import type { IssuedDocument, Preview } from '../documents/model';
import { monthlyReportDocument } from './document';
import { monthlyReport } from './figures';
import type { MonthlyReportRequest } from './model';

/** The group's monthly report: its figures, its 情况报告 (a document of the register) and its 统计表. */
export function monthlyReportService(ctx: LedgerContext) {
  return {
    figures: (period: Period, today?: IsoDate) => monthlyReport(ctx.db, period, today ?? ctx.today()),
    /** The report as it would be issued, with the number it would take. */
    preview(input: MonthlyReportRequest): Result<Preview> {
      const request = monthlyReportDocument(ctx.db, input);
      if (!request.ok) return request;
      const previews = previewLetters(ctx.db, [request.value]);
      return previews.ok ? ok(previews.value[0]!) : previews;
    },
    issue: (input: MonthlyReportRequest): Result<IssuedDocument> =>
      ctx.write((tx) => {
        const request = monthlyReportDocument(tx, input);
        if (!request.ok) return request;
        const issued = issueLetters(tx, [request.value]);
        return issued.ok ? ok(issued.value[0]!) : issued;
      }),
  };
}
