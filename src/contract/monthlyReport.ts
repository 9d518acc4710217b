import { method } from './define';
import type { DocumentPreview, IssuedDocument } from '../core/documents/model';
import type { ExportedFile } from '../core/excel/export/model';
import { type MonthlyReport, monthlyReportRequest } from '../core/monthly-report/model';
import { period } from '../shared/validation';
import { z } from 'zod';
export * from '../core/monthly-report/model';

/** The group's monthly report upward: the month's figures, its 情况报告 and its 统计表. */
export const monthlyReport = {
  /** As of the month's last day, or today while the month is not over. */
  figures: method(z.tuple([period])).returns<MonthlyReport>(),
  /** Takes no number: the report as it would be issued, with the number it would get. */
  preview: method(z.tuple([monthlyReportRequest])).returns<DocumentPreview>(),
  issue: method(z.tuple([monthlyReportRequest])).returns<IssuedDocument>(),
  workbook: method(z.tuple([period])).returns<ExportedFile>(),
};
