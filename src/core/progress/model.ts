import { z } from 'zod';
import type { IsoDate, Period } from '../../shared/dates';
import { choice, id, optionalDate, optionalText, period, phone } from '../../shared/validation';
import type { UnitRef } from '../tasks/model';

/** 未启动 / 序时推进 / 滞后 / 已完成: where a unit says its part of a task stands this month. */
export const PROGRESS_STATES = ['not_started', 'on_track', 'behind', 'completed'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** 月报: what one unit reports on one task for one month. */
export interface ProgressReport {
  readonly id: number;
  readonly taskId: number;
  readonly unitId: number;
  readonly period: Period;
  readonly state: ProgressState;
  readonly progress: string;
  readonly problems: string;
  readonly nextSteps: string;
  readonly evidenceNote: string;
  readonly reporter: string;
  readonly reporterPhone: string;
  readonly reportedOn: IsoDate | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A report as a list shows it, with its task's number and its unit's name. */
export interface ProgressReportRow extends ProgressReport {
  readonly taskNumber: string;
  readonly unitName: string;
}

/** A unit that owes reports for a month, and the open tasks it leads that it has not reported on. */
export interface MissingReports {
  readonly unit: UnitRef;
  readonly tasks: readonly { readonly id: number; readonly number: string; readonly problem: string }[];
}

export const progressInput = z.object({
  taskId: id,
  unitId: id,
  period,
  state: choice(PROGRESS_STATES),
  progress: optionalText(4000),
  problems: optionalText(4000),
  nextSteps: optionalText(4000),
  evidenceNote: optionalText(1000),
  reporter: optionalText(40),
  reporterPhone: phone,
  reportedOn: optionalDate,
});

export type ProgressInput = z.input<typeof progressInput>;
