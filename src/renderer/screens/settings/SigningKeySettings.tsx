import { useTranslation } from 'react-i18next';
import { useContractQuery } from '../../api/useContract';
import { ErrorNotice } from '../../components/Notice';

/**
 * 报送签名: the fingerprint of the key this ledger signs its report packages with, for the
 * commission to record once (read aloud over the telephone, or copied from here). A commission's
 * ledger signs nothing: it says what it is instead.
 */
export function SigningKeySettings() {
  const { t } = useTranslation('settings');
  const kind = useContractQuery('rollup', 'kind', []);
  const key = useContractQuery('rollup', 'signingKey', kind.data === 'group' ? [] : null);
  return (
    <section className="card" aria-labelledby="settings-signing">
      <h2 id="settings-signing">{t('signing.title')}</h2>
      {kind.data === 'commission' ? (
        <p>{t('signing.commission')}</p>
      ) : (
        <>
          <p>{t('signing.explain')}</p>
          {key.data && (
            <p className="settings__key">
              <code className="fingerprint" aria-label={t('signing.fingerprint')}>
                {key.data.fingerprint}
              </code>
            </p>
          )}
          <ErrorNotice error={key.error ?? kind.error} />
        </>
      )}
    </section>
  );
}
