import type { IsoDate, Period } from '../../shared/dates';
import type { AccountabilityForm, GovernmentSanction, PartySanction, SubjectKind } from '../accountability/model';
import type { PetitionCompletion, PetitionTruth, PollutionKind } from '../petitions/model';
import type { DeadlineKind, TaskStatus, UnitRef } from '../tasks/model';
import type { UnitKind } from '../units/model';

/**
 * The figures a group reports upward and its dashboard shows. Task figures count the top-level
 * tasks (整改任务) of the ledger; their sub-tasks are steps of one task, not tasks of their own.
 * Rates are fractions from 0 to 1, and 0 where there is nothing to count.
 */
export interface TaskCounts {
  readonly total: number;
  readonly byStatus: Readonly<Record<TaskStatus, number>>;
  /** A date deadline passed on a task not yet completed or closed, nor reported completed and with the group. */
  readonly overdue: number;
  /**
   * Reported completed by their lead units and not yet closed: waiting for the group's check, or in
   * the close-out's check or approval (单位报完成，待核查、销号中). The office counts them here, not
   * as overdue, and not as completed until the check says so.
   */
  readonly reportedCompleted: number;
}

export interface UnitTaskCounts extends TaskCounts {
  readonly unit: UnitRef;
}

export interface SourceTaskCounts extends TaskCounts {
  readonly inspection: { readonly id: number; readonly name: string } | null;
}

export interface TaskStats extends TaskCounts {
  readonly byDeadlineKind: Readonly<Record<DeadlineKind, number>>;
  /** Completed or closed, of all. */
  readonly completionRate: number;
  /** Closed (销号) of all. */
  readonly closedRate: number;
  /** By lead unit; a task led by two units counts for each. */
  readonly byUnit: readonly UnitTaskCounts[];
  readonly bySource: readonly SourceTaskCounts[];
}

export interface UnitStats {
  readonly total: number;
  readonly byKind: Readonly<Record<UnitKind, number>>;
  /** The month whose reports are counted. */
  readonly period: Period;
  /** Lead units with open tasks on which they have not reported for the month. */
  readonly notReported: readonly { readonly unit: UnitRef; readonly tasks: number }[];
}

export interface PetitionStats {
  readonly total: number;
  readonly byCompletion: Readonly<Record<PetitionCompletion, number>>;
  /** 已办结 of all. */
  readonly completionRate: number;
  /** 已办结 or 阶段性办结, of all. */
  readonly handledRate: number;
  readonly byTruth: Readonly<Record<PetitionTruth | 'unknown', number>>;
  readonly byKind: Readonly<Record<PollutionKind, number>>;
  readonly accountability: {
    readonly personsHeldAccountable: number;
    readonly entitiesPenalized: number;
    readonly finesYuan: number;
    readonly personsDetained: number;
  };
  readonly byUnit: readonly { readonly unit: UnitRef; readonly total: number; readonly completed: number }[];
}

export interface AccountabilityStats {
  readonly cases: number;
  readonly concluded: number;
  readonly subjects: Readonly<Record<SubjectKind, number>>;
  readonly byForm: Readonly<Record<AccountabilityForm, number>>;
  /** Persons by the kind of 党纪处分 and of 政务处分 they received. */
  readonly partySanctions: Readonly<Record<PartySanction, number>>;
  readonly governmentSanctions: Readonly<Record<GovernmentSanction, number>>;
  /** The fines imposed on the subjects, in 元. */
  readonly finesYuan: number;
}

export interface DocumentStats {
  readonly issued: number;
  readonly voided: number;
  /** Issued with a reply deadline and not yet replied to. */
  readonly awaitingReply: number;
  /** Of those, the ones whose reply deadline has passed. */
  readonly overdueReplies: number;
}

export interface MonthStats {
  readonly period: Period;
  readonly reports: number;
  /** Units that reported on at least one task that month. */
  readonly unitsReporting: number;
  readonly behind: number;
}

export interface LedgerStats {
  readonly asOf: IsoDate;
  readonly tasks: TaskStats;
  readonly units: UnitStats;
  readonly petitions: PetitionStats;
  readonly accountability: AccountabilityStats;
  readonly documents: DocumentStats;
  /** Progress reports of the twelve months up to the period counted. */
  readonly progressByMonth: readonly MonthStats[];
}

export interface StatsOptions {
  /** The day the figures are as of (overdue, replies late); today when not given. */
  readonly asOf?: IsoDate;
  /** The month whose reports are counted; the month of `asOf` when not given. */
  readonly period?: Period;
}
