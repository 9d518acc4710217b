import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useSession } from '../../api/session';
import { formatInstant } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { CreateLedger } from './CreateLedger';
import { DemoLedger } from './DemoLedger';
import { OpenLedger } from './OpenLedger';
import { SessionFrame } from './SessionFrame';

type Mode = 'open' | 'create';

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * First start and every start without an open ledger: the recent ledgers, open one, create one, or
 * the demo with one click. A ledger file the app was started with is the one offered to open.
 */
export function Welcome() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { status, platform, refresh } = useSession();
  const offered = platform.launchFile ?? status.recent[0]?.path;
  const [mode, setMode] = useState<Mode>(offered ? 'open' : 'create');
  const [picked, setPicked] = useState(offered ?? '');

  return (
    <SessionFrame>
      {status.recent.length > 0 && (
        <section className="recent" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('session.recent')}</h2>
          <ul>
            {status.recent.map((r) => (
              <li key={r.path} className={r.path === picked && mode === 'open' ? 'recent__item--picked' : undefined}>
                <button
                  type="button"
                  className="recent__open"
                  onClick={() => {
                    setPicked(r.path);
                    setMode('open');
                  }}
                >
                  <strong>{fileName(r.path)}</strong>
                  <span className="recent__path">{r.path}</span>
                  <span className="recent__when">{t('session.lastOpened', { when: formatInstant(r.openedAt, i18n.language as Language) })}</span>
                </button>
                <button
                  type="button"
                  className="button button--link"
                  aria-label={t('session.forget', { name: fileName(r.path) })}
                  onClick={() => void api.session.forgetRecent(r.path).then(refresh)}
                >
                  {t('session.forgetShort')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="tabs" role="tablist" aria-label={t('session.modes')}>
        {(['open', 'create'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className={`tab${mode === m ? ' tab--active' : ''}`} onClick={() => setMode(m)}>
            {t(`session.mode.${m}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {mode === 'open' && <OpenLedger key={picked} path={picked} knownPath={picked === platform.launchFile} />}
        {mode === 'create' && <CreateLedger />}
      </div>
      <DemoLedger />
    </SessionFrame>
  );
}
