import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../app/SessionContext';
import { OpenLedger } from './OpenLedger';
import { SessionFrame } from './SessionFrame';

/** The ledger is locked (by hand, or after the idle time): its password opens it again. */
export function Unlock() {
  const { t } = useTranslation();
  const api = useApi();
  const { status, refresh } = useSession();
  return (
    <SessionFrame>
      <h2>{t('session.unlock.title')}</h2>
      <p>{t('session.unlock.explain')}</p>
      <OpenLedger path={status.path ?? ''} fixedPath />
      <button type="button" className="button button--link" onClick={() => void api.session.close().then(refresh)}>
        {t('session.unlock.other')}
      </button>
    </SessionFrame>
  );
}
