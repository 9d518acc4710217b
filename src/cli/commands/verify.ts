import { ok } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { ledgerFailure } from '../failure';
import { formatInstant } from '../../shared/i18n/format';
import { formatBytes } from '../format';

export const verify: Command = {
  name: 'verify',
  positionals: ['FILE'],
  async run(ctx) {
    const [path] = ctx.positionals as [string];
    const opened = await openLedger(ctx, path, true);
    if (!opened.ok) return opened;
    const report = opened.value.verify();
    opened.value.close();
    if (!report.ok) return ledgerFailure(report.error);
    const r = report.value;
    ctx.out(ctx.t('cli:verify.ok', { path }));
    ctx.out(`  ${ctx.t('cli:verify.format', { format: r.formatVersion, schema: r.schemaVersion })}`);
    for (const slot of r.slots) {
      ctx.out(`  ${ctx.t('cli:verify.slot', { kind: ctx.t(`cli:verify.slotKinds.${slot.kind}`), ...slot.kdf })}`);
    }
    ctx.out(
      `  ${ctx.t('cli:verify.snapshot', { generation: r.generation, writtenAt: formatInstant(r.writtenAt, ctx.language), size: formatBytes(r.snapshotBytes) })}`,
    );
    ctx.out(`  ${ctx.t('cli:verify.journal', { records: r.journalRecords, size: formatBytes(r.journalBytes) })}`);
    ctx.out(`  ${ctx.t('cli:verify.audit', { entries: r.auditEntries })}`);
    if (r.tornTail) ctx.out(`  ${ctx.t('cli:verify.torn')}`);
    return ok(undefined);
  },
};
