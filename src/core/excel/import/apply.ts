import { dubanError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import type { LedgerContext, Tx } from '../../context';
import { rememberMapping } from './mapping';
import type { ImportResult } from './model';
import type { ImportPlan } from './plan';

/**
 * The services of the ledger, writing into one transaction that is already open: an import's every
 * record is validated and audited as a form's would be, and the whole import is one commit (one
 * journal record), so that it lands whole or not at all.
 */
export function transactionContext(ctx: LedgerContext, tx: Tx): LedgerContext {
  return { db: tx, write: (work) => work(tx), today: () => tx.today, putBlob: ctx.putBlob, getBlob: ctx.getBlob };
}

/** Writes the planned rows inside `tx`; the first failure undoes the whole import. */
export function applyPlan(ctx: LedgerContext, tx: Tx, plan: ImportPlan): Result<ImportResult> {
  const inner = transactionContext(ctx, tx);
  const real = plan.placeholders.resolver(inner);
  for (const line of plan.lines) {
    if (!line.write) continue;
    const written = line.write(inner, real);
    if (!written.ok) return err(dubanError('excel.row_failed', { row: line.preview.row, key: line.preview.key }, [...(written.error.fields ?? [])]));
  }
  rememberMapping(tx, plan.kind, plan.mapped);
  const { create, update, unchanged, skip, error } = plan.counts;
  return ok({ kind: plan.kind, created: create, updated: update, unchanged, skipped: skip, errors: error, unitsCreated: plan.newUnits.length });
}
