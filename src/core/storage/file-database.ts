import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { LedgerDatabase } from './database';
import { disk } from './disk';
import { ioError } from './durable-fs';
import type { Header } from './header';
import { type LedgerReading, readLedger } from './ledger-file';
import { LedgerFileReader, type SealedFile } from './sealed-file';

/** A ledger file turned into the database it holds: the snapshot decrypted, the journal replayed. */

export function readFile(path: string): Result<Buffer> {
  try {
    return ok(disk.readFileSync(path));
  } catch (error) {
    return err(ioError(error, path));
  }
}

/** Decrypts the snapshot and replays the journal into a fresh database (sql.js must be loaded). */
export function decodeFile(file: SealedFile, dataKey: Buffer): Result<{ database: LedgerDatabase; reading: LedgerReading }> {
  const reading = readLedger(file, dataKey);
  if (!reading.ok) return reading;
  let database: LedgerDatabase;
  try {
    // sql.js keeps these very bytes as its in-memory file (file-room.ts): never wiped here.
    database = LedgerDatabase.fromImageNow(reading.value.image);
    database.get('SELECT count(*) AS n FROM sqlite_master');
  } catch {
    return err(dubanError('ledger.damaged', { part: 'data' }));
  }
  for (const entry of reading.value.entries) {
    if (!database.replay(entry)) {
      database.close();
      return err(dubanError('ledger.damaged', { part: 'journal' }));
    }
  }
  return ok({ database, reading: reading.value });
}

/**
 * The database a file of this ledger holds (the ledger itself, or a backup of it), opened with the
 * data key of `header`'s epoch. Another ledger's file, or one under another data key, is said to be
 * what it is, not damaged.
 */
export function readDatabase(
  path: string,
  header: Pick<Header, 'ledgerId' | 'keyEpoch'>,
  dataKey: Buffer,
): Result<{ database: LedgerDatabase; formatVersion: number }> {
  const opened = LedgerFileReader.open(path);
  if (!opened.ok) return opened;
  const reader = opened.value;
  const found = reader.parsed.header;
  const mismatch = !found.ledgerId.equals(header.ledgerId)
    ? 'ledger.backup_other_ledger'
    : found.keyEpoch !== header.keyEpoch
      ? 'ledger.backup_earlier_key'
      : null;
  if (mismatch) {
    reader.close();
    return err(dubanError(mismatch));
  }
  const file = reader.readSealed();
  const decoded = file.ok ? decodeFile(file.value, dataKey) : file;
  return decoded.ok ? ok({ database: decoded.value.database, formatVersion: found.formatVersion }) : decoded;
}
