import { z } from 'zod';
import type { IsoDate, Period } from '../../shared/dates';
import { isoDate, period } from '../../shared/validation';
import type { AccountabilityForm, SubjectKind } from '../accountability/model';
import type { PetitionCompletion } from '../petitions/model';
import type { UnitTaskCounts } from '../stats/model';
import type { TaskStatus, UnitRef } from '../tasks/model';

/**
 * The group's monthly report (情况报告 and 统计表): the figures of one month, taken from the ledger
 * in one place, so that the report's text, the workbook and the commission's roll-up read the same.
 * Task figures are as of the month's last day (or the day asked, when that is earlier); what
 * happened "in the month" is what is dated inside it.
 */
export interface MonthlyReport {
  readonly period: Period;
  /** The day the standing figures are as of: the month's last day, or the report's date if earlier. */
  readonly asOf: IsoDate;
  readonly tasks: MonthTasks;
  readonly work: MonthWork;
  readonly problems: MonthProblems;
  readonly petitions: MonthPetitions;
  readonly accountability: MonthAccountability;
}

/** Top-level tasks as they stand, and what changed in the month. */
export interface MonthTasks {
  readonly total: number;
  readonly byStatus: Readonly<Record<TaskStatus, number>>;
  readonly overdue: number;
  /** Completed or closed, of all (0 to 1). */
  readonly completionRate: number;
  /** Closed out (已销号), of all (0 to 1). */
  readonly closedRate: number;
  /** Close-outs approved in the month. */
  readonly closedInMonth: number;
  /** Tasks their lead units reported completed for the month. */
  readonly reportedCompletedInMonth: number;
  /** By lead unit, in the units' order; a task led by two units counts for each. */
  readonly byUnit: readonly UnitTaskCounts[];
}

/** What the group did in the month (主要做法). */
export interface MonthWork {
  readonly siteVisits: number;
  /** Of the visits, those unannounced (四不两直). */
  readonly unannouncedVisits: number;
  readonly meetings: number;
  /** Documents issued in the month and not voided. */
  readonly lettersIssued: number;
  /** Progress reports received for the month, and from how many units. */
  readonly progressReports: number;
  readonly unitsReporting: number;
}

export interface OverdueTask {
  readonly id: number;
  readonly number: string;
  readonly problem: string;
}

/** 存在问题: the tasks overdue, and the lead units that did not report on all their open tasks for the month. */
export interface MonthProblems {
  readonly overdueTasks: readonly OverdueTask[];
  readonly unitsNotReported: readonly { readonly unit: UnitRef; readonly tasks: number }[];
}

export type CompletionCounts = Readonly<Record<PetitionCompletion, number>> & { readonly total: number };

/** Petition cases by completion, in all and by region (the region as recorded; '' when none is). */
export interface MonthPetitions extends CompletionCounts {
  readonly byRegion: readonly ({ readonly region: string } & CompletionCounts)[];
}

/** Subjects held accountable, by kind of subject and form. */
export interface MonthAccountability {
  readonly cases: number;
  readonly subjects: Readonly<Record<SubjectKind, Readonly<Record<AccountabilityForm, number>>>>;
}

/** What the report is asked for: the month, and the date it is written on. */
export const monthlyReportRequest = z.object({ period, issuedOn: isoDate });
export type MonthlyReportRequest = z.input<typeof monthlyReportRequest>;
