import { readSetting } from '../settings';
import type { Reader } from '../storage/database';
import { ARCHIVE_MARK, type ArchiveMark } from './model';

/** What the archive file holds, or null for a live ledger. */
export const archiveMarkOf = (db: Reader): ArchiveMark | null => readSetting<ArchiveMark>(db, ARCHIVE_MARK) ?? null;
