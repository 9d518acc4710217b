import type { TFunction } from 'i18next';
import { basename } from 'node:path';
import { IMPORT_KINDS, type ImportKind, type ImportOptions, type ImportPreview, type PreviewRow, type RowFilter } from '../../core/excel/import/model';
import type { Ledger } from '../../core/ledger';
import { isPeriod } from '../../shared/dates';
import { describeIssue, describeKept, describeKeying, describeSkip } from '../../contract/describe-exchange';
import { ok, type Result } from '../../shared/result';
import { type Command, openLedger } from '../command';
import { type CliFailure, cliFailure, ledgerFailure } from '../failure';

/**
 * `duban import FILE XLSX`: reads any workbook of tasks, petition cases, units or progress reports,
 * says what it would do row by row, and (unless --dry-run) writes it in one transaction.
 */
function importOptions(values: Record<string, string | boolean | undefined>): Result<ImportOptions, CliFailure> {
  const kind = values.kind as string | undefined;
  if (kind !== undefined && !(IMPORT_KINDS as readonly string[]).includes(kind)) return cliFailure('bad_kind', { kind, kinds: IMPORT_KINDS.join('|') });
  const period = values.period as string | undefined;
  if (period !== undefined && !isPeriod(period)) return cliFailure('invalid_period', { value: period });
  const batch = values.batch as string | undefined;
  if (batch !== undefined && !/^[1-9]\d{0,3}$/.test(batch)) return cliFailure('invalid_batch', { value: batch });
  return ok({
    ...(kind ? { kind: kind as ImportKind } : {}),
    ...(period ? { period } : {}),
    ...(batch ? { batch: Number(batch) } : {}),
    ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}),
    createUnits: values['create-units'] === true,
  });
}

const PAGE = 1000;

/** The rows worth a word: those with errors or warnings, and those passed over. */
function notableRows(ledger: Ledger, importId: string): PreviewRow[] {
  const rows = new Map<number, PreviewRow>();
  for (const filter of ['error', 'warning', 'skip'] satisfies RowFilter[]) {
    for (let offset = 0; ; offset += PAGE) {
      const page = ledger.exchange.imports.rows({ importId, filter, limit: PAGE, offset });
      if (!page.ok) break;
      for (const row of page.value.rows) rows.set(row.row, row);
      if (offset + PAGE >= page.value.total) break;
    }
  }
  return [...rows.values()].sort((a, b) => a.row - b.row);
}

function describeRow(t: TFunction, kind: ImportKind, row: PreviewRow): string {
  const what = row.skipReason ? describeSkip(t, row.skipReason) : row.issues.map((issue) => describeIssue(t, kind, issue)).join('；');
  return t(row.action === 'error' ? 'cli:import.rowError' : row.action === 'skip' ? 'cli:import.rowSkipped' : 'cli:import.rowWarning', {
    row: row.row,
    key: row.key || '—',
    what,
  });
}

function unresolvedUnits(t: TFunction, preview: ImportPreview): string[] {
  return preview.units
    .filter((u) => u.match === null && u.decision === null)
    .map((u) =>
      t(u.suggestions.length ? 'cli:import.unitClose' : 'cli:import.unitUnknown', {
        name: u.name,
        rows: u.rows,
        close: u.suggestions.map((s) => s.name).join('、'),
      }),
    );
}

export const importCommand: Command = {
  name: 'import',
  positionals: ['FILE', 'XLSX'],
  options: {
    kind: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    sheet: { type: 'string' },
    period: { type: 'string' },
    batch: { type: 'string' },
    'create-units': { type: 'boolean' },
  },
  async run(ctx) {
    const [path, workbook] = ctx.positionals as [string, string];
    const options = importOptions(ctx.values);
    if (!options.ok) return options;
    const dryRun = ctx.values['dry-run'] === true;
    const opened = await openLedger(ctx, path, dryRun);
    if (!opened.ok) return opened;
    const ledger = opened.value;
    try {
      const previewed = await ledger.exchange.imports.preview({ path: workbook }, options.value);
      if (!previewed.ok) return ledgerFailure(previewed.error);
      const preview = previewed.value;
      const notable = notableRows(ledger, preview.importId);
      const applied = dryRun ? null : ledger.exchange.imports.apply(preview.importId);
      if (applied && !applied.ok) return ledgerFailure(applied.error);
      const counts = applied?.value ?? {
        created: preview.counts.create,
        updated: preview.counts.update,
        unchanged: preview.counts.unchanged,
        skipped: preview.counts.skip,
        errors: preview.counts.error,
        unitsCreated: preview.newUnits.length,
      };
      if (ctx.values.json) {
        ctx.out(
          JSON.stringify({
            file: basename(workbook),
            kind: preview.kind,
            sheet: preview.sheet,
            headerRows: preview.headerRows,
            dryRun,
            ...counts,
            warnings: preview.counts.warning,
            units: preview.units.filter((u) => u.match === null),
            rows: notable,
          }),
        );
        return ok(undefined);
      }
      const t = ctx.t;
      ctx.out(
        t('cli:import.read', { file: basename(workbook), kind: t(`exchange:kinds.${preview.kind}`), sheet: preview.sheet, rows: preview.headerRows.join('–') }),
      );
      for (const field of preview.missingFields) ctx.out(`  ${t('cli:import.missingField', { field: t(`exchange:fields.${preview.kind}.${field}`) })}`);
      for (const line of [describeKeying(t, preview.keying), describeKept(t, preview.keptColumns)]) if (line) ctx.out(`  ${line}`);
      if (preview.keying.by !== 'column' && preview.keying.batch === null && preview.keying.from === null) ctx.out(`  ${t('cli:import.noBatch')}`);
      for (const line of unresolvedUnits(t, preview)) ctx.out(`  ${line}`);
      for (const unit of preview.newUnits) ctx.out(`  ${t('cli:import.newUnit', { name: unit.name, kind: t(`common:enums.unitKind.${unit.kind}`) })}`);
      for (const row of notable) ctx.out(`  ${describeRow(t, preview.kind, row)}`);
      ctx.out(t('cli:import.summary', { ...counts }));
      ctx.out(t(dryRun ? 'cli:import.dryRun' : 'cli:import.done'));
      return ok(undefined);
    } finally {
      ledger.close();
    }
  },
};
