import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import { optionalDate, optionalText, requiredText } from '../../shared/validation';

/** The source of tasks: one round and batch of an inspection and the date its feedback was given. */
export interface Inspection {
  readonly id: number;
  readonly name: string;
  readonly batch: string;
  readonly feedbackDate: IsoDate | null;
  readonly notes: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const inspectionInput = z.object({
  name: requiredText(100),
  batch: optionalText(60),
  feedbackDate: optionalDate,
  notes: optionalText(2000),
});

export type InspectionInput = z.input<typeof inspectionInput>;
