import { createContext, useContext } from 'react';
import type { PlatformInfo, SessionStatus } from '../../contract/session-model';

export interface SessionView {
  readonly status: SessionStatus;
  readonly platform: PlatformInfo;
  /** Asks the core where the session stands (after opening, locking, changing preferences). */
  refresh(): Promise<void>;
  /** Keeps the welcome screen up over a ledger just created, until its recovery key was noted. */
  holdWelcome(hold: boolean): void;
}

export const SessionContext = createContext<SessionView | null>(null);

export function useSession(): SessionView {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the app');
  return session;
}
