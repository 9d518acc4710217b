import type { PlatformInfo, SessionStatus } from '../../contract/session-model';
import { providedContext } from './providedContext';

/** What screens and components know of the session; the app, above them, provides it. */
export interface SessionView {
  readonly status: SessionStatus;
  readonly platform: PlatformInfo;
  /** Asks the core where the session stands (after opening, locking, changing preferences). */
  refresh(): Promise<void>;
  /** Keeps the welcome screen up over a ledger just created, until its recovery key was noted. */
  holdWelcome(hold: boolean): void;
}

export const { Provider: SessionProvider, useProvided: useSession } = providedContext<SessionView>('useSession');
