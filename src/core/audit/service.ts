import { err, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { listPeople } from '../people/service';
import { anchorWarning, type AuditHead } from '../storage/anchor';
import type { Reader } from '../storage/database';
import type { LedgerStore } from '../storage/store';
import { auditActors, auditView, listAudit, verifyAuditChain } from './audit-log';
import { describeAudit } from './describe';
import type { AuditFilter } from './model';

/** The change history: read in the office's words, and checked. */
export function auditService(ctx: LedgerContext, store: Pick<LedgerStore, 'auditKey' | 'info'>) {
  /**
   * Where the chain was last found whole, for each database the ledger has held (a restored backup
   * is another): while the ledger is open only its own writes change the database, and they only
   * append to the chain, so the next check walks on from there — a province's chain, hundreds of
   * thousands of entries, takes seconds to walk, and the screens ask for it each time they open.
   * The entry there must still carry the hash it had; if not, the walk starts again from the first.
   */
  const found = new WeakMap<Reader, AuditHead>();
  const resumeFrom = (db: Reader): AuditHead | undefined => {
    const known = found.get(db);
    return known && auditView.hashAt(db, known.id) === known.hash ? known : undefined;
  };
  return {
    /** Entries newest first: records named, codes as words, each field once. */
    list: (filter?: AuditFilter) => describeAudit(ctx.db, listAudit(ctx.db, filter)),
    /** Who to filter by: the ledger's people, then the other names found in the history (older rows, people since removed). */
    actors(): string[] {
      return [...new Set([...listPeople(ctx.db).map((p) => p.name), ...auditActors(ctx.db)])];
    },
    /**
     * The chain checked under its key, and against the head this machine saw (the anchor): an
     * entry changed or removed since is reported even when the chain was computed again to fit.
     */
    verify(): Result<{ entries: number }> {
      const db = ctx.db;
      const chain = verifyAuditChain(db, store.auditKey, resumeFrom(db));
      const head = chain.ok ? auditView.head(db) : null;
      if (head) found.set(db, head);
      else found.delete(db);
      if (!chain.ok) return chain;
      const anchor = store.info().anchor;
      return anchor.kind === 'history_rewritten' ? err(anchorWarning(anchor)!) : chain;
    },
  };
}
