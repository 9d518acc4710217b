import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../contract/tasks';
import { formatDate, formatInstant, formatPeriod } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/setup';

export interface Format {
  date(date: string | null | undefined): string;
  period(period: string): string;
  instant(instant: string | number): string;
  deadline(deadline: Deadline): string;
  number(n: number): string;
}

/** Dates, months and deadlines in the language shown: 2026年11月24日, 2026年11月, 立行立改. */
export function useFormat(): Format {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return useMemo(
    () => ({
      date: (date: string | null | undefined): string => (date ? formatDate(date, language) : ''),
      period: (period: string): string => formatPeriod(period, language),
      instant: (instant: string | number): string => formatInstant(instant, language),
      deadline: (deadline: Deadline): string =>
        deadline.kind === 'date' ? formatDate(deadline.date, language) : t(`common:enums.deadlineKind.${deadline.kind}`),
      number: (n: number): string => n.toLocaleString(language),
    }),
    [t, language],
  );
}
