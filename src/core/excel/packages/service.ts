import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type IsoDate, type Period } from '../../../shared/dates';
import { dubanError } from '../../../shared/errors';
import { formatPeriod } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { err, ok, type Result } from '../../../shared/result';
import { validate } from '../../../shared/validation';
import type { LedgerContext } from '../../context';
import type { Reader } from '../../storage/database';
import { listUnits } from '../../units/service';
import { transactionContext, writeLines } from '../import/apply';
import { loadWorkbook, type WorkbookSource } from '../read/source';
import type { WorkbookData } from '../read/workbook';
import { readSettings, writeSetting } from '../../settings';
import { exchangeWords } from '../words';
import { unitTasks, writePackage } from './export';
import { ledgerFingerprint, newExportId } from './identity';
import {
  type PackageExport,
  packageExportRequest,
  type PackageExportRequest,
  type PackageFile,
  type ReturnOptions,
  returnOptions,
  type ReturnPreview,
  type ReturnResult,
  type SentWorkbook,
} from './model';
import { planReturn, type ReturnPlan, sentKey } from './returned';
import { previewRow } from '../import/plan';
import { allAnswered } from '../import/words';

/**
 * Unit workbooks out and back. Sending remembers each workbook in the ledger (what was sent, to
 * compare with what comes back); a returned workbook is planned, shown, and applied in one
 * transaction as the month's progress reports, the ledger noting that it came back.
 */
interface PendingReturn {
  readonly id: string;
  readonly fileName: string;
  readonly fileHash: string;
  readonly workbook: WorkbookData;
  readonly options: z.output<typeof returnOptions>;
  readonly plan: ReturnPlan;
}

const KEPT = 20;

function previewOf(entry: PendingReturn): ReturnPreview {
  const { plan } = entry;
  return {
    importId: entry.id,
    fileName: entry.fileName,
    unit: plan.unit,
    period: plan.identity.period,
    exportId: plan.identity.exportId,
    exportedAt: plan.sent?.exportedAt ?? null,
    warnings: plan.warnings,
    words: plan.words,
    counts: plan.counts,
    rows: plan.lines.map(previewRow),
  };
}

/** The workbooks sent for a month (every month's when none is named), in the order they were sent. */
export function sentWorkbooks(db: Reader, period?: string): SentWorkbook[] {
  const all = readSettings<SentWorkbook>(db, sentKey('')).map((s) => s.value);
  return (period === undefined ? all : all.filter((s) => s.period === period)).sort((a, b) => a.exportedAt.localeCompare(b.exportedAt));
}

