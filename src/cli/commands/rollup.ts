import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Ledger } from '../../core/ledger';
import type { RollupCheck } from '../../core/rollup/model';
import { readReportPackage } from '../../core/rollup/package';
import { ioError } from '../../core/storage/durable-fs';
import { dubanError } from '../../shared/errors';
import { formatPeriod } from '../../shared/i18n/format';
import { ok, type Result } from '../../shared/result';
import { askUnlockAndPassphrase, type Command, type CommandContext, openLedger } from '../command';
import { type CliFailure, cliFailure, ledgerFailure } from '../failure';

/** A group seen for the first time is recorded only once someone said yes: --accept-new, or at the terminal. */
async function mayRecord(ctx: CommandContext, check: RollupCheck): Promise<Result<void, CliFailure>> {
  if (check.key !== 'new' || ctx.values['accept-new']) return ok(undefined);
  ctx.out(ctx.t('cli:rollup.newGroup'));
  const answer = await ctx.secrets.confirm(ctx.t('cli:rollup.confirm'));
  if (answer === null) return cliFailure('rollup_confirm_needed', { group: check.group, fingerprint: check.fingerprint });
  return answer ? ok(undefined) : cliFailure('rollup_declined', { group: check.group });
}

async function takePackage(ctx: CommandContext, ledger: Ledger, file: string, passphrase: string): Promise<Result<void, CliFailure>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return ledgerFailure(ioError(error, file));
  }
  const opened = await readReportPackage(bytes, passphrase);
  if (!opened.ok) return ledgerFailure(opened.error);
  const check = ledger.rollup.check(opened.value);
  const period = formatPeriod(check.period, ctx.language);
  ctx.out(ctx.t('cli:rollup.package', { file: basename(file), group: check.group, period, fingerprint: check.fingerprint }));
  const allowed = await mayRecord(ctx, check);
  if (!allowed.ok) return allowed;
  const taken = ledger.rollup.accept(opened.value, { acceptNew: true });
  if (!taken.ok) return ledgerFailure(taken.error);
  const outcome = check.key === 'new' ? 'recorded' : taken.value.outcome;
  ctx.out(ctx.t(`cli:rollup.outcomes.${outcome}`, { group: check.group, period, fingerprint: check.fingerprint }));
  return ok(undefined);
}

/**
 * `duban rollup FILE PACKAGE...`: the commission's ledger takes the groups' report packages, one
 * after another, stopping at the first it refuses (those before it are in; taking them again changes nothing).
 */
export const rollup: Command = {
  name: 'rollup',
  positionals: ['FILE', 'PACKAGE'],
  options: { 'accept-new': { type: 'boolean' } },
  async run(ctx) {
    const [path, ...files] = ctx.positionals as [string, ...string[]];
    const secrets = await askUnlockAndPassphrase(ctx);
    if (!secrets.ok) return secrets;
    const opened = await openLedger(ctx, path, false, secrets.value.unlock);
    if (!opened.ok) return opened;
    const ledger = opened.value;
    let result: Result<void, CliFailure> = ledger.rollup.kind() === 'commission' ? ok(undefined) : ledgerFailure(dubanError('report.not_commission'));
    for (const file of result.ok ? files : []) {
      result = await takePackage(ctx, ledger, file, secrets.value.passphrase);
      if (!result.ok) break;
    }
    ledger.close();
    return result;
  },
};
