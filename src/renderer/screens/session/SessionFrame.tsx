import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the screens before a ledger is open: the product's name, and the card with the form. */
export function SessionFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="session">
      <div className="session__brand">
        <h1>{t('appName')}</h1>
        <p>{t('session.tagline')}</p>
        <p className="session__assurance">{t('session.assurance')}</p>
        <LanguageSwitch />
      </div>
      <div className="session__card">{children}</div>
    </main>
  );
}
