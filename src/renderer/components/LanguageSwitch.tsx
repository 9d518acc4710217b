import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/i18n/setup';
import { useApi } from '../api/ApiContext';
import { useSession } from '../api/session';

/** 中文 / English, kept in the preferences so the next start speaks the same. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const api = useApi();
  const { status, refresh } = useSession();
  return (
    <div className="language-switch" role="group" aria-label={t('settings:language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className={`button button--small${status.preferences.language === language ? ' button--pressed' : ''}`}
          aria-pressed={status.preferences.language === language}
          lang={language}
          onClick={() => void api.session.setPreferences({ language }).then(refresh)}
        >
          {t(`languages.${language}`)}
        </button>
      ))}
    </div>
  );
}
