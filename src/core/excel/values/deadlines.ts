import type { Deadline } from '../../tasks/model';
import { parseDateText } from './dates';
import { compact } from './text';

/**
 * 整改时限 as written in a feedback list: a date in any form, 立行立改 (immediately), 长期坚持
 * (ongoing), or both words ("立行立改，长期坚持": begun at once and kept up, which is ongoing). Like
 * every choice, the words are read only as the whole cell: "2024年底前完成并长期坚持" names a date
 * and a habit, and which one is the deadline is for the user to say.
 */
const IMMEDIATE = ['立行立改', '立即整改', '即知即改'];
const ONGOING = ['长期坚持', '长期', '持续推进', '常态化'];
const BOTH = /^立行立改[，,、；;]?(?:并)?长期坚持$/;

export type DeadlineReading = { readonly deadline: Deadline; readonly note?: 'immediate_and_ongoing' } | null;

export function parseDeadlineText(text: string): DeadlineReading {
  const value = compact(text);
  if (value === '') return null;
  if (BOTH.test(value)) return { deadline: { kind: 'ongoing' }, note: 'immediate_and_ongoing' };
  if (IMMEDIATE.includes(value)) return { deadline: { kind: 'immediate' } };
  if (ONGOING.includes(value)) return { deadline: { kind: 'ongoing' } };
  const date = parseDateText(value);
  return date ? { deadline: { kind: 'date', date } } : null;
}
