import { writeReportPackage } from '../../core/rollup/package';
import { isPeriod } from '../../shared/dates';
import { formatPeriod } from '../../shared/i18n/format';
import { ok } from '../../shared/result';
import { askUnlockAndPassphrase, type Command, openLedger } from '../command';
import { cliFailure, ledgerFailure } from '../failure';
import { writeNewFile } from '../write-new-file';

/**
 * `duban report-package FILE --period YYYY-MM --out PATH`: the month's report package for the
 * commission. The ledger's password, then the passphrase the two offices agreed.
 */
export const reportPackage: Command = {
  name: 'report-package',
  positionals: ['FILE'],
  options: { period: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const [path] = ctx.positionals as [string];
    const { period, out } = ctx.values;
    if (typeof period !== 'string') return cliFailure('missing_option', { name: '--period' }, true);
    if (!isPeriod(period)) return cliFailure('invalid_period', { value: period });
    if (typeof out !== 'string') return cliFailure('missing_option', { name: '--out' }, true);
    const secrets = await askUnlockAndPassphrase(ctx);
    if (!secrets.ok) return secrets;
    const opened = await openLedger(ctx, path, false, secrets.value.unlock);
    if (!opened.ok) return opened;
    const ledger = opened.value;
    const written = await writeReportPackage(ledger, period, secrets.value.passphrase);
    const key = ledger.rollup.signingKey();
    ledger.close();
    if (!written.ok) return ledgerFailure(written.error);
    const saved = writeNewFile(out, written.value);
    if (!saved.ok) return saved;
    ctx.out(ctx.t('cli:reportPackage.written', { path: out, period: formatPeriod(period, ctx.language) }));
    if (key.ok) ctx.out(ctx.t('cli:reportPackage.fingerprint', { fingerprint: key.value.fingerprint }));
    return ok(undefined);
  },
};
