import { type IsoDate, lastDayOfPeriod, makeDate, type Period } from '../../../shared/dates';
import { compact } from './text';

/**
 * Dates as people type them into workbooks: Excel serials, 2024-06-30, 2024/6/30, 2024.6.30,
 * 2024年6月30日, 20240630, and the deadline idiom 2023年12月底前 ("by the end of December 2023",
 * the last day of that month). Full-width digits are read as digits.
 */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** An Excel serial day number (1900 date system) as a calendar date. */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const t = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return makeDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

const PATTERNS: readonly { pattern: RegExp; read: (m: RegExpExecArray) => IsoDate | null }[] = [
  // 2024年6月30日, 2024年06月30号
  { pattern: /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:前|之前|以前)?$/, read: (m) => makeDate(+m[1]!, +m[2]!, +m[3]!) },
  // 2023年12月底前, 2023年12月底, 2023年12月前, 2023年12月
  { pattern: /^(\d{4})年(\d{1,2})月(?:底|末)?(?:前|之前|以前)?$/, read: (m) => monthEnd(+m[1]!, +m[2]!) },
  // 2025年底前, 2025年年底, 2025年末
  { pattern: /^(\d{4})年(?:年)?(?:底|末)(?:前|之前|以前)?$/, read: (m) => makeDate(+m[1]!, 12, 31) },
  // 2024-06-30, 2024/6/30, 2024.6.30
  { pattern: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, read: (m) => makeDate(+m[1]!, +m[2]!, +m[3]!) },
  // 2024-06, 2024.6 (a month: its last day)
  { pattern: /^(\d{4})[-/.](\d{1,2})$/, read: (m) => monthEnd(+m[1]!, +m[2]!) },
  // 20240630
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, read: (m) => makeDate(+m[1]!, +m[2]!, +m[3]!) },
];

function monthEnd(year: number, month: number): IsoDate | null {
  if (month < 1 || month > 12) return null;
  return lastDayOfPeriod(`${year}-${String(month).padStart(2, '0')}` as Period);
}

/** A date written as text, or null when the text is not a date in any of the forms above. */
export function parseDateText(text: string): IsoDate | null {
  const value = compact(text);
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(value);
    if (match) return read(match);
  }
  return null;
}

/** A reporting month as typed: 2026-11, 2026年11月, 2026.11, 202611. */
export function parsePeriodText(text: string): Period | null {
  const value = compact(text);
  const match = /^(\d{4})(?:年|[-/.])?(\d{1,2})月?(?:份)?$/.exec(value);
  if (!match) return null;
  const month = +match[2]!;
  return month >= 1 && month <= 12 ? (`${match[1]}-${String(month).padStart(2, '0')}` as Period) : null;
}
