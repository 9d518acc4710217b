import { existsSync } from 'node:fs';
import { backupDirOf } from '../../core/storage/backups';
import { ok } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { ledgerFailure } from '../failure';

/**
 * Restores FILE from BACKUP. An existing FILE is opened with its password and keeps its present
 * state as a backup; a missing FILE is written afresh from the backup.
 */
export const restore: Command = {
  name: 'restore',
  positionals: ['BACKUP', 'FILE'],
  async run(ctx) {
    const [backup, file] = ctx.positionals as [string, string];
    const replacing = existsSync(file);
    const opened = await openLedger(ctx, replacing ? file : backup, !replacing);
    if (!opened.ok) return opened;
    const ledger = opened.value;
    // A restore asked for moves this machine's anchor to the restored state: it is no rollback.
    const restored = replacing ? await ledger.restoreBackup(backup) : ledger.store.saveCopy(file, ctx.anchors);
    ledger.close();
    if (!restored.ok) return ledgerFailure(restored.error);
    ctx.out(ctx.t('cli:restore.done', { backup, file }));
    if (replacing) ctx.out(ctx.t('cli:restore.kept', { dir: backupDirOf(file) }));
    return ok(undefined);
  },
};
