import { err, ok, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { listPeople } from '../people/service';
import { anchorWarning, type AuditHead } from '../storage/anchor';
import type { Reader } from '../storage/database';
import type { LedgerStore } from '../storage/store';
import { auditActors, auditView, CHAIN_PAGE, countAudit, listAudit, walkAuditChain } from './audit-log';
import { describeAudit } from './describe';
import { type AuditCheck, type AuditFilter, stillChecking } from './model';

/**
 * How many entries one check walks at most, about half a second of the core's time here: a
 * province's chain (over 320,000 entries) is checked in steps, the screens asking again until it is
 * done, so that what else is asked meanwhile is answered between the steps.
 */
export const CHAIN_STEP = 25 * CHAIN_PAGE;

/** The change history: read in the office's words, and checked. */
export function auditService(ctx: LedgerContext, store: Pick<LedgerStore, 'auditKey' | 'info'>) {
  /**
   * How far the chain was found whole, for each database the ledger has held (a restored backup is
   * another): while the ledger is open only its own writes change the database, and they only append
   * to the chain, so the next step walks on from there — a province's chain takes seconds to walk,
   * and the screens ask for it each time they open. The entry there must still carry the hash it
   * had; if not, the walk starts again from the first.
   */
  const found = new WeakMap<Reader, AuditHead>();
  const resumeFrom = (db: Reader): AuditHead | undefined => {
    const known = found.get(db);
    return known && auditView.hashAt(db, known.id) === known.hash ? known : undefined;
  };
  /**
   * The chain checked under its key, a step (CHAIN_STEP entries) further from where it was last
   * found whole, and once at its end against the head this machine saw (the anchor): an entry
   * changed or removed since is reported even when the chain was computed again to fit.
   */
  const checkStep = (): Result<AuditCheck> => {
    const db = ctx.db;
    const walked = walkAuditChain(db, store.auditKey, resumeFrom(db), CHAIN_STEP);
    if (!walked.ok) {
      found.delete(db);
      return walked;
    }
    const { at, done } = walked.value;
    found.set(db, at);
    if (!done) return ok({ entries: countAudit(db), checked: at.id });
    const anchor = store.info().anchor;
    return anchor.kind === 'history_rewritten' ? err(anchorWarning(anchor)!) : ok({ entries: at.id, checked: at.id });
  };
  return {
    /** Entries newest first: records named, codes as words, each field once. */
    list: (filter?: AuditFilter) => describeAudit(ctx.db, listAudit(ctx.db, filter)),
    /** Who to filter by: the ledger's people, then the other names found in the history (older rows, people since removed). */
    actors(): string[] {
      return [...new Set([...listPeople(ctx.db).map((p) => p.name), ...auditActors(ctx.db)])];
    },
    /** A step of the chain's check: the screens ask again while it says it has further to go. */
    verify: checkStep,
    /** The whole chain checked, however many steps it takes: for the command line. */
    verifyAll(): Result<AuditCheck> {
      for (;;) {
        const step = checkStep();
        if (!step.ok || !stillChecking(step.value)) return step;
      }
    },
  };
}
