import type { IsoDate, Period } from '../../../shared/dates';
import type { Deadline } from '../../tasks/model';
import type { EnumName, FieldChange, Shown } from './model';

/** Values as the preview shows them, and the changes between two records field by field. */
export const EMPTY_SHOWN: Shown = { t: 'empty' };

export const shownText = (v: string | null | undefined): Shown => (v ? { t: 'text', v } : EMPTY_SHOWN);
export const shownNumber = (v: number | null | undefined): Shown => (v === null || v === undefined ? EMPTY_SHOWN : { t: 'number', v });
export const shownDate = (v: IsoDate | null | undefined): Shown => (v ? { t: 'date', v } : EMPTY_SHOWN);
export const shownPeriod = (v: Period | null | undefined): Shown => (v ? { t: 'period', v } : EMPTY_SHOWN);
export const shownDeadline = (v: Deadline | null | undefined): Shown => (v ? { t: 'deadline', v } : EMPTY_SHOWN);
export const shownEnum = (e: EnumName, v: string | null | undefined): Shown => (v ? { t: 'enum', e, v } : EMPTY_SHOWN);
export const shownEnums = (e: EnumName, v: readonly string[]): Shown => (v.length > 0 ? { t: 'enums', e, v } : EMPTY_SHOWN);
export const shownList = (v: readonly string[] | null | undefined): Shown => (v && v.length > 0 ? { t: 'list', v } : EMPTY_SHOWN);

const same = (a: Shown, b: Shown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose shown value differs; for a new record (`before` absent), every value given. */
export function changesOf(after: Readonly<Record<string, Shown>>, before?: Readonly<Record<string, Shown>>): FieldChange[] {
  return Object.entries(after)
    .filter(([field, value]) => (before ? !same(before[field] ?? EMPTY_SHOWN, value) : value.t !== 'empty'))
    .map(([field, value]) => ({ field, before: before?.[field] ?? EMPTY_SHOWN, after: value }));
}
