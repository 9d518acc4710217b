import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import { idSet, isoDate, optionalId, optionalText, requiredText } from '../../shared/validation';

/** 实地督导: a visit to the points named in tasks, often unannounced (四不两直). */
export interface SiteVisit {
  readonly id: number;
  readonly visitedOn: IsoDate;
  /** The points visited, as the team wrote them down. */
  readonly places: string;
  readonly unannounced: boolean;
  /** The unit whose work was looked at. */
  readonly unitId: number | null;
  readonly team: string;
  /** The people talked to. */
  readonly peopleMet: string;
  readonly summary: string;
  /** The tasks whose points were visited. */
  readonly taskIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const siteVisitInput = z.object({
  visitedOn: isoDate,
  places: requiredText(1000),
  unannounced: z.boolean().default(true),
  unitId: optionalId,
  team: optionalText(200),
  peopleMet: optionalText(1000),
  summary: optionalText(4000),
  taskIds: idSet(200).default([]),
});

export type SiteVisitInput = z.input<typeof siteVisitInput>;

export interface SiteVisitFilter {
  readonly unitId?: number;
  readonly taskId?: number;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}
