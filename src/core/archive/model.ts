/** The setting that marks a ledger file as an archive: read-only, and what it holds. */
export const ARCHIVE_MARK = 'archive.of';

export interface ArchiveMark {
  /** The live ledger it came from, and the round. */
  readonly ledgerId: string;
  readonly inspectionId: number;
  readonly inspection: string;
  /** The live ledger's file name, to say where it came from. */
  readonly source: string;
  readonly archivedAt: string;
}

/** Rows by table (`evidence` for attachments). */
export type ArchiveCounts = Readonly<Record<string, number>>;

export interface ArchivePreview {
  readonly inspectionId: number;
  readonly inspection: string;
  /** What would leave the live ledger. */
  readonly moves: ArchiveCounts;
  /** Why it cannot be archived yet, or null when it can. */
  readonly open: { readonly tasks: number; readonly taskNumbers: readonly string[]; readonly petitionCases: number } | null;
}

export interface ArchiveOutcome {
  readonly path: string;
  /** SHA-256 of the archive file as written, recorded in the live ledger's audit log. */
  readonly sha256: string;
  readonly moved: ArchiveCounts;
  /** The archive's own recovery key, shown once: it opens the archive if the password is lost. */
  readonly recoveryKey: string;
}

/** A row the live ledger no longer holds, found by its search: what it was and where it went. */
export interface ArchivedItem {
  readonly kind: 'task' | 'petition_case';
  readonly number: string;
  readonly text: string;
  readonly unit: string;
  readonly inspection: string;
  readonly archivePath: string;
}

export interface ArchivedMatches {
  readonly total: number;
  readonly items: readonly ArchivedItem[];
}
