import { QueryClientProvider } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import type { DubanApi } from '../../contract/api';
import type { PlatformInfo, SessionStatus } from '../../contract/session-model';
import { ApiProvider } from '../api/ApiContext';
import type { SessionChange } from '../api/connect';
import { createQueryClient } from '../api/queryClient';
import { ToastProvider } from '../components/Toasts';
import { Unlock } from '../screens/session/Unlock';
import { Welcome } from '../screens/session/Welcome';
import { CoreNotice, type CoreStop } from './CoreNotice';
import { SessionProvider, type SessionView } from '../api/session';
import { Shell } from './Shell';
import { useActivity } from './useActivity';

const STATUS_POLL_MS = 15_000;
/** A restarted core takes a moment to come up: asking sooner only hears again that it restarted. */
const RESTART_SETTLE_MS = 500;

/**
 * Where the app is decides what it shows: no ledger (welcome), a locked ledger (unlock), an open
 * one (the ledger's screens). The core may lock the ledger at any time (idle, or restarted after it
 * stopped), and the app follows; a core that stopped for good leaves only its notice. It starts
 * from the status the page read as it loaded (null: the core did not answer), and asks again as it polls.
 */
export function App({
  api,
  i18n,
  platform,
  sessionSignal,
  initialStatus,
}: {
  api: DubanApi;
  i18n: i18n;
  platform: PlatformInfo;
  sessionSignal: EventTarget;
  initialStatus: SessionStatus | null;
}) {
  const [status, setStatus] = useState<SessionStatus | null>(initialStatus);
  const [welcomeHeld, holdWelcome] = useState(false);
  const [coreStop, setCoreStop] = useState<CoreStop | null>(null);
  const [queryClient] = useState(createQueryClient);

  const refresh = useCallback(async () => {
    const result = await api.session.status();
    if (!result.ok) return;
    setStatus(result.value);
    // Unlocked again after a restart: the notice has served.
    if (result.value.state === 'open') setCoreStop(null);
    if (i18n.language !== result.value.preferences.language) await i18n.changeLanguage(result.value.preferences.language);
    document.documentElement.lang = result.value.preferences.language;
  }, [api, i18n]);

  useEffect(() => {
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    const onChanged = (event: Event): void => {
      const change = (event as CustomEvent<SessionChange>).detail;
      if (change === 'ledger.closed') return void refresh();
      setCoreStop(change);
      if (change === 'core.restarted') setTimeout(() => void refresh(), RESTART_SETTLE_MS);
    };
    sessionSignal.addEventListener('changed', onChanged);
    return () => {
      clearInterval(timer);
      sessionSignal.removeEventListener('changed', onChanged);
    };
  }, [refresh, sessionSignal]);

  useActivity(api, status?.state === 'open');
  const session = useMemo<SessionView | null>(() => (status ? { status, platform, refresh, holdWelcome } : null), [status, platform, refresh]);
  const screen = coreStop === 'core.crashed' ? 'stopped' : welcomeHeld ? 'none' : session?.status.state;
  // What was read from a ledger goes with it when it locks or closes: the next one starts empty.
  useEffect(() => {
    if (screen !== 'open') queryClient.clear();
  }, [screen, queryClient]);

  return (
    <I18nextProvider i18n={i18n}>
      <ApiProvider value={api}>
        <QueryClientProvider client={queryClient}>
          <ToastProvider>
            {coreStop && <CoreNotice stop={coreStop} />}
            {session && (
              <SessionProvider value={session}>
                {screen === 'none' && <Welcome />}
                {screen === 'locked' && <Unlock />}
                {screen === 'open' && (
                  <HashRouter>
                    <Shell />
                  </HashRouter>
                )}
              </SessionProvider>
            )}
          </ToastProvider>
        </QueryClientProvider>
      </ApiProvider>
    </I18nextProvider>
  );
}
