import { type IsoDate, lastDayOfPeriod, type Period } from '../../shared/dates';
import { groupBy } from '../../shared/group-by';
import { inNaturalOrder } from '../../shared/natural-order';
import { ACCOUNTABILITY_FORMS, SUBJECT_KINDS } from '../accountability/model';
import { PETITION_COMPLETIONS } from '../petitions/model';
import { missingReports } from '../progress/service';
import { tally } from '../stats/tally';
import { taskStats } from '../stats/tasks';
import type { Reader } from '../storage/database';
import type { SqlParams } from '../storage/journal';
import { overdueSql } from '../tasks/standing';
import type { CompletionCounts, MonthAccountability, MonthlyReport, MonthPetitions, MonthProblems, MonthTasks, MonthWork, OverdueTask } from './model';

/**
 * The month's figures (model.ts). What stands (tasks by status, overdue, petitions, accountability)
 * is as of the month's last day, or of `today` while the month is not over; what was done (visits,
 * meetings, letters, reports, close-outs) is what is dated inside the month.
 */
export function monthlyReport(db: Reader, period: Period, today: IsoDate): MonthlyReport {
  const asOf = standingDay(period, today);
  const month = { from: `${period}-01`, to: asOf, period };
  return {
    period,
    asOf,
    tasks: monthTasks(db, asOf, month),
    work: monthWork(db, month),
    problems: monthProblems(db, period, asOf),
    petitions: monthPetitions(db),
    accountability: monthAccountability(db),
  };
}

/** The day what stands is counted on: the month's last, or `today` while the month is not over. */
function standingDay(period: Period, today: IsoDate): IsoDate {
  const last = lastDayOfPeriod(period);
  return today < last ? today : last;
}

/** The top-level tasks overdue on the month's standing day, in number order: the 情况报告's 逾期任务. */
export function monthOverdueTasks(db: Reader, period: Period, today: IsoDate): OverdueTask[] {
  return overdueTasks(db, standingDay(period, today));
}

function overdueTasks(db: Reader, asOf: IsoDate): OverdueTask[] {
  const overdue = db.all<{ id: number; number: string; problem: string }>(
    `SELECT t.id, t.number, t.problem FROM tasks t WHERE t.parent_id IS NULL AND ${overdueSql('t', '$asOf')}`,
    { asOf },
  );
  return inNaturalOrder(overdue, (task) => task.number);
}

type Month = { readonly from: string; readonly to: IsoDate; readonly period: Period };

const count = (db: Reader, sql: string, params: SqlParams): number => db.get<{ n: number | null }>(sql, params)?.n ?? 0;

function monthTasks(db: Reader, asOf: IsoDate, month: Month): MonthTasks {
  const { total, byStatus, overdue, completionRate, closedRate, byUnit } = taskStats(db, asOf);
  return {
    total,
    byStatus,
    overdue,
    completionRate,
    closedRate,
    closedInMonth: count(db, `SELECT count(*) AS n FROM close_outs WHERE state = 'approved' AND approved_on BETWEEN $from AND $to`, month),
    reportedCompletedInMonth: count(db, `SELECT count(*) AS n FROM progress_reports WHERE period = $period AND state = 'completed'`, month),
    byUnit,
  };
}

function monthWork(db: Reader, month: Month): MonthWork {
  const visits = db.get<{ n: number; unannounced: number | null }>(
    'SELECT count(*) AS n, sum(unannounced) AS unannounced FROM site_visits WHERE visited_on BETWEEN $from AND $to',
    month,
  );
  const reports = db.get<{ n: number; units: number }>(
    'SELECT count(*) AS n, count(DISTINCT unit_id) AS units FROM progress_reports WHERE period = $period',
    month,
  );
  return {
    siteVisits: visits?.n ?? 0,
    unannouncedVisits: visits?.unannounced ?? 0,
    meetings: count(db, 'SELECT count(*) AS n FROM meetings WHERE held_on BETWEEN $from AND $to', month),
    lettersIssued: count(db, `SELECT count(*) AS n FROM documents WHERE state = 'issued' AND issued_on BETWEEN $from AND $to`, month),
    progressReports: reports?.n ?? 0,
    unitsReporting: reports?.units ?? 0,
  };
}

function monthProblems(db: Reader, period: Period, asOf: IsoDate): MonthProblems {
  return {
    overdueTasks: overdueTasks(db, asOf),
    unitsNotReported: missingReports(db, period).map(({ unit, tasks }) => ({ unit, tasks: tasks.length })),
  };
}

type CompletionRow = { region: string; key: string; n: number };

const completionCounts = (rows: readonly CompletionRow[]): CompletionCounts => {
  const counts = tally(PETITION_COMPLETIONS, rows);
  return { total: PETITION_COMPLETIONS.reduce((sum, key) => sum + counts[key], 0), ...counts };
};

function monthPetitions(db: Reader): MonthPetitions {
  const rows = db.all<CompletionRow>('SELECT region, completion AS key, count(*) AS n FROM petition_cases GROUP BY region, completion ORDER BY region');
  return {
    ...completionCounts(rows),
    byRegion: [...groupBy(rows, (row) => row.region)].map(([region, group]) => ({ region, ...completionCounts(group) })),
  };
}

function monthAccountability(db: Reader): MonthAccountability {
  const rows = db.all<{ kind: string; key: string; n: number }>('SELECT kind, form AS key, count(*) AS n FROM accountability_subjects GROUP BY kind, form');
  const byKind = groupBy(rows, (row) => row.kind);
  return {
    cases: count(db, 'SELECT count(*) AS n FROM accountability_cases', {}),
    subjects: Object.fromEntries(SUBJECT_KINDS.map((kind) => [kind, tally(ACCOUNTABILITY_FORMS, byKind.get(kind) ?? [])])) as MonthAccountability['subjects'],
  };
}
