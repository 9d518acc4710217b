import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../api/session';
import { OpenDemoButton } from './DemoLedger';
import { OpenLedger } from './OpenLedger';
import { SessionFrame } from './SessionFrame';

/** The ledger is locked (by hand, or after the idle time): its password opens it again — the demo's, one click. */
export function Unlock() {
  const { t } = useTranslation();
  const api = useApi();
  const { status, refresh } = useSession();
  return (
    <SessionFrame>
      <h2>{t('session.unlock.title')}</h2>
      <p>{t(status.demo ? 'session.unlock.explainDemo' : 'session.unlock.explain')}</p>
      {status.demo ? <OpenDemoButton /> : <OpenLedger path={status.path ?? ''} fixedPath />}
      <button type="button" className="button button--link" onClick={() => void api.session.close().then(refresh)}>
        {t('session.unlock.other')}
      </button>
    </SessionFrame>
  );
}
