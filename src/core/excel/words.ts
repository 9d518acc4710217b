import type { TFunction } from 'i18next';
import enExchange from '../../shared/i18n/locales/en/exchange.json' with { type: 'json' };
import zhExchange from '../../shared/i18n/locales/zh-CN/exchange.json' with { type: 'json' };
import { createI18n, type Language } from '../../shared/i18n/setup';
import type { Deadline } from '../tasks/model';
import { formatDate } from '../../shared/i18n/format';

/**
 * The words of the workbooks the exchange writes (titles, headers, instructions), in the language
 * asked for: Chinese unless English is.
 */
const instances = new Map<Language, TFunction>();

export function exchangeWords(language: Language): TFunction {
  let t = instances.get(language);
  if (!t) {
    t = createI18n(language, { exchange: { 'zh-CN': zhExchange, en: enExchange } }).t;
    instances.set(language, t);
  }
  return t;
}

/** Words by key, with their values: what an export asks for a cell. */
export type Words = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/**
 * The same words, each looked up once: i18next takes microseconds a call, and an export of 200,000
 * cases asks a million times for a few dozen words (5 of its 17 seconds).
 */
export function rememberedWords(t: TFunction): Words {
  const known = new Map<string, string>();
  return (key, values) => {
    const asked = values ? `${key} ${JSON.stringify(values)}` : key;
    let words = known.get(asked);
    if (words === undefined) known.set(asked, (words = t(key, values)));
    return words;
  };
}

/** 整改时限 as written on paper: 2024年6月30日, 立行立改, 长期坚持. */
export function deadlineWords(t: Words, deadline: Deadline, language: Language): string {
  return deadline.kind === 'date' ? formatDate(deadline.date, language) : t(`common:enums.deadlineKind.${deadline.kind}`);
}
