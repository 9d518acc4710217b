import { createHash, randomBytes } from 'node:crypto';
import type { Period } from '../../../shared/dates';
import { isPeriod } from '../../../shared/dates';

/**
 * What a unit workbook carries to be recognised when it comes back: the ledger it came from (a
 * fingerprint of the ledger's id), the unit, the month, the export it belongs to, and a checksum of
 * its fixed columns — written as one short code with a check of its own, so that a code mangled by
 * hand is not taken for another. The code is put where re-saving in WPS or LibreOffice cannot drop
 * it (a cell of the sheet, the printed footer) as well as where a user does not see it (a hidden
 * sheet); whichever copy survives is enough.
 */
export interface Identity {
  readonly ledger: string;
  readonly unitId: number;
  readonly period: Period;
  readonly exportId: string;
  /** Checksum of the fixed columns of all rows as sent. */
  readonly fixed: string;
}

const VERSION = 'DB1';
const PATTERN = /DB1-([0-9A-F]{8})-(\d{1,9})-(\d{6})-([0-9A-F]{8})-([0-9A-F]{8})-([0-9A-F]{4})/g;

const hex = (text: string, length: number): string => createHash('sha256').update(text).digest('hex').slice(0, length).toUpperCase();

/** The ledger as a workbook names it: not its id, which is no business of a unit's. */
export const ledgerFingerprint = (ledgerId: string): string => hex(`duban-ledger:${ledgerId}`, 8);

export const newExportId = (): string => randomBytes(4).toString('hex').toUpperCase();

/** A checksum of texts in order (a row's fixed cells, or the rows' checksums). */
export const checksum = (parts: readonly string[]): string => hex(JSON.stringify(parts), 8);

export function encodeIdentity(identity: Identity): string {
  const body = [VERSION, identity.ledger, identity.unitId, identity.period.replace('-', ''), identity.exportId, identity.fixed].join('-');
  return `${body}-${hex(body, 4)}`;
}

/** Every well-formed code in `text` whose check holds. */
export function findIdentities(text: string): Identity[] {
  const found: Identity[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const [code, ledger, unitId, yyyymm, exportId, fixed, check] = match as unknown as string[];
    const body = code!.slice(0, -5);
    const period = `${yyyymm!.slice(0, 4)}-${yyyymm!.slice(4)}`;
    if (hex(body, 4) !== check || !isPeriod(period)) continue;
    found.push({ ledger: ledger!, unitId: Number(unitId), period: period as Period, exportId: exportId!, fixed: fixed! });
  }
  return found;
}
