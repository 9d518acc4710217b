import { ok, type Result } from '../../shared/result';
import type { Ledger } from '../../core/ledger';
import { type Command, openLedger } from '../command';
import { type CliFailure, cliFailure, ledgerFailure } from '../failure';

/** The round named by --inspection: its number in the ledger, or its name as written. */
function roundOf(ledger: Ledger, value: string): Result<number, CliFailure> {
  const round = ledger.inspections.list().find((i) => i.name === value.trim() || String(i.id) === value.trim());
  return round
    ? ok(round.id)
    : cliFailure('archive_unknown_inspection', {
        value,
        names: ledger.inspections
          .list()
          .map((i) => `${i.id} ${i.name}`)
          .join('；'),
      });
}

/**
 * Moves a closed round of inspection to its own read-only ledger file, made with the administrator's
 * password (the one typed to open FILE), and prints the archive's own recovery key once.
 */
export const archiveCommand: Command = {
  name: 'archive',
  positionals: ['FILE'],
  options: { inspection: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const [path] = ctx.positionals as [string];
    const { inspection, out } = ctx.values as { inspection?: string; out?: string };
    if (!inspection) return cliFailure('missing_option', { name: '--inspection' }, true);
    if (!out) return cliFailure('missing_option', { name: '--out' }, true);
    const password = await ctx.secrets.ask(ctx.t('cli:prompts.password'));
    if (!password.ok) return password;
    const opened = await openLedger(ctx, path, false, { password: password.value });
    if (!opened.ok) return opened;
    const ledger = opened.value;
    const round = roundOf(ledger, inspection);
    const outcome = round.ok ? await ledger.archive.archive({ inspectionId: round.value, out, password: password.value, anchors: ctx.anchors }) : null;
    ledger.close();
    if (!round.ok) return round;
    if (!outcome!.ok) return ledgerFailure(outcome!.error);
    const { moved, path: written, sha256, recoveryKey } = outcome!.value;
    ctx.out(ctx.t('cli:archive.done', { path: written }));
    for (const [table, count] of Object.entries(moved)) if (count > 0) ctx.out(`  ${ctx.t(`cli:archive.parts.${table}`, { count })}`);
    ctx.out(ctx.t('cli:archive.sha256', { sha256 }));
    ctx.out(ctx.t('cli:archive.recoveryKey', { recoveryKey }));
    return ok(undefined);
  },
};
