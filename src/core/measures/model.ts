import { z } from 'zod';
import { optionalId, optionalText, requiredText } from '../../shared/validation';

/** 整改措施: one task has several, and one measure may serve several tasks. */
export interface Measure {
  readonly id: number;
  readonly inspectionId: number | null;
  readonly number: string;
  readonly content: string;
  /** The tasks it serves; the links are edited on the tasks (their measureIds). */
  readonly taskIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const measureInput = z.object({
  inspectionId: optionalId,
  number: optionalText(40),
  content: requiredText(2000),
});

export type MeasureInput = z.input<typeof measureInput>;

export interface MeasureFilter {
  readonly inspectionId?: number;
  readonly taskId?: number;
}
