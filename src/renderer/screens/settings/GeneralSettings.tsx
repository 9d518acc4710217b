import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../api/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useToast } from '../../components/Toasts';

const IDLE_CHOICES = [5, 10, 15, 30, 60, 0] as const;

/** Language and the idle lock (the change history records the name of whose password opened the ledger). */
export function GeneralSettings() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const toast = useToast();
  const { status, refresh } = useSession();

  const save = async (change: Parameters<typeof api.session.setPreferences>[0]): Promise<void> => {
    const saved = await api.session.setPreferences(change);
    if (saved.ok) toast(t('saved'));
    await refresh();
  };

  return (
    <section className="card" aria-labelledby="settings-general">
      <h2 id="settings-general">{t('general')}</h2>
      <div className="form form--grid">
        <div className="field">
          <span className="field__label">{t('language')}</span>
          <LanguageSwitch />
        </div>
        <div className="field">
          <label htmlFor="idle-lock">{t('idleLock')}</label>
          <select id="idle-lock" value={status.preferences.idleLockMinutes} onChange={(e) => void save({ idleLockMinutes: Number(e.target.value) })}>
            {IDLE_CHOICES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes === 0 ? t('idleNever') : t('idleMinutes', { count: minutes })}
              </option>
            ))}
          </select>
          <div className="field__hint">{t('idleHint')}</div>
        </div>
      </div>
    </section>
  );
}
