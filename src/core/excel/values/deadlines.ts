import type { Deadline } from '../../tasks/model';
import { parseDateText } from './dates';

/**
 * 整改时限 as written in a feedback list: a date in any form, 立行立改 (immediately), 长期坚持
 * (ongoing), or both words ("立行立改，长期坚持": begun at once and kept up, which is ongoing).
 */
const IMMEDIATE = /立行立改|立即整改|即知即改/;
const ONGOING = /长期坚持|长期|持续推进|常态化/;

export type DeadlineReading = { readonly deadline: Deadline; readonly note?: 'immediate_and_ongoing' } | null;

export function parseDeadlineText(text: string): DeadlineReading {
  const value = text.normalize('NFKC').trim();
  if (value === '') return null;
  const immediate = IMMEDIATE.test(value);
  const ongoing = ONGOING.test(value);
  if (immediate && ongoing) return { deadline: { kind: 'ongoing' }, note: 'immediate_and_ongoing' };
  if (immediate) return { deadline: { kind: 'immediate' } };
  if (ongoing) return { deadline: { kind: 'ongoing' } };
  const date = parseDateText(value);
  return date ? { deadline: { kind: 'date', date } } : null;
}
