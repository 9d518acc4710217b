import { z } from 'zod';
import type { IsoDate, Period } from '../../shared/dates';
import { idSet, period } from '../../shared/validation';
import { letterDates } from '../documents/model';
import type { UnitRef } from '../tasks/model';

/**
 * The month the office is collecting (调度月份). Offices collect a month's progress early in the
 * next: until the office closes a month's collection (or sets another), the month collected is the
 * one before today's. The dashboard's "not reported" follows it, not the calendar.
 */
export interface DispatchMonth {
  readonly period: Period;
  /** Set by the office (closing a month's collection sets the next); false while it follows the calendar. */
  readonly chosen: boolean;
}

/** A unit's workbook for the month as the ledger remembers sending it. */
export interface DispatchWorkbook {
  readonly exportedAt: string;
  readonly returnBy: IsoDate | null;
  /** When the last returned copy was applied; null while it has not come back. */
  readonly returnedAt: string | null;
}

/** A letter to the unit issued since the month began, or asking for the month's reports. */
export interface DispatchLetter {
  readonly id: number;
  readonly number: string;
  readonly title: string;
  readonly issuedOn: IsoDate;
  /** A 催报 for this month's reports, rather than some other letter. */
  readonly chasesReports: boolean;
}

/** One unit's month: what it owes, what it sent back, what it was sent. */
export interface DispatchUnit {
  readonly unit: UnitRef;
  /** Open tasks it leads: each owes a report for the month. */
  readonly owed: number;
  /** Of those, reported for the month. */
  readonly reported: number;
  /** Some of those were given to it through a unit group: a 催报 may go to the group as one letter. */
  readonly owesThroughGroup: boolean;
  readonly workbook: DispatchWorkbook | null;
  readonly letters: readonly DispatchLetter[];
}

export interface DispatchOverview {
  readonly period: Period;
  readonly units: readonly DispatchUnit[];
}

/** 催报: one letter to each unit chosen that still owes reports for the month, about those tasks. */
export const reportChaseRequest = z.object({
  period,
  unitIds: idSet(1000).refine((ids) => ids.length > 0, { error: 'required' }),
  dates: letterDates,
  /** One letter to each group the units owe tasks through, with the group as 主送, rather than one per member. */
  toGroups: z.boolean().default(false),
});
export type ReportChaseRequest = z.input<typeof reportChaseRequest>;
