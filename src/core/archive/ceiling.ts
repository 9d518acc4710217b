import type { Reader } from '../storage/database';

/**
 * The largest database (bytes of the SQLite image) the in-memory design serves on an office machine:
 * the large-ledger measurement (docs/performance.md) sets it. Past 80 % of it the app suggests
 * archiving a closed round of inspection.
 */
export const LEDGER_CEILING_BYTES = 512 * 1024 * 1024;
export const LEDGER_NOTICE_BYTES = Math.round(LEDGER_CEILING_BYTES * 0.8);

export function databaseBytes(db: Reader): number {
  const pages = db.get<{ page_count: number }>('PRAGMA page_count')?.page_count ?? 0;
  const size = db.get<{ page_size: number }>('PRAGMA page_size')?.page_size ?? 0;
  return pages * size;
}
