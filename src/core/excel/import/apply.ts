import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import type { LedgerContext, Tx } from '../../context';
import { withIndexesAfter } from '../../storage/bulk-load';
import { reindexLater } from '../../storage/search-index';
import { IMPORT_SPECS } from './kinds';
import { rememberMapping } from './mapping';
import type { ImportResult } from './model';
import type { ImportPlan, PlannedLine } from './plan';

/**
 * The services of the ledger, writing into one transaction that is already open: an import's every
 * record is validated and audited as a form's would be, and the whole import is one commit (one
 * journal record), so that it lands whole or not at all.
 */
export function transactionContext(ctx: LedgerContext, tx: Tx): LedgerContext {
  return { db: tx, write: (work) => work(tx), today: () => tx.today, putBlob: ctx.putBlob, getBlob: ctx.getBlob };
}

/**
 * Writes the lines that have a write, in order, through `inner` (a transaction's context); the first
 * that fails is the answer, naming its row, and the caller's transaction undoes the rest.
 */
export function writeLines(inner: LedgerContext, lines: readonly PlannedLine[], real: (id: number) => Result<number>): Result<void> {
  for (const line of lines) {
    if (!line.write) continue;
    const written = line.write(inner, real);
    if (!written.ok) return err(dubanError('excel.row_failed', { row: line.preview.row, key: line.preview.key }, [...(written.error.fields ?? [])]));
  }
  return ok(undefined);
}

/** Writes the planned rows inside `tx`; the first failure undoes the whole import. */
export function applyPlan(ctx: LedgerContext, tx: Tx, plan: ImportPlan): Result<ImportResult> {
  const inner = transactionContext(ctx, tx);
  const write = () => writeLines(inner, plan.lines, plan.placeholders.resolver(inner));
  const { bulkTable, searchIndex } = IMPORT_SPECS[plan.kind];
  if (searchIndex) reindexLater(searchIndex, tx, plan.reindexed);
  const written = bulkTable ? withIndexesAfter(tx, bulkTable, plan.counts.create, write) : write();
  if (!written.ok) return written;
  rememberMapping(tx, plan.kind, plan.mapped);
  const { create, update, unchanged, skip, error } = plan.counts;
  return ok({
    kind: plan.kind,
    created: create,
    updated: update,
    unchanged,
    skipped: skip,
    errors: error,
    unitsCreated: plan.newUnits.length,
    groupsCreated: plan.newGroups.length,
  });
}
