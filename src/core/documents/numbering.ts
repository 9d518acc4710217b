import { ok, type Result } from '../../shared/result';
import { invalid } from '../../shared/validation';
import type { Tx } from '../context';
import type { Reader } from '../storage/database';
import { SERIAL_PLACEHOLDER, YEAR_PLACEHOLDER } from './model';

/**
 * Document numbers (文号): per type and year, consecutive, never reused. A number is taken only when
 * a document is issued, in the transaction that writes its register entry; voided documents keep
 * theirs. The counter lets an office start a year where its paper register left off.
 */
export const formatNumber = (pattern: string, year: number, serial: number): string =>
  pattern.replace(YEAR_PLACEHOLDER, String(year)).replace(SERIAL_PLACEHOLDER, String(serial));

/** The highest serial in the register for the type and year (issued or voided), 0 if none. */
function usedSerial(db: Reader, docType: string, year: number): number {
  return db.get<{ n: number | null }>('SELECT max(serial) AS n FROM documents WHERE doc_type = ? AND year = ?', [docType, year])?.n ?? 0;
}

/** The serial the next document of this type and year gets; reading it takes nothing. */
export function nextSerial(db: Reader, docType: string, year: number): number {
  const counter =
    db.get<{ next_serial: number }>('SELECT next_serial FROM document_counters WHERE doc_type = ? AND year = ?', [docType, year])?.next_serial ?? 1;
  return Math.max(counter, usedSerial(db, docType, year) + 1);
}

function storeCounter(tx: Tx, docType: string, year: number, next: number): void {
  tx.run(
    'INSERT INTO document_counters (doc_type, year, next_serial) VALUES (?, ?, ?) ON CONFLICT (doc_type, year) DO UPDATE SET next_serial = excluded.next_serial',
    [docType, year, next],
  );
}

/** Takes the next serial; only inside the transaction that records the document. */
export function takeSerial(tx: Tx, docType: string, year: number): number {
  const serial = nextSerial(tx, docType, year);
  storeCounter(tx, docType, year, serial + 1);
  return serial;
}

/** Sets where a year's numbering goes on (numbers used on paper before); never at or below a number already used. */
export function setCounter(tx: Tx, docType: string, year: number, next: number): Result<void> {
  const used = usedSerial(tx, docType, year);
  if (next <= used) return invalid('nextSerial', 'number_below_used', { year, used, next: used + 1 });
  storeCounter(tx, docType, year, next);
  return ok(undefined);
}
