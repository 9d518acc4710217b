import { z } from 'zod';
import type { IsoDate } from '../../shared/dates';
import { choice, isoDate, optionalId, optionalText, requiredText } from '../../shared/validation';

/** 党组会 / 厅务会 / 专题会 / 调度会 / 其他: the resident unit's meetings the group attends. */
export const MEETING_KINDS = ['party_group', 'office', 'special', 'dispatch', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface Meeting {
  readonly id: number;
  readonly heldOn: IsoDate;
  readonly kind: MeetingKind;
  readonly title: string;
  /** The unit that held it. */
  readonly unitId: number | null;
  readonly attendees: string;
  /** What the group learned there. */
  readonly notes: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const meetingInput = z.object({
  heldOn: isoDate,
  kind: choice(MEETING_KINDS),
  title: requiredText(200),
  unitId: optionalId,
  attendees: optionalText(1000),
  notes: optionalText(8000),
});

export type MeetingInput = z.input<typeof meetingInput>;
