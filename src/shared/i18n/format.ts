import type { IsoDate } from '../dates';
import type { Language } from './setup';

/**
 * Dates as the office writes them: 2026年11月24日, Arabic numerals without padding (GB/T 9704 writes
 * the date of a document the same way). English: 24 November 2026.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(date: IsoDate | string, language: Language): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return language === 'zh-CN' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A reporting period: 2026年11月 / November 2026. */
export function formatPeriod(period: string, language: Language): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return language === 'zh-CN' ? `${y}年${m}月` : `${MONTHS[m - 1]} ${y}`;
}

/** An instant in the office's time: 2026年11月24日 09:30. */
export function formatInstant(instant: Date | string | number, language: Language): string {
  const d = new Date(instant);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(date, language)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
