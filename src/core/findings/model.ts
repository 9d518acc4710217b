import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import { id, missingOr, optionalDate, optionalId, optionalText, requiredText } from '../../shared/validation';

/** Where a finding (问题) came from: a site visit, a meeting, or a report the group read. */
export const FINDING_SOURCES = ['visit', 'meeting', 'report'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export type FindingOrigin =
  { readonly source: 'visit'; readonly siteVisitId: number } | { readonly source: 'meeting'; readonly meetingId: number } | { readonly source: 'report' };

export interface Finding {
  readonly id: number;
  readonly origin: FindingOrigin;
  /** The task the problem belongs to, if any. */
  readonly taskId: number | null;
  readonly unitId: number | null;
  readonly description: string;
  /** To whom the group reported it (e.g. 驻在单位党组), and when. */
  readonly reportedTo: string;
  readonly reportedOn: IsoDate | null;
  readonly rectified: boolean;
  readonly rectifiedOn: IsoDate | null;
  readonly notes: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const findingOrigin = z.discriminatedUnion(
  'source',
  [
    z.object({ source: z.literal('visit'), siteVisitId: id }),
    z.object({ source: z.literal('meeting'), meetingId: id }),
    z.object({ source: z.literal('report') }),
  ],
  missingOr('invalid_choice'),
);

/** Only a finding put right says when it was (the rule of `findingInput`, for a form of its own too). */
export const rectifiedWhen = <S extends z.ZodType<{ rectified: boolean; rectifiedOn: string | null }>>(schema: S) =>
  schema.refine((f) => f.rectified || f.rectifiedOn === null, { error: 'invalid', path: ['rectifiedOn'] });

export const findingFields = z.object({
  origin: findingOrigin,
  taskId: optionalId,
  unitId: optionalId,
  description: requiredText(4000),
  reportedTo: optionalText(200),
  reportedOn: optionalDate,
  rectified: z.boolean().default(false),
  rectifiedOn: optionalDate,
  notes: optionalText(2000),
});

export const findingInput = rectifiedWhen(findingFields);

export type FindingInput = z.input<typeof findingInput>;

export interface FindingFilter {
  readonly siteVisitId?: number;
  readonly meetingId?: number;
  readonly taskId?: number;
  readonly unitId?: number;
  readonly rectified?: boolean;
}
