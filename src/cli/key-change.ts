import type { KeyChange } from '../core/storage/model';
import type { CommandContext } from './command';

/** What a new data key leaves the office to do: a recovery key to print (a ledger first made in format 1), backups that still open with the old secret. */
export function reportKeyChange(ctx: CommandContext, change: KeyChange): void {
  if (change.recoveryKey) {
    ctx.out();
    ctx.out(ctx.t('cli:passwd.newRecoveryKey'));
    ctx.out();
    ctx.out(`    ${change.recoveryKey}`);
    ctx.out();
    ctx.out(ctx.t('cli:init.recoveryKeyAdvice'));
  }
  if (change.backupsNotResealed.length) ctx.warn(ctx.t('cli:passwd.backupsNotResealed', { files: change.backupsNotResealed.join('、') }));
}
