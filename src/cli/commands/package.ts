import { basename, join } from 'node:path';
import type { Ledger } from '../../core/ledger';
import { isIsoDate, isPeriod } from '../../shared/dates';
import { describeReturnWarning } from '../../contract/describe-exchange';
import { formatPeriod } from '../../shared/i18n/format';
import { ok, type Result } from '../../shared/result';
import { type Command, type CommandContext, openLedger } from '../command';
import { type CliFailure, cliFailure, ledgerFailure } from '../failure';
import { unitOption } from '../unit-option';
import { makeFolder, writeNewFile } from '../write-new-file';

/**
 * `duban package export FILE DIR --period YYYY-MM [--unit NAME]`: one workbook per unit into DIR.
 * `duban package import FILE XLSX...`: the workbooks the units sent back, each in one transaction.
 */
async function exportPackages(ctx: CommandContext, ledger: Ledger, dir: string): Promise<Result<void, CliFailure>> {
  const period = ctx.values.period;
  if (typeof period !== 'string') return cliFailure('missing_option', { name: '--period' }, true);
  if (!isPeriod(period)) return cliFailure('invalid_period', { value: period });
  const returnBy = ctx.values['return-by'];
  if (returnBy !== undefined && (typeof returnBy !== 'string' || !isIsoDate(returnBy))) return cliFailure('invalid_date', { value: String(returnBy) });
  const unit = unitOption(ledger, ctx.values.unit);
  if (!unit.ok) return unit;
  const exported = await ledger.exchange.packages.export(
    { period, ...(unit.value ? { unitIds: [unit.value.id] } : {}), ...(returnBy ? { returnBy } : {}) },
    ctx.language,
  );
  if (!exported.ok) return ledgerFailure(exported.error);
  const made = makeFolder(dir);
  if (!made.ok) return made;
  for (const file of exported.value.files) {
    const written = writeNewFile(join(dir, file.fileName), file.bytes);
    if (!written.ok) return written;
    ctx.out(ctx.t('cli:package.written', { unit: file.unitName, tasks: file.tasks, file: file.fileName }));
  }
  for (const none of exported.value.withoutTasks) ctx.out(ctx.t('cli:package.noTasks', { unit: none.unitName }));
  ctx.out(ctx.t('cli:package.exported', { count: exported.value.files.length, period: formatPeriod(period, ctx.language), dir }));
  return ok(undefined);
}

async function importReturns(ctx: CommandContext, ledger: Ledger, files: readonly string[]): Promise<Result<void, CliFailure>> {
  const dryRun = ctx.values['dry-run'] === true;
  const period = ctx.values.period;
  if (period !== undefined && (typeof period !== 'string' || !isPeriod(period))) return cliFailure('invalid_period', { value: String(period) });
  const results: unknown[] = [];
  for (const file of files) {
    const preview = await ledger.exchange.packages.preview({ path: file }, period ? { period } : {});
    if (!preview.ok) return ledgerFailure(preview.error);
    const p = preview.value;
    const applied = dryRun ? null : ledger.exchange.packages.apply(p.importId);
    if (applied && !applied.ok) return ledgerFailure(applied.error);
    if (ctx.values.json) {
      results.push({ file: basename(file), unit: p.unit.name, period: p.period, dryRun, warnings: p.warnings, counts: p.counts });
      continue;
    }
    ctx.out(ctx.t('cli:package.returned', { file: basename(file), unit: p.unit.name, period: formatPeriod(p.period, ctx.language) }));
    for (const warning of p.warnings) ctx.out(`  ${describeReturnWarning(ctx.t, warning, ctx.language)}`);
    ctx.out(`  ${ctx.t('cli:package.counts', { ...p.counts })}`);
  }
  if (ctx.values.json) ctx.out(JSON.stringify(results));
  else ctx.out(ctx.t(dryRun ? 'cli:import.dryRun' : 'cli:import.done'));
  return ok(undefined);
}

export const packageCommand: Command = {
  name: 'package',
  positionals: ['ACTION', 'FILE', 'PATH'],
  options: { period: { type: 'string' }, unit: { type: 'string' }, 'return-by': { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  async run(ctx) {
    const [action, path, ...targets] = ctx.positionals as [string, string, ...string[]];
    if (action !== 'export' && action !== 'import') return cliFailure('bad_action', { action }, true);
    const opened = await openLedger(ctx, path, action === 'import' && ctx.values['dry-run'] === true);
    if (!opened.ok) return opened;
    try {
      return action === 'export' ? await exportPackages(ctx, opened.value, targets[0]!) : await importReturns(ctx, opened.value, targets);
    } finally {
      opened.value.close();
    }
  },
};
