import { createContext, type ReactNode, useContext } from 'react';
import type { PlatformInfo, SessionStatus } from '../../contract/session-model';

/** What screens and components know of the session; the app, above them, provides it. */
export interface SessionView {
  readonly status: SessionStatus;
  readonly platform: PlatformInfo;
  /** Asks the core where the session stands (after opening, locking, changing preferences). */
  refresh(): Promise<void>;
  /** Keeps the welcome screen up over a ledger just created, until its recovery key was noted. */
  holdWelcome(hold: boolean): void;
}

const SessionContext = createContext<SessionView | null>(null);

export function SessionProvider({ session, children }: { session: SessionView; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionView {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
