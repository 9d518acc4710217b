import type { TFunction } from 'i18next';
import { isIsoDate } from '../dates';
import type { DubanError, FieldError } from '../errors';

/**
 * Sentences for errors, shared by the app and the command line. Some parameters are codes
 * themselves (a file part, an entity, the tables still using a row) and are translated too.
 */
function translateParams(t: TFunction, params: Readonly<Record<string, string | number>> = {}): Record<string, string | number | Date> {
  const out: Record<string, string | number | Date> = { ...params };
  if (typeof params.part === 'string') out.part = t(`common:parts.${params.part}`);
  if (typeof params.entity === 'string') out.entity = t(`common:entities.${params.entity}`);
  if (typeof params.uses === 'string') {
    out.uses = params.uses
      .split(',')
      .map((use) => {
        const [table, count] = use.split(':');
        return t('common:uses', { table: t(`common:tables.${table}`), count: Number(count) });
      })
      .join(t('common:listSeparator'));
  }
  if (typeof params.reason === 'string') out.reason = describeWeakness(t, params.reason, params);
  // An instant (a lock's `since`): written as the language writes a date and time.
  if (typeof params.since === 'string') out.since = new Date(params.since);
  return out;
}

/** Why a new password is refused, then what to do instead (zxcvbn's suggestions, comma-separated). */
function describeWeakness(t: TFunction, reason: string, { min, suggestions = '' }: Readonly<Record<string, string | number>>): string {
  const advice = String(suggestions)
    .split(',')
    .filter(Boolean)
    .map((key) => t(`common:password.suggestions.${key}`));
  return [t(`common:password.weakness.${reason}`, { min }), ...advice].join(t('common:sentenceSeparator'));
}

export function describeError(t: TFunction, error: DubanError): string {
  const key = `common:errors.${error.code}`;
  const params = translateParams(t, error.params);
  return t(key, { ...params, defaultValue: t('common:errors.unknown', { code: error.code }) });
}

/** Dates among a field error's parameters as dates, for the sentence to write them as the language does. */
const withDates = (params: Readonly<Record<string, string | number>> = {}) =>
  Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'string' && isIsoDate(value) ? new Date(`${value}T00:00:00`) : value]),
  );

export function describeField(t: TFunction, field: FieldError): string {
  return t(`common:fields.${field.code}`, withDates(field.params));
}
