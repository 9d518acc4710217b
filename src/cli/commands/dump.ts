import { writeFileSync } from 'node:fs';
import { ioError } from '../../core/storage/durable-fs';
import { ok } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { cliFailure, ledgerFailure } from '../failure';

export const dump: Command = {
  name: 'dump',
  positionals: ['FILE', 'OUT'],
  async run(ctx) {
    const [path, out] = ctx.positionals as [string, string];
    const opened = await openLedger(ctx, path, true);
    if (!opened.ok) return opened;
    const image = opened.value.store.plainImage();
    opened.value.close();
    ctx.warn(ctx.t('cli:dump.warning', { out }));
    try {
      writeFileSync(out, image, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return cliFailure('out_exists', { path: out });
      return ledgerFailure(ioError(error, out));
    }
    ctx.out(ctx.t('cli:dump.done', { out }));
    return ok(undefined);
  },
};
