import type { Person } from '../core/people/model';
import type { DubanError } from '../shared/errors';
import type { Language } from '../shared/i18n/setup';

/** Where the app is: no ledger chosen, a ledger locked (its path remembered), or a ledger open. */
export type SessionState = 'none' | 'locked' | 'open';

export interface Preferences {
  readonly language: Language;
  /** Minutes without use after which the ledger locks itself; 0 never. */
  readonly idleLockMinutes: number;
}

export interface RecentLedger {
  readonly path: string;
  readonly openedAt: string;
}

export interface SessionStatus {
  readonly state: SessionState;
  readonly path: string | null;
  /** The ledger at `path` is the demo ledger, which opens with one click (host/demo-ledger.ts). */
  readonly demo: boolean;
  readonly preferences: Preferences;
  readonly recent: readonly RecentLedger[];
  /** Who opened the ledger (their password, or the recovery key for the administrator); null when none is open. */
  readonly person: Pick<Person, 'name' | 'role'> | null;
  /** What the open ledger found amiss without refusing to open (errors.ledger.*): shown until dealt with. */
  readonly warnings: readonly DubanError[];
}

export interface BackupEntry {
  readonly fileName: string;
  readonly takenAt: number;
  readonly size: number;
  /** Still under the data key of before a password change (it could not be sealed again): the old password opens it. */
  readonly earlierKey: boolean;
}

export interface PlatformInfo {
  /** 'desktop' in Electron; 'browser' behind the loopback bridge, which has no native dialogs. */
  readonly shell: 'desktop' | 'browser';
  readonly version: string;
  /** The ledger file the app was started with (a .duban opened from the file manager), offered on the welcome screen; or null. */
  readonly launchFile: string | null;
}
