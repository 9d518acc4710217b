import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import { validate } from '../../../shared/validation';
import type { LedgerContext } from '../../context';
import { cellText } from '../read/cells';
import { loadWorkbook, type WorkbookSource } from '../read/source';
import type { WorkbookData } from '../read/workbook';
import { readSetting } from '../../settings';
import { applyPlan } from './apply';
import { IMPORT_SPECS } from './kinds';
import { type ImportOptions, importOptions, type ImportPreview, type ImportResult, type PreviewRow, type RowFilter, rowsQuery, type RowsQuery } from './model';
import { type ImportPlan, planImport, previewRow } from './plan';
import { allAnswered } from './words';

/**
 * Imports as the wizard runs them: a file is read and planned (the preview), the user corrects the
 * mapping or decides on unit names and the plan is made again from the same file, then applying
 * writes it in one transaction. The file's sheets stay in memory until then (a few at most).
 */
interface Pending {
  readonly id: string;
  readonly fileName: string;
  readonly workbook: WorkbookData;
  readonly options: z.output<typeof importOptions>;
  readonly plan: ImportPlan;
  /** The audit log's head when planned: if the ledger changed since, applying plans again. */
  readonly head: number;
}

const FIRST_PAGE = 100;
const KEPT = 2;
const SAMPLES = 3;

const auditHead = (ctx: LedgerContext): number => readSetting<{ id: number }>(ctx.db, 'audit.head')?.id ?? 0;

function samplesOf(plan: ImportPlan, column: number): string[] {
  const samples: string[] = [];
  for (let i = plan.header.dataStart; i < plan.sheet.rows.length && samples.length < SAMPLES; i++) {
    const text = cellText(plan.sheet.rows[i]!.cells[column - 1] ?? { kind: 'empty' });
    if (text) samples.push([...text].slice(0, 30).join(''));
  }
  return samples;
}

function previewOf(pending: Pending): ImportPreview {
  const { plan } = pending;
  const spec = IMPORT_SPECS[plan.kind];
  return {
    importId: pending.id,
    fileName: pending.fileName,
    kind: plan.kind,
    detectedKind: plan.detectedKind,
    sheets: pending.workbook.sheets.map((s) => ({ name: s.name, rows: s.rows.length, hidden: s.state !== 'visible' })),
    sheet: plan.sheet.name,
    otherSheets: plan.otherSheets,
    headerRows: plan.header.rows,
    columns: plan.mapped.map((m) => ({
      column: m.header.column,
      letters: m.header.letters,
      label: m.header.label,
      field: m.field?.key ?? null,
      source: m.source,
      samples: samplesOf(plan, m.header.column),
    })),
    fields: spec.fields.map((f) => ({ key: f.key, required: f.required ?? false })),
    missingFields: plan.missingFields,
    units: plan.units,
    newUnits: plan.newUnits,
    newGroups: plan.newGroups,
    words: plan.words,
    counts: plan.counts,
    matches: plan.matches,
    keepsExtraColumns: spec.keepsExtraColumns ?? false,
    keptColumns: plan.kept.map((column) => column.label),
    keying: plan.keying,
    rows: plan.lines.slice(0, FIRST_PAGE).map(previewRow),
    totalRows: plan.lines.length,
  };
}

const matches = (row: Omit<PreviewRow, 'changes'>, filter: RowFilter): boolean =>
  filter === 'all' || (filter === 'warning' ? row.issues.some((i) => i.severity === 'warning') : row.action === filter);

export function importService(ctx: LedgerContext) {
  const pending = new Map<string, Pending>();

  const keep = (entry: Pending): ImportPreview => {
    pending.delete(entry.id);
    pending.set(entry.id, entry);
    while (pending.size > KEPT) pending.delete(pending.keys().next().value!);
    return previewOf(entry);
  };

  const plan = (workbook: WorkbookData, options: ImportOptions): Result<{ plan: ImportPlan; options: z.output<typeof importOptions> }> => {
    const valid = validate(importOptions, options);
    if (!valid.ok) return valid;
    const planned = planImport(ctx.db, workbook, valid.value);
    return planned.ok ? ok({ plan: planned.value, options: valid.value }) : planned;
  };

  return {
    /** Reads a file and plans its import; nothing is written. */
    async preview(source: WorkbookSource, options: ImportOptions = {}): Promise<Result<ImportPreview>> {
      const loaded = await loadWorkbook(source);
      if (!loaded.ok) return loaded;
      const planned = plan(loaded.value.workbook, options);
      if (!planned.ok) return planned;
      return ok(keep({ id: randomUUID(), fileName: loaded.value.fileName, workbook: loaded.value.workbook, ...planned.value, head: auditHead(ctx) }));
    },

    /** Plans the same file again with the user's corrections (mapping, units, kind, sheet). */
    revise(importId: string, options: ImportOptions): Result<ImportPreview> {
      const entry = pending.get(importId);
      if (!entry) return err(dubanError('excel.import_expired'));
      const planned = plan(entry.workbook, options);
      if (!planned.ok) return planned;
      return ok(keep({ ...entry, ...planned.value, head: auditHead(ctx) }));
    },

    rows(query: RowsQuery): Result<{ rows: PreviewRow[]; total: number }> {
      const valid = validate(rowsQuery, query);
      if (!valid.ok) return valid;
      const { importId, filter, offset, limit } = valid.value;
      const entry = pending.get(importId);
      if (!entry) return err(dubanError('excel.import_expired'));
      const lines = entry.plan.lines.filter((line) => matches(line.preview, filter));
      return ok({ rows: lines.slice(offset, offset + limit).map(previewRow), total: lines.length });
    },

    /**
     * Writes the planned import as one transaction (planned again if the ledger changed meanwhile).
     * Once its rows are written, the file and the plan are let go before the commit is sealed: a
     * large import needs that memory for its journal record.
     */
    apply(importId: string): Result<ImportResult> {
      let taken = pending.get(importId);
      if (!taken) return err(dubanError('excel.import_expired'));
      pending.delete(importId);
      const stale = taken.head !== auditHead(ctx);
      const applied = ctx.write((tx) => {
        const current = stale ? planImport(tx, taken!.workbook, taken!.options) : ok(taken!.plan);
        if (!current.ok) return current;
        const answered = allAnswered(current.value.words);
        const written = answered.ok ? applyPlan(ctx, tx, current.value) : answered;
        if (written.ok) taken = undefined;
        return written;
      });
      if (taken) pending.set(importId, taken);
      return applied;
    },

    discard(importId: string): void {
      pending.delete(importId);
    },

    /** The command line's import: plan, and unless it is a dry run, apply at once. */
    async importFile(
      source: WorkbookSource,
      options: ImportOptions,
      dryRun: boolean,
    ): Promise<Result<{ preview: ImportPreview; result: ImportResult | null }>> {
      const previewed = await this.preview(source, options);
      if (!previewed.ok) return previewed;
      const preview = previewed.value;
      if (dryRun) {
        pending.delete(preview.importId);
        return ok({ preview, result: null });
      }
      const result = this.apply(preview.importId);
      return result.ok ? ok({ preview, result: result.value }) : result;
    },
  };
}

export type ImportService = ReturnType<typeof importService>;
