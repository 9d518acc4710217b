import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { LedgerDatabase } from './database';
import { disk } from './disk';
import { ioError } from './durable-fs';
import { type Header, parseHeader, type ParsedHeader } from './header';
import { type LedgerReading, readLedger } from './ledger-file';

/** A ledger file turned into the database it holds: the snapshot decrypted, the journal replayed. */

export function readFile(path: string): Result<Buffer> {
  try {
    return ok(disk.readFileSync(path));
  } catch (error) {
    return err(ioError(error, path));
  }
}

/** Decrypts the snapshot and replays the journal into a fresh database (sql.js must be loaded). */
export function decodeFile(file: Buffer, parsed: ParsedHeader, dataKey: Buffer): Result<{ database: LedgerDatabase; reading: LedgerReading }> {
  const reading = readLedger(file, parsed, dataKey);
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
  const file = readFile(path);
  if (!file.ok) return file;
  const parsed = parseHeader(file.value);
  if (!parsed.ok) return parsed;
  if (!parsed.value.header.ledgerId.equals(header.ledgerId)) return err(dubanError('ledger.backup_other_ledger'));
  if (parsed.value.header.keyEpoch !== header.keyEpoch) return err(dubanError('ledger.backup_earlier_key'));
  const decoded = decodeFile(file.value, parsed.value, dataKey);
  return decoded.ok ? ok({ database: decoded.value.database, formatVersion: parsed.value.header.formatVersion }) : decoded;
}
