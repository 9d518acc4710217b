import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { auditView } from '../audit/audit-log';
import { storeSetting } from '../settings';
import type { AnchorBook } from '../storage/anchor';
import { backupDirOf } from '../storage/backups';
import { blobDirOf } from '../storage/blobs';
import { rowsOf } from '../storage/bulk-load';
import type { Reader, Writer } from '../storage/database';
import { disk } from '../storage/disk';
import { exists, ioError } from '../storage/durable-fs';
import { readFile } from '../storage/file-database';
import type { KdfParams } from '../storage/kdf';
import { LedgerStore } from '../storage/store';
import { archiveMarkOf } from './mark';
import { ARCHIVE_MARK, type ArchiveMark } from './model';
import { holdsAll, type MovingIds, withRoundLeaving } from './moving';
import { evidenceOf, ROUND_PARTS, withRound } from './scope';

export interface ArchiveFileRequest {
  readonly out: string;
  /** The administrator's password: the archive opens with it (and with its own recovery key). */
  readonly password: string;
  readonly kdf: KdfParams;
  readonly anchors?: AnchorBook;
}

/** The archive never keeps backups of itself: its first state lacks the attachments. */
const NO_BACKUPS = { recent: 0, dailyDays: 0 };

/** What belongs to the office rather than to one round, or cannot be carried over (the audit chain is keyed to the live ledger). */
const NOT_CARRIED = ['audit_log', 'drafts', 'report_packages', 'report_groups', 'archived_items'];

/** How many of a table's rows the trim deletes: all but the round's. */
function leavingTheCopy(reader: Reader, table: string, inspection: number): number {
  const { keeps } = ROUND_PARTS.find((part) => part.table === table)!;
  return rowsOf(reader, table) - reader.get<{ n: number }>(withRound(`SELECT count(*) AS n FROM (${keeps})`), { inspection })!.n;
}

/** Trims a copy of the live database to the round's rows and what they refer to, and marks it. */
function trimToRound(writer: Writer, inspection: number, mark: ArchiveMark): Result<void> {
  const kept = evidenceOf(ROUND_PARTS.map((part) => ({ owner: part.owner, ids: part.keeps })));
  writer.run(withRound(`DELETE FROM evidence WHERE id NOT IN (${kept})`), { inspection });
  // Every report and close-out that goes belongs to another round's task, which goes too.
  const leaving = { tasks: leavingTheCopy(writer, 'tasks', inspection), petitionCases: leavingTheCopy(writer, 'petition_cases', inspection) };
  const trimmed = withRoundLeaving(writer, leaving, () => {
    for (const part of ROUND_PARTS) writer.run(withRound(`DELETE FROM ${part.table} WHERE id NOT IN (${part.keeps})`), { inspection });
    return ok(undefined);
  });
  if (!trimmed.ok) return trimmed;
  writer.run('DELETE FROM inspections WHERE id <> ?', [inspection]);
  for (const table of NOT_CARRIED) writer.run(`DELETE FROM ${table}`);
  writer.run("DELETE FROM settings WHERE key = 'audit.head'");
  storeSetting(writer, ARCHIVE_MARK, mark);
  return ok(undefined);
}

/**
 * The round's database: a copy of the live one trimmed to the round, then compacted. The copy is
 * thrown away if anything fails, so it keeps no rollback journal (which held every page the trim
 * changed); compacted, the file holds the round's pages alone, not the space the other rounds left.
 * A province's ledger of 200,000 cases, half of them archived: 36 s and 4.1 GB at the peak before,
 * 28 s and 2.2 GB (docs/performance.md).
 */
function archiveImage(live: LedgerStore, mark: ArchiveMark): Result<Uint8Array> {
  const copy = live.databaseCopy();
  try {
    copy.pragma('PRAGMA journal_mode = OFF');
    const trimmed = copy.transaction(
      (writer) => trimToRound(writer, mark.inspectionId, mark),
      () => ok(undefined),
    );
    if (!trimmed.ok) return trimmed;
    copy.pragma('VACUUM');
    return ok(copy.image());
  } finally {
    copy.close();
  }
}

/** Attachments are sealed under the live ledger's key: each is written again under the archive's. */
function copyEvidence(live: LedgerStore, archive: LedgerStore): Result<void> {
  const rows = archive.db.all<{ id: number; blob_id: string }>('SELECT id, blob_id FROM evidence');
  if (rows.length === 0) return ok(undefined);
  return archive.write((writer) => {
    for (const row of rows) {
      const bytes = live.getBlob(row.blob_id);
      const put = bytes.ok ? archive.putBlob(bytes.value) : bytes;
      if (!put.ok) return put;
      writer.run('UPDATE evidence SET blob_id = ? WHERE id = ?', [put.value, row.id]);
    }
    return ok(undefined);
  });
}

function removeFiles(path: string): void {
  disk.unlinkSync(path);
  for (const dir of [blobDirOf(path), backupDirOf(path)]) if (exists(dir)) for (const name of disk.readdirSync(dir)) disk.unlinkSync(join(dir, name));
}

/**
 * An archive of the same round left by a run that did not finish (the live ledger still has the
 * rows) is removed, to be written afresh; any other file at `out` is left alone and refused.
 */
async function clearStray(request: ArchiveFileRequest, mark: ArchiveMark): Promise<Result<void>> {
  if (!exists(request.out)) return ok(undefined);
  const opened = await LedgerStore.open(request.out, { password: request.password }, { readOnly: true });
  const found = opened.ok ? archiveMarkOf(opened.value.db) : null;
  if (opened.ok) opened.value.close();
  if (found?.ledgerId !== mark.ledgerId || found.inspectionId !== mark.inspectionId) return err(dubanError('ledger.already_exists', { path: request.out }));
  try {
    removeFiles(request.out);
    return ok(undefined);
  } catch (error) {
    return err(ioError(error, request.out));
  }
}

async function readBack(request: ArchiveFileRequest, ids: MovingIds): Promise<Result<string>> {
  const opened = await LedgerStore.open(request.out, { password: request.password }, { readOnly: true });
  if (!opened.ok) return opened;
  const complete = holdsAll(opened.value.db, ids);
  opened.value.close();
  if (!complete) return err(dubanError('archive.not_verified', { path: request.out }));
  const bytes = readFile(request.out);
  return bytes.ok ? ok(createHash('sha256').update(bytes.value).digest('hex')) : bytes;
}

/**
 * Writes the round's archive file, durable (its snapshot is synced and renamed into place when it is
 * closed), then opens it again and checks it holds every row that is to leave the live ledger.
 * Returns its SHA-256 and its recovery key.
 */
export async function writeArchive(
  live: LedgerStore,
  request: ArchiveFileRequest,
  mark: ArchiveMark,
  ids: MovingIds,
): Promise<Result<{ sha256: string; recoveryKey: string }>> {
  const cleared = await clearStray(request, mark);
  if (!cleared.ok) return cleared;
  const image = archiveImage(live, mark);
  if (!image.ok) return image;
  const created = await LedgerStore.create(request.out, {
    password: request.password,
    kdf: request.kdf,
    image: image.value,
    audit: auditView,
    anchors: request.anchors,
    backupPolicy: NO_BACKUPS,
  });
  if (!created.ok) return created;
  const { store, recoveryKey } = created.value;
  const copied = copyEvidence(live, store);
  const closed = store.close();
  if (!copied.ok) return copied;
  if (!closed.ok) return closed;
  const sha256 = await readBack(request, ids);
  return sha256.ok ? ok({ sha256: sha256.value, recoveryKey }) : sha256;
}
