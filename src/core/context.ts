import type { IsoDate } from '../shared/dates';
import type { Result } from '../shared/result';
import type { AuditChange } from './audit/model';
import type { Reader, Writer } from './storage/database';

/** A write transaction as the domain sees it: SQL, its moment, and the audit log. */
export interface Tx extends Writer {
  /** When this transaction happened (ISO 8601 with offset), the same for all its rows. */
  readonly at: string;
  readonly today: IsoDate;
  audit(change: AuditChange): void;
}

/** What every domain service is given: reads, audited writes, the clock and the attachments. */
export interface LedgerContext {
  readonly db: Reader;
  write<T>(work: (tx: Tx) => Result<T>): Result<T>;
  today(): IsoDate;
  putBlob(bytes: Uint8Array): Result<string>;
  getBlob(blobId: string): Result<Buffer>;
}
