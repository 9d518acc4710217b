import i18next, { type i18n, type Module, type Resource, type ResourceKey } from 'i18next';
import enCommon from './locales/en/common.json' with { type: 'json' };
import zhCommon from './locales/zh-CN/common.json' with { type: 'json' };

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Resources of one namespace in each language, e.g. the command line's or the app's own texts. */
export type Catalogue = Record<Language, ResourceKey>;

/** The language for a locale name such as zh_CN.UTF-8, zh-Hans or en-US: Chinese unless it is clearly not. */
export function languageOf(locale: string | undefined): Language {
  if (!locale) return 'zh-CN';
  return /^zh/i.test(locale) ? 'zh-CN' : /^en/i.test(locale) ? 'en' : 'zh-CN';
}

/** A ready i18next instance with the common texts and `namespaces` (synchronous: resources are bundled). */
export function createI18n(language: Language, namespaces: Record<string, Catalogue> = {}, plugins: readonly Module[] = []): i18n {
  const instance = i18next.createInstance();
  for (const plugin of plugins) instance.use(plugin);
  const resources: Resource = { 'zh-CN': { common: zhCommon }, en: { common: enCommon } };
  for (const [ns, catalogue] of Object.entries(namespaces)) {
    for (const lang of LANGUAGES) resources[lang]![ns] = catalogue[lang];
  }
  void instance.init({
    lng: language,
    fallbackLng: false,
    resources,
    ns: ['common', ...Object.keys(namespaces)],
    defaultNS: Object.keys(namespaces)[0] ?? 'common',
    fallbackNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    // i18next otherwise prints a notice to the console: it would end up in the command line's output.
    showSupportNotice: false,
  });
  return instance;
}
