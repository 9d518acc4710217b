import { seedDemo } from '../../core/demo/seed';
import { Ledger } from '../../core/ledger';
import { MIN_PASSWORD_CHARS } from '../../shared/password-strength';
import { ok } from '../../shared/result';
import type { Command } from '../command';
import { ledgerFailure } from '../failure';

export const init: Command = {
  name: 'init',
  positionals: ['FILE'],
  options: { demo: { type: 'boolean' }, name: { type: 'string' }, commission: { type: 'boolean' } },
  async run(ctx) {
    const [path] = ctx.positionals as [string];
    const given = ctx.values.name;
    // The one who makes the ledger is its administrator: the history records changes under this name.
    const administrator =
      typeof given === 'string' ? given : await ctx.secrets.askText(ctx.t('cli:prompts.administrator'), ctx.t('cli:user.defaultAdministrator'));
    const password = await ctx.secrets.askNew(ctx.t('cli:prompts.newPassword', { min: MIN_PASSWORD_CHARS }), ctx.t('cli:prompts.confirmPassword'));
    if (!password.ok) return password;
    const kind = ctx.values.commission ? 'commission' : 'group';
    const created = await Ledger.create(path, { password: password.value, administrator, anchors: ctx.anchors, kind });
    if (!created.ok) return ledgerFailure(created.error);
    const { ledger, recoveryKey } = created.value;
    const seeded = ctx.values.demo ? seedDemo(ledger) : null;
    const closed = ledger.close();
    if (seeded && !seeded.ok) return ledgerFailure(seeded.error);
    if (!closed.ok) return ledgerFailure(closed.error);
    ctx.out(ctx.t(kind === 'commission' ? 'cli:init.createdCommission' : 'cli:init.created', { path }));
    if (seeded) ctx.out(ctx.t('cli:init.demo', { ...seeded.value }));
    ctx.out();
    ctx.out(ctx.t('cli:init.recoveryKeyTitle'));
    ctx.out();
    ctx.out(`    ${recoveryKey}`);
    ctx.out();
    ctx.out(ctx.t('cli:init.recoveryKeyAdvice'));
    return ok(undefined);
  },
};