export function packageService(ctx: LedgerContext, ledgerId: string) {
  const ledger = ledgerFingerprint(ledgerId);
  const pending = new Map<string, PendingReturn>();

  const keep = (entry: PendingReturn): ReturnPreview => {
    pending.set(entry.id, entry);
    while (pending.size > KEPT) pending.delete(pending.keys().next().value!);
    return previewOf(entry);
  };

  /** Plans a workbook read (or read before) against the ledger, and keeps it for applying. */
  const plan = (file: Omit<PendingReturn, 'options' | 'plan'>, options: z.output<typeof returnOptions>): Result<ReturnPreview> => {
    const planned = planReturn(ctx.db, ledger, file.workbook, file.fileHash, options, ctx.today());
    return planned.ok ? ok(keep({ ...file, options, plan: planned.value })) : planned;
  };

  return {
    /** One workbook per unit (or per unit asked for) with open tasks; each is remembered in the ledger. */
    async export(input: PackageExportRequest, language: Language = 'zh-CN'): Promise<Result<PackageExport>> {
      const valid = validate(packageExportRequest, input);
      if (!valid.ok) return valid;
      const { unitIds, returnBy } = valid.value;
      const period = valid.value.period as Period;
      const t = exchangeWords(language);
      const units = listUnits(ctx.db, { includeArchived: unitIds !== undefined }).filter((u) => unitIds === undefined || unitIds.includes(u.id));
      if (unitIds) for (const wanted of unitIds) if (!units.some((u) => u.id === wanted)) return err(dubanError('not_found', { entity: 'unit', id: wanted }));
      const files: PackageFile[] = [];
      const sent: SentWorkbook[] = [];
      const withoutTasks: { unitId: number; unitName: string }[] = [];
      for (const unit of units) {
        const tasks = unitTasks(ctx.db, unit.id, period, t, language);
        if (tasks.length === 0) {
          withoutTasks.push({ unitId: unit.id, unitName: unit.name });
          continue;
        }
        const exportId = newExportId();
        const due = (returnBy as IsoDate | undefined) ?? null;
        const written = await writePackage({ ledger, exportId, unit: { id: unit.id, name: unit.name }, period, returnBy: due, tasks }, t, language);
        const fileName = t('exchange:packages.fileName', { period: formatPeriod(period, language), unit: unit.name });
        files.push({ unitId: unit.id, unitName: unit.name, fileName, tasks: tasks.length, exportId, bytes: new Uint8Array(written.bytes) });
        sent.push({ exportId, unitId: unit.id, period, exportedAt: '', returnBy: due, rows: written.rows, imports: [] });
      }
      const remembered = ctx.write((tx) => {
        for (const record of sent) writeSetting(tx, sentKey(record.exportId), { ...record, exportedAt: tx.at });
        return ok(undefined);
      });
      return remembered.ok ? ok({ period, files, withoutTasks }) : remembered;
    },

    /** Recognises a returned workbook and plans it as progress reports; nothing is written. */
    async preview(source: WorkbookSource, options: ReturnOptions = {}): Promise<Result<ReturnPreview>> {
      const valid = validate(returnOptions, options);
      if (!valid.ok) return valid;
      const loaded = await loadWorkbook(source);
      if (!loaded.ok) return loaded;
      const fileHash = createHash('sha256').update(loaded.value.bytes).digest('hex');
      return plan({ id: randomUUID(), fileName: loaded.value.fileName, fileHash, workbook: loaded.value.workbook }, valid.value);
    },

    /** Plans the same workbook again with the user's answers to its words. */
    revise(importId: string, options: ReturnOptions): Result<ReturnPreview> {
      const entry = pending.get(importId);
      if (!entry) return err(dubanError('excel.import_expired'));
      const valid = validate(returnOptions, options);
      return valid.ok ? plan(entry, valid.value) : valid;
    },

    /**
     * Applies a planned return in one transaction, planned again against the ledger as it is now;
     * refused while a state written in other words waits for the user's answer.
     */
    apply(importId: string): Result<ReturnResult> {
      const entry = pending.get(importId);
      if (!entry) return err(dubanError('excel.import_expired'));
      const applied = ctx.write((tx) => {
        const plan = planReturn(tx, ledger, entry.workbook, entry.fileHash, entry.options, tx.today);
        if (!plan.ok) return plan;
        const answered = allAnswered(plan.value.words);
        if (!answered.ok) return answered;
        // A returned workbook creates no units or measures: its ids are the ledger's own.
        const written = writeLines(transactionContext(ctx, tx), plan.value.lines, (id) => ok(id));
        if (!written.ok) return written;
        const { sent } = plan.value;
        if (sent) writeSetting(tx, sentKey(sent.exportId), { ...sent, imports: [...sent.imports, { at: tx.at, file: entry.fileHash }] });
        const { create, update, unchanged, error } = plan.value.counts;
        return ok({ unitName: plan.value.unit.name, period: plan.value.identity.period, created: create, updated: update, unchanged, errors: error });
      });
      if (applied.ok) pending.delete(importId);
      return applied;
    },

    discard(importId: string): void {
      pending.delete(importId);
    },

    /** The workbooks sent for a month, and when each came back. */
    sent: (period: string): SentWorkbook[] => sentWorkbooks(ctx.db, period),
  };
}

export type PackageService = ReturnType<typeof packageService>;
