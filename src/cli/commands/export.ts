import { EXPORT_KINDS, type ExportRequest } from '../../core/excel/export/model';
import { ok } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { cliFailure, ledgerFailure } from '../failure';
import { unitOption } from '../unit-option';
import { writeNewFile } from '../write-new-file';

/** `duban export FILE OUT.xlsx --kind …`: a workbook for leaders; never overwrites a file. */
export const exportCommand: Command = {
  name: 'export',
  positionals: ['FILE', 'OUT'],
  options: { kind: { type: 'string' }, unit: { type: 'string' } },
  async run(ctx) {
    const [path, out] = ctx.positionals as [string, string];
    const kind = ctx.values.kind;
    if (typeof kind !== 'string') return cliFailure('missing_option', { name: '--kind' }, true);
    if (!(EXPORT_KINDS as readonly string[]).includes(kind)) return cliFailure('bad_kind', { kind, kinds: EXPORT_KINDS.join('|') });
    const opened = await openLedger(ctx, path, true);
    if (!opened.ok) return opened;
    const ledger = opened.value;
    try {
      const unit = unitOption(ledger, ctx.values.unit);
      if (!unit.ok) return unit;
      const unitId = unit.value?.id;
      const request: ExportRequest =
        kind === 'tasks'
          ? { kind, query: unitId ? { unitId } : {} }
          : kind === 'petitions'
            ? { kind, query: unitId ? { unitId } : {} }
            : kind === 'units' || kind === 'groups'
              ? { kind }
              : { kind: 'stats' };
      const exported = await ledger.exchange.export(request, ctx.language);
      if (!exported.ok) return ledgerFailure(exported.error);
      const written = writeNewFile(out, exported.value.bytes);
      if (!written.ok) return written;
      ctx.out(ctx.t('cli:export.done', { rows: exported.value.rows, out }));
      return ok(undefined);
    } finally {
      ledger.close();
    }
  },
};
