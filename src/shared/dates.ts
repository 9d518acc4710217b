/**
 * Calendar dates and reporting periods as the ledger stores them: `YYYY-MM-DD` and `YYYY-MM`,
 * branded so that a loose string cannot pass for one.
 */
export type IsoDate = string & { readonly __brand: 'IsoDate' };
export type Period = string & { readonly __brand: 'Period' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: string): value is IsoDate {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isPeriod(value: string): value is Period {
  const m = PERIOD.exec(value);
  return !!m && Number(m[1]) >= 1900 && Number(m[1]) <= 2999 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function makeDate(year: number, month: number, day: number): IsoDate | null {
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return isIsoDate(value) ? value : null;
}

/** The local calendar date of an instant (the office's wall clock, not UTC). */
export function dateOf(instant: Date): IsoDate {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` as IsoDate;
}

export const periodOf = (date: IsoDate): Period => date.slice(0, 7) as Period;

export function lastDayOfPeriod(period: Period): IsoDate {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return `${period}-${pad(daysInMonth(year, month))}` as IsoDate;
}

export function shiftPeriod(period: Period, months: number): Period {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}` as Period;
}

/** Whole days from one date to another: negative when `to` comes first. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` as IsoDate;
}

/** An instant as ISO 8601 in the office's local time with its offset, e.g. 2026-11-25T09:30:00.000+08:00. */
export function localTimestamp(instant: Date): string {
  const offset = -instant.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 23);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
