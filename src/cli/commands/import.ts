import type { TFunction } from 'i18next';
import { basename } from 'node:path';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportOptions,
  type ImportPreview,
  type PreviewRow,
  type RowFilter,
  type UnitDecision,
} from '../../core/excel/import/model';
import type { Ledger } from '../../core/ledger';
import { isPeriod } from '../../shared/dates';
import { describeIssue, describeKept, describeKeying, describeMembers, describeOtherSheets, describeSkip } from '../../contract/describe-exchange';
import { ok, type Result } from '../../shared/result';
import { type Command, type CommandContext, openLedger } from '../command';
import { type CliFailure, cliFailure, ledgerFailure } from '../failure';

/**
 * `duban import FILE XLSX`: reads any workbook of tasks, petition cases, units or progress reports,
 * says what it would do row by row, and (unless --dry-run) writes it in one transaction.
 */
function importOptions(values: CommandContext['values']): Result<ImportOptions, CliFailure> {
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
    .filter((u) => u.match === null && u.group === null && u.decision === null)
    .map((u) => {
      if (u.collective && u.suggestedMembers)
        return t('cli:import.groupSuggested', { name: u.name, rows: u.rows, members: describeMembers(t, u.suggestedMembers) });
      if (u.collective) return t('cli:import.groupUnknown', { name: u.name, rows: u.rows });
      return t(u.suggestions.length ? 'cli:import.unitClose' : 'cli:import.unitUnknown', {
        name: u.name,
        rows: u.rows,
        close: u.suggestions.map((s) => s.name).join('、'),
      });
    });
}

/** `--group NAME=GROUP`: a collective name of the file stands for a group the ledger has. */
function groupDecisions(ledger: Ledger, values: CommandContext['values']): Result<Record<string, UnitDecision>, CliFailure> {
  const given = values.group;
  const pairs = given === undefined ? [] : typeof given === 'string' ? [given] : (given as readonly string[]);
  const groups = ledger.unitGroups.list();
  const decisions: Record<string, UnitDecision> = {};
  for (const pair of pairs) {
    const [name, groupName] = pair.split('=').map((part) => part.trim());
    if (!name || !groupName) return cliFailure('bad_group', { value: pair });
    const group = groups.find((g) => g.name === groupName);
    if (!group) return cliFailure('unknown_group', { name: groupName, groups: groups.map((g) => g.name).join('、') || '—' });
    decisions[name] = { action: 'group', groupId: group.id };
  }
  return ok(decisions);
}

/** `--create-groups`: each collective name without a group becomes one, with the members it suggests (各盟市…: every 盟市). */
const suggestedGroups = (preview: ImportPreview): Record<string, UnitDecision> =>
  Object.fromEntries(
    preview.units.flatMap((u) =>
      u.collective && u.group === null && u.decision === null && u.suggestedMembers ? [[u.name, { action: 'createGroup', members: u.suggestedMembers }]] : [],
    ),
  );

async function previewWithGroups(
  ledger: Ledger,
  workbook: string,
  options: ImportOptions,
  values: CommandContext['values'],
): Promise<Result<ImportPreview, CliFailure>> {
  const decided = groupDecisions(ledger, values);
  if (!decided.ok) return decided;
  const asked = { ...options, units: decided.value };
  const previewed = await ledger.exchange.imports.preview({ path: workbook }, asked);
  if (!previewed.ok) return ledgerFailure(previewed.error);
  if (values['create-groups'] !== true) return previewed;
  const revised = ledger.exchange.imports.revise(previewed.value.importId, { ...asked, units: { ...decided.value, ...suggestedGroups(previewed.value) } });
  return revised.ok ? revised : ledgerFailure(revised.error);
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
    'create-groups': { type: 'boolean' },
    group: { type: 'string', multiple: true },
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
      const previewed = await previewWithGroups(ledger, workbook, options.value, ctx.values);
      if (!previewed.ok) return previewed;
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
        groupsCreated: preview.newGroups.length,
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
      for (const line of [describeOtherSheets(t, preview.sheet, preview.otherSheets), describeKeying(t, preview.keying), describeKept(t, preview.keptColumns)])
        if (line) ctx.out(`  ${line}`);
      if (preview.keying.by !== 'column' && preview.keying.batch === null && preview.keying.from === null) ctx.out(`  ${t('cli:import.noBatch')}`);
      for (const line of unresolvedUnits(t, preview)) ctx.out(`  ${line}`);
      for (const unit of preview.newUnits) ctx.out(`  ${t('cli:import.newUnit', { name: unit.name, kind: t(`common:enums.unitKind.${unit.kind}`) })}`);
      for (const group of preview.newGroups) ctx.out(`  ${t('cli:import.newGroup', { name: group.name, members: describeMembers(t, group.members) })}`);
      for (const row of notable) ctx.out(`  ${describeRow(t, preview.kind, row)}`);
      ctx.out(t('cli:import.summary', { ...counts }));
      ctx.out(t(dryRun ? 'cli:import.dryRun' : 'cli:import.done'));
      return ok(undefined);
    } finally {
      ledger.close();
    }
  },
};
