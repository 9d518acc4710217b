import { method } from './define';
import type { KeyChange } from '../core/storage/model';
import { LANGUAGES } from '../shared/i18n/setup';
import { backupName, none, path, secret } from './common';
import type { BackupEntry, Preferences, SessionStatus } from './session-model';
import { z } from 'zod';

const lockToken = z.string().max(64);

export const session = {
  status: method(none).returns<SessionStatus>(),
  create: method(z.tuple([z.object({ path, password: secret, demo: z.boolean(), commission: z.boolean().optional() })])).returns<{ recoveryKey: string }>(),
  /** `takeOver`: the lock named by `ledger.in_use` that the user chose to take over, its holder gone. */
  open: method(
    z.tuple([
      z.union([z.object({ path, password: secret, takeOver: lockToken.optional() }), z.object({ path, recoveryKey: secret, takeOver: lockToken.optional() })]),
    ]),
  ).returns<SessionStatus>(),
  /** The demo ledger, opened (or made, the first time) with nothing to type. */
  openDemo: method(none).returns<SessionStatus>(),
  lock: method(none).returns<SessionStatus>(),
  close: method(none).returns<SessionStatus>(),
  /** The user is at work: postpones the idle lock. */
  touch: method(none).returns<void>(),
  changePassword: method(z.tuple([z.object({ current: secret, next: secret })])).returns<KeyChange>(),
  replaceRecoveryKey: method(z.tuple([z.object({ password: secret })])).returns<KeyChange & { recoveryKey: string }>(),
  backups: method(none).returns<BackupEntry[]>(),
  restoreBackup: method(z.tuple([backupName])).returns<void>(),
  /** Deletes a backup (one still under an earlier password's key, say); the ledger itself is untouched. */
  removeBackup: method(z.tuple([backupName])).returns<void>(),
  setPreferences: method(
    z.tuple([
      z.object({
        language: z.enum(LANGUAGES).optional(),
        idleLockMinutes: z.number().int().min(0).max(240).optional(),
      }),
    ]),
  ).returns<Preferences>(),
  forgetRecent: method(z.tuple([path])).returns<SessionStatus>(),
};
