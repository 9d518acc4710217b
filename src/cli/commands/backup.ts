import { existsSync } from 'node:fs';
import { ok } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { cliFailure, ledgerFailure } from '../failure';

export const backup: Command = {
  name: 'backup',
  positionals: ['FILE', 'DEST'],
  async run(ctx) {
    const [path, dest] = ctx.positionals as [string, string];
    if (existsSync(dest)) return cliFailure('out_exists', { path: dest });
    const opened = await openLedger(ctx, path, true);
    if (!opened.ok) return opened;
    const copied = opened.value.store.saveCopy(dest);
    opened.value.close();
    if (!copied.ok) return ledgerFailure(copied.error);
    ctx.out(ctx.t('cli:backup.done', { dest }));
    return ok(undefined);
  },
};
