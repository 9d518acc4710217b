import { err, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { listPeople } from '../people/service';
import { anchorWarning } from '../storage/anchor';
import type { LedgerStore } from '../storage/store';
import { auditActors, listAudit, verifyAuditChain } from './audit-log';
import { describeAudit } from './describe';
import type { AuditFilter } from './model';

/** The change history: read in the office's words, and checked. */
export function auditService(ctx: LedgerContext, store: Pick<LedgerStore, 'auditKey' | 'info'>) {
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
      const chain = verifyAuditChain(ctx.db, store.auditKey);
      if (!chain.ok) return chain;
      const anchor = store.info().anchor;
      return anchor.kind === 'history_rewritten' ? err(anchorWarning(anchor)!) : chain;
    },
  };
}
