import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ResourceKey } from 'i18next';
import { type Catalogue, createI18n, type Language, LANGUAGES } from '../../shared/i18n/setup';

/**
 * Every catalogue under shared/i18n/locales/<language>/<namespace>.json but the common one (always
 * loaded) and the command line's: the app's shell and one namespace per screen.
 */
const files = import.meta.glob<ResourceKey>('../../shared/i18n/locales/*/*.json', { eager: true, import: 'default' });

function appCatalogues(): Record<string, Catalogue> {
  const namespaces: Record<string, Partial<Catalogue>> = {};
  for (const [path, resources] of Object.entries(files)) {
    const [, language, ns] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
    if (ns === 'common' || ns === 'cli' || !LANGUAGES.includes(language as Language)) continue;
    (namespaces[ns!] ??= {})[language as Language] = resources;
  }
  return namespaces as Record<string, Catalogue>;
}

export function startI18n(language: Language): i18n {
  const catalogues = appCatalogues();
  // `app` first: it is the default namespace of the screens.
  return createI18n(language, { app: catalogues.app!, ...catalogues }, [initReactI18next]);
}
