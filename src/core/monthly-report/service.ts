import type { IsoDate, Period } from '../../shared/dates';
import type { Language } from '../../shared/i18n/setup';
import { ok, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { issueLetters, previewLetters } from '../documents/issue';
import type { IssuedDocument, Preview } from '../documents/model';
import type { ExportedFile } from '../excel/export/model';
import { monthWorkbook } from '../excel/export/month-workbook';
import { exchangeWords } from '../excel/words';
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
    /** The month's 统计表, its figures as of `today` while the month is not over. */
    async workbook(period: Period, today: IsoDate, language: Language): Promise<Result<ExportedFile>> {
      const report = monthlyReport(ctx.db, period, today);
      const t = exchangeWords(language);
      const bytes = await monthWorkbook(report, t, language);
      const fileName = `${t('exchange:monthlyReport.fileName', { period })}.xlsx`;
      return ok({ fileName, bytes: new Uint8Array(bytes), rows: report.tasks.byUnit.length });
    },
  };
}
