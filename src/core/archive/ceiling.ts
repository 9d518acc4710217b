import type { Reader } from '../storage/database';

/**
 * The largest database (bytes of the SQLite image) the in-memory design serves on an office machine,
 * from the large-ledger measurement (docs/performance.md, "Where one machine ends"): one round of the
 * province-level fixture without its change history, 246 MB, took about 5 s of processor time to open
 * on a 2-core machine and peaked at 650 MB; with its history a round is 800 MB and peaks at 1.1 GB.
 * Past 80 % of it the app suggests archiving a closed round of inspection.
 */
export const LEDGER_CEILING_BYTES = 256 * 1024 * 1024;
export const LEDGER_NOTICE_BYTES = Math.round(LEDGER_CEILING_BYTES * 0.8);

export function databaseBytes(db: Reader): number {
  const pages = db.get<{ page_count: number }>('PRAGMA page_count')?.page_count ?? 0;
  const size = db.get<{ page_size: number }>('PRAGMA page_size')?.page_size ?? 0;
  return pages * size;
}
