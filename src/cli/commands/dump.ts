import { ok } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { writeNewFile } from '../write-new-file';

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
    const written = writeNewFile(out, image);
    if (!written.ok) return written;
    ctx.out(ctx.t('cli:dump.done', { out }));
    return ok(undefined);
  },
};
