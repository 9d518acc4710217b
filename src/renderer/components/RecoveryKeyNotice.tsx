import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The recovery key, shown once: large, in its groups, with a print button and a confirmation that
 * it was written down before the user goes on.
 */
export function RecoveryKeyNotice({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [noted, setNoted] = useState(false);
  return (
    <section className="recovery-key" aria-labelledby="recovery-key-title">
      <h2 id="recovery-key-title">{t('session.recoveryKey.title')}</h2>
      <p>{t('session.recoveryKey.explain')}</p>
      <div className="recovery-key__sheet">
        <div className="recovery-key__print-title">{t('session.recoveryKey.printTitle')}</div>
        <code className="recovery-key__value" data-testid="recovery-key">
          {recoveryKey}
        </code>
        <div className="recovery-key__print-note">{t('session.recoveryKey.printNote')}</div>
      </div>
      <div className="recovery-key__actions">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('session.recoveryKey.print')}
        </button>
      </div>
      <label className="field--check">
        <input type="checkbox" checked={noted} onChange={(e) => setNoted(e.target.checked)} />
        {t('session.recoveryKey.confirm')}
      </label>
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={!noted} onClick={onDone}>
          {t('session.recoveryKey.continue')}
        </button>
      </div>
    </section>
  );
}
