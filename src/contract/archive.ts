import { z } from 'zod';
import type { ArchivedMatches, ArchiveMark, ArchiveOutcome, ArchivePreview } from '../core/archive/model';
import { id, none, path, secret } from './common';
import { method } from './define';
import type { SessionStatus } from './session-model';
export type * from '../core/archive/model';

export interface ArchiveState {
  /** What the open file is, if it is an archive (read-only); null for a live ledger. */
  readonly mark: ArchiveMark | null;
  /** The database's size, and the size past which the app suggests archiving a round. */
  readonly databaseBytes: number;
  readonly noticeBytes: number;
}

export const archive = {
  state: method(none).returns<ArchiveState>(),
  /** What archiving the round would move, or what is still open. */
  preview: method(z.tuple([id])).returns<ArchivePreview>(),
  /** Archives the round to `out`, made with the administrator's password. */
  run: method(z.tuple([z.object({ inspectionId: id, out: path, password: secret })])).returns<ArchiveOutcome>(),
  search: method(z.tuple([z.string().max(200), z.enum(['task', 'petition_case']).nullable()])).returns<ArchivedMatches>(),
  /** Closes the ledger and offers the archive at `path` on the open screen (its password is asked there). */
  open: method(z.tuple([path])).returns<SessionStatus>(),
};
