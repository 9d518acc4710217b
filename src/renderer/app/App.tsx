import type { i18n } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import type { DubanApi } from '../../shared/contract/api';
import type { PlatformInfo, SessionStatus } from '../../shared/contract/session';
import { ApiProvider } from '../api/ApiContext';
import { ToastProvider } from '../components/Toasts';
import { Unlock } from '../screens/session/Unlock';
import { Welcome } from '../screens/session/Welcome';
import { SessionContext, type SessionView } from './SessionContext';
import { Shell } from './Shell';
import { useActivity } from './useActivity';

const STATUS_POLL_MS = 15_000;

/**
 * Where the app is decides what it shows: no ledger (welcome), a locked ledger (unlock), an open
 * one (the ledger's screens). The core may lock the ledger at any time (idle), and the app follows.
 */
export function App({ api, i18n, platform, lockSignal }: { api: DubanApi; i18n: i18n; platform: PlatformInfo; lockSignal: EventTarget }) {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [welcomeHeld, holdWelcome] = useState(false);

  const refresh = useCallback(async () => {
    const result = await api.session.status();
    if (!result.ok) return;
    setStatus(result.value);
    if (i18n.language !== result.value.preferences.language) await i18n.changeLanguage(result.value.preferences.language);
    document.documentElement.lang = result.value.preferences.language;
  }, [api, i18n]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    const onLocked = (): void => void refresh();
    lockSignal.addEventListener('locked', onLocked);
    return () => {
      clearInterval(timer);
      lockSignal.removeEventListener('locked', onLocked);
    };
  }, [refresh, lockSignal]);

  useActivity(api, status?.state === 'open');
  const session = useMemo<SessionView | null>(() => (status ? { status, platform, refresh, holdWelcome } : null), [status, platform, refresh]);
  const screen = welcomeHeld ? 'none' : session?.status.state;

  return (
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <ToastProvider>
          {session && (
            <SessionContext.Provider value={session}>
              {screen === 'none' && <Welcome />}
              {screen === 'locked' && <Unlock />}
              {screen === 'open' && (
                <HashRouter>
                  <Shell />
                </HashRouter>
              )}
            </SessionContext.Provider>
          )}
        </ToastProvider>
      </ApiProvider>
    </I18nextProvider>
  );
}
