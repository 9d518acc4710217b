import { Ledger } from '../../core/ledger';
import { MIN_PASSWORD_CHARS } from '../../shared/password-strength';
import { ok } from '../../shared/result';
import type { Command } from '../command';
import { ledgerFailure } from '../failure';

/** With --recovery-key-stdin this is how a forgotten password is replaced. */
export const passwd: Command = {
  name: 'passwd',
  positionals: ['FILE'],
  async run(ctx) {
    const [path] = ctx.positionals as [string];
    const byKey = Boolean(ctx.values['recovery-key-stdin']);
    const secret = await ctx.secrets.ask(ctx.t(byKey ? 'cli:prompts.recoveryKey' : 'cli:prompts.currentPassword'));
    if (!secret.ok) return secret;
    const current = byKey ? { recoveryKey: secret.value } : { password: secret.value };
    const opened = await Ledger.open(path, current, { actor: 'duban-cli' });
    if (!opened.ok) return ledgerFailure(opened.error);
    const ledger = opened.value;
    try {
      const next = await ctx.secrets.askNew(ctx.t('cli:prompts.newPassword', { min: MIN_PASSWORD_CHARS }), ctx.t('cli:prompts.confirmPassword'));
      if (!next.ok) return next;
      const changed = await ledger.store.changePassword(current, next.value);
      if (!changed.ok) return ledgerFailure(changed.error);
    } finally {
      ledger.close();
    }
    ctx.out(ctx.t('cli:passwd.changed'));
    return ok(undefined);
  },
};
