import { basename, resolve } from 'node:path';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import type { LedgerContext } from '../context';
import { loadInspection } from '../inspections/service';
import { found } from '../records';
import type { AnchorBook } from '../storage/anchor';
import type { KdfParams } from '../storage/kdf';
import type { LedgerStore } from '../storage/store';
import { writeArchive } from './file';
import { indexArchived, searchArchived } from './index-table';
import { archiveMarkOf } from './mark';
import type { ArchivedItem, ArchivedMatches, ArchiveOutcome, ArchivePreview } from './model';
import { countsOf, movingIdsOf, removeMoving } from './moving';
import { openWorkOf } from './open-work';

export interface ArchiveRequest {
  readonly inspectionId: number;
  readonly out: string;
  readonly password: string;
  /** The archive's key derivation; by default the live ledger's own password slot's. */
  readonly kdf?: KdfParams;
  readonly anchors?: AnchorBook;
}

/**
 * The archive step: a closed round of inspection moved to its own read-only ledger file, the live
 * ledger keeping an index of it. The file is written, made durable and read back before the rows
 * leave the live ledger, in one transaction: a crash anywhere leaves them in one place or the other.
 */
export function archiveService(ctx: LedgerContext, store: LedgerStore) {
  function preview(inspectionId: number): Result<ArchivePreview> {
    const inspection = found('inspection', inspectionId, loadInspection(ctx.db, inspectionId));
    if (!inspection.ok) return inspection;
    return ok({
      inspectionId,
      inspection: inspection.value.name,
      moves: countsOf(movingIdsOf(ctx.db, inspectionId)),
      open: openWorkOf(ctx.db, inspectionId),
    });
  }

  async function archive(request: ArchiveRequest): Promise<Result<ArchiveOutcome>> {
    // An archive is read-only: refused before any file is written, rather than at the last step.
    const archived = archiveMarkOf(ctx.db);
    if (archived) return err(dubanError('archive.read_only', { inspection: archived.inspection }));
    const out = resolve(request.out);
    if (out === resolve(store.path)) return err(dubanError('archive.same_file'));
    const admin = await store.checkAdministrator({ password: request.password });
    if (!admin.ok) return admin;
    const inspection = found('inspection', request.inspectionId, loadInspection(ctx.db, request.inspectionId));
    if (!inspection.ok) return inspection;
    const open = openWorkOf(ctx.db, request.inspectionId);
    if (open)
      return err(dubanError('archive.round_open', { tasks: open.tasks, numbers: open.taskNumbers.join('、') || '—', petitionCases: open.petitionCases }));
    const ids = movingIdsOf(ctx.db, request.inspectionId);
    const mark = {
      ledgerId: store.ledgerId,
      inspectionId: request.inspectionId,
      inspection: inspection.value.name,
      source: basename(store.path),
      archivedAt: ctx.today(),
    };
    const kdf = request.kdf ?? store.info().slots.find((slot) => slot.kind === 'password')!.kdf;
    const written = await writeArchive(store, { out, password: request.password, kdf, anchors: request.anchors }, mark, ids);
    if (!written.ok) return written;
    const moved = countsOf(ids);
    const removed = ctx.write((tx) => {
      // Whatever changed while the file was written would be lost with the rows: refuse, and keep them.
      if (JSON.stringify(movingIdsOf(tx, request.inspectionId)) !== JSON.stringify(ids)) return err(dubanError('archive.changed'));
      indexArchived(tx, ids, inspection.value.name, out, tx.at);
      removeMoving(tx, ids);
      tx.run('DELETE FROM inspections WHERE id = ?', [request.inspectionId]);
      tx.audit({
        action: 'delete',
        entity: 'inspection',
        entityId: request.inspectionId,
        before: inspection.value,
        after: { archive: basename(out), sha256: written.value.sha256, moved },
      });
      return ok(undefined);
    });
    return removed.ok ? ok({ path: out, sha256: written.value.sha256, moved, recoveryKey: written.value.recoveryKey }) : removed;
  }

  return {
    preview,
    archive,
    /** Rows that went to archive files and match the search. */
    search: (text: string, kind: ArchivedItem['kind'] | null = null, limit = 20): ArchivedMatches => searchArchived(ctx.db, text, kind, limit),
    /** For an archive file: what it holds (it refuses every change); null for a live ledger. */
    mark: () => archiveMarkOf(ctx.db),
  };
}

export type ArchiveService = ReturnType<typeof archiveService>;
