import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import { id, isoDate, optionalText, requiredText } from '../../shared/validation';

/**
 * 销号: requested, checked, approved — or rejected at the check or at the approval, after which a
 * new request may be made. Approval closes the task.
 */
export const CLOSE_OUT_STATES = ['requested', 'checked', 'approved', 'rejected'] as const;
export type CloseOutState = (typeof CLOSE_OUT_STATES)[number];

/** A request in one of these states is still being decided: a task has at most one. */
export const ACTIVE_CLOSE_OUT_STATES: readonly CloseOutState[] = ['requested', 'checked'];

export interface CloseOut {
  readonly id: number;
  readonly taskId: number;
  readonly state: CloseOutState;
  readonly requestedOn: IsoDate;
  readonly requestedBy: string;
  readonly requestNote: string;
  readonly checkedOn: IsoDate | null;
  readonly checkedBy: string;
  readonly checkNote: string;
  readonly approvedOn: IsoDate | null;
  readonly approvedBy: string;
  readonly approvalNote: string;
  /** Rejected at the check when `checkedOn` is empty, at the approval otherwise. */
  readonly rejectedOn: IsoDate | null;
  readonly rejectionReason: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const closeOutRequest = z.object({
  taskId: id,
  requestedOn: isoDate,
  requestedBy: optionalText(40),
  requestNote: optionalText(2000),
});

/** A check or an approval: when, by whom, with what remark. */
export const closeOutDecision = z.object({
  on: isoDate,
  by: optionalText(40),
  note: optionalText(2000),
});

export const closeOutRejection = z.object({
  on: isoDate,
  reason: requiredText(2000),
});

export type CloseOutRequest = z.input<typeof closeOutRequest>;
export type CloseOutDecision = z.input<typeof closeOutDecision>;
export type CloseOutRejection = z.input<typeof closeOutRejection>;

export interface CloseOutFilter {
  readonly taskId?: number;
  readonly states?: readonly CloseOutState[];
}
