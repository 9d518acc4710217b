import zhCommon from '../../../shared/i18n/locales/zh-CN/common.json' with { type: 'json' };
import { formatDate, formatPercent, formatPeriod } from '../../../shared/i18n/format';
import type { MonthlyReport } from '../../monthly-report/model';
import { MONTH_FIELDS, type MonthField } from './fields';
import type { Line, Piece, Template } from './parse';

/** The month's figures as a template writes them: whole numbers, rates as 40.0%, dates and months in Chinese. */
export function monthValues(report: MonthlyReport): Record<MonthField, string> {
  const { tasks, work, problems, petitions, accountability } = report;
  const subjects = (kind: keyof MonthlyReport['accountability']['subjects']): string =>
    String(Object.values(accountability.subjects[kind]).reduce((sum, n) => sum + n, 0));
  return {
    reportMonth: formatPeriod(report.period, 'zh-CN'),
    figuresAsOf: formatDate(report.asOf, 'zh-CN'),
    taskTotal: String(tasks.total),
    tasksCompleted: String(tasks.byStatus.completed),
    tasksClosed: String(tasks.byStatus.closed),
    tasksInProgress: String(tasks.byStatus.in_progress),
    tasksPending: String(tasks.byStatus.pending),
    tasksOverdue: String(tasks.overdue),
    completionRate: formatPercent(tasks.completionRate),
    closedRate: formatPercent(tasks.closedRate),
    closedInMonth: String(tasks.closedInMonth),
    reportedCompletedInMonth: String(tasks.reportedCompletedInMonth),
    siteVisits: String(work.siteVisits),
    unannouncedVisits: String(work.unannouncedVisits),
    meetings: String(work.meetings),
    lettersIssued: String(work.lettersIssued),
    progressReports: String(work.progressReports),
    unitsReporting: String(work.unitsReporting),
    unitsNotReportedCount: String(problems.unitsNotReported.length),
    // Empty when every unit reported, so that a line naming them is left out.
    unitsNotReported: problems.unitsNotReported.map(({ unit }) => unit.name).join(zhCommon.listSeparator),
    petitionsTotal: String(petitions.total),
    petitionsCompleted: String(petitions.completed),
    petitionsStageCompleted: String(petitions.stage_completed),
    petitionsPending: String(petitions.pending),
    unitsHeldAccountable: subjects('unit'),
    enterprisesHeldAccountable: subjects('enterprise'),
    personsHeldAccountable: subjects('person'),
  };
}

/** A document that reports no month has its month fields empty. */
export const NO_MONTH_VALUES = Object.fromEntries(Object.keys(MONTH_FIELDS).map((key) => [key, ''])) as Record<MonthField, string>;

const MONTH_FIELD_KEYS: ReadonlySet<string> = new Set(Object.keys(MONTH_FIELDS));

const piecesName = (pieces: readonly Piece[]): boolean =>
  pieces.some((piece) => (piece.kind === 'field' && MONTH_FIELD_KEYS.has(piece.field)) || (piece.kind === 'loop' && piecesName(piece.body)));

const lineNames = (line: Line): boolean =>
  line.kind === 'text' ? piecesName(line.pieces) : line.kind === 'row' ? line.cells.some(piecesName) : line.kind === 'loop' && line.lines.some(lineNames);

/** Whether the template names a month figure: only then are the figures worked out. */
export const namesMonthField = (template: Template): boolean =>
  template.body.some(lineNames) || Object.values(template.parts).some((pieces) => pieces !== null && piecesName(pieces));
