import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import { id, isoDate, optionalText, requiredText } from '../../shared/validation';

/**
 * 销号: requested, checked, approved — or rejected at the check or at the approval, after which a
 * new request may be made. Approval closes the task; reopening an approved close-out (撤销销号)
 * returns the task to work, and a new request may then be made.
 */
export const CLOSE_OUT_STATES = ['requested', 'checked', 'approved', 'rejected', 'reopened'] as const;
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
  readonly reopenedOn: IsoDate | null;
  readonly reopenedBy: string;
  readonly reopenReason: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The date of a close-out's latest step: the next one may not be earlier. */
export const lastStepDate = (closeOut: CloseOut): IsoDate => closeOut.approvedOn ?? closeOut.checkedOn ?? closeOut.requestedOn;

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

/** Reopening an approved close-out: when, by whom, and why (the audit log keeps it). */
export const closeOutReopening = z.object({
  on: isoDate,
  by: optionalText(40),
  reason: requiredText(2000),
});

export type CloseOutRequest = z.input<typeof closeOutRequest>;
export type CloseOutDecision = z.input<typeof closeOutDecision>;
export type CloseOutRejection = z.input<typeof closeOutRejection>;
export type CloseOutReopening = z.input<typeof closeOutReopening>;

export interface CloseOutFilter {
  readonly taskId?: number;
  readonly states?: readonly CloseOutState[];
}
