import type { IsoDate, Period } from '../../shared/dates';
import type { AwaitedReply } from '../documents/model';
import type { TaskSummary, UnitRef } from '../tasks/model';

/** A unit workbook past the day it was to come back by, not yet returned. */
export interface LateWorkbook {
  readonly exportId: string;
  readonly unit: UnitRef;
  readonly period: Period;
  readonly returnBy: IsoDate;
  readonly daysLate: number;
}

/** A close-out requested and waiting for the group's check (核查). */
export interface CloseOutToCheck {
  readonly closeOutId: number;
  readonly task: TaskSummary;
  readonly requestedOn: IsoDate;
}

/** How many items of a long group the home page lists, the oldest first: the ledger, filtered by the check's stage, shows them all. */
export const TODO_SHOWN = 8;

/** A group of the to-do: its oldest items (TODO_SHOWN at most), and how many it holds in all. */
export interface TodoGroup<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/**
 * 待办: what waits for the office, on the home page — unit workbooks past their return date,
 * close-outs to check, and tasks their lead units reported completed. The replies due soon or late
 * are among it too (`repliesDue`), picked from the replies awaited that the home page lists anyway.
 */
export interface Todo {
  readonly asOf: IsoDate;
  /** Unit workbooks past their date, of units still owing the month's reports. */
  readonly workbooks: TodoGroup<LateWorkbook>;
  /** Close-outs requested: the tasks at the check's stage `checking`. */
  readonly closeOuts: TodoGroup<CloseOutToCheck>;
  /** The tasks at the check's stage `reported`. */
  readonly reportedCompleted: TodoGroup<TaskSummary>;
}

/** A reply is listed this many days before it is due. */
export const REPLY_SOON_DAYS = 7;

/** Of the replies awaited, those the to-do lists: due within a week, or late. */
export const repliesDue = (awaited: readonly AwaitedReply[]): AwaitedReply[] => awaited.filter((reply) => reply.daysLeft <= REPLY_SOON_DAYS);
