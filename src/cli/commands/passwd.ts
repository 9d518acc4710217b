import { MIN_PASSWORD_CHARS } from '../../shared/password-strength';
import { ok } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { ledgerFailure } from '../failure';
import { reportKeyChange } from '../key-change';

/**
 * A new password, and with it a new data key: earlier copies of the file no longer open what is
 * written from now on. With --recovery-key-stdin this is how a forgotten password is replaced.
 */
export const passwd: Command = {
  name: 'passwd',
  positionals: ['FILE'],
  async run(ctx) {
    const [path] = ctx.positionals as [string];
    const byKey = Boolean(ctx.values['recovery-key-stdin']);
    const secret = await ctx.secrets.ask(ctx.t(byKey ? 'cli:prompts.recoveryKey' : 'cli:prompts.currentPassword'));
    if (!secret.ok) return secret;
    const current = byKey ? { recoveryKey: secret.value } : { password: secret.value };
    const opened = await openLedger(ctx, path, false, current);
    if (!opened.ok) return opened;
    const ledger = opened.value;
    // A member's new password remakes their own slot only: the data key is the administrator's to change.
    const member = ledger.people.signedIn()?.role === 'member';
    let change;
    try {
      const next = await ctx.secrets.askNew(ctx.t('cli:prompts.newPassword', { min: MIN_PASSWORD_CHARS }), ctx.t('cli:prompts.confirmPassword'));
      if (!next.ok) return next;
      change = await ledger.changePassword(current, next.value);
      if (!change.ok) return ledgerFailure(change.error);
    } finally {
      ledger.close();
    }
    ctx.out(ctx.t(member ? 'cli:passwd.changedOwn' : 'cli:passwd.changed'));
    reportKeyChange(ctx, change.value);
    return ok(undefined);
  },
};
