import type { Period } from '../../shared/dates';
import { ok, type Result } from '../../shared/result';
import { validate } from '../../shared/validation';
import { type CompositionRequest, FROM_TEMPLATE } from '../documents/compose';
import type { Reader } from '../storage/database';
import { monthOverdueTasks } from './figures';
import { type MonthlyReportRequest, monthlyReportRequest } from './model';

/** The built-in type a 情况报告 is issued as: its own template and numbers. */
export const MONTHLY_REPORT_TYPE = 'monthly_report';

/**
 * The 情况报告 of a month as a document: written from the type's template to the office above (its
 * 主送), about the tasks overdue at the month's end (its 逾期任务 loop), with the month's figures.
 */
export function monthlyReportDocument(db: Reader, input: MonthlyReportRequest): Result<CompositionRequest> {
  const valid = validate(monthlyReportRequest, input);
  if (!valid.ok) return valid;
  const { issuedOn } = valid.value;
  const period = valid.value.period as Period;
  const overdue = monthOverdueTasks(db, period, issuedOn);
  return ok({
    docType: MONTHLY_REPORT_TYPE,
    templateId: null,
    recipient: { kind: 'superior' },
    taskIds: overdue.map((task) => task.id),
    issuedOn,
    replyDue: null,
    ...FROM_TEMPLATE,
    reportPeriod: null,
    monthReported: period,
  });
}
