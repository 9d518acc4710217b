import { closeSync, copyFileSync, existsSync, fdatasyncSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import { type BackupPolicy, DEFAULT_BACKUP_POLICY, keepBackup, listBackups, rotateBackups } from './backups';
import { blobDirOf, getBlob, putBlob } from './blobs';
import { random, subkey } from './crypto';
import { LedgerDatabase, loadSqlEngine, type Reader, type Writer } from './database';
import { ioError, writeAll, writeFileAtomic } from './durable-fs';
import { FORMAT_VERSION, type Header, type KeySlot, LEDGER_ID_BYTES, parseHeader, type ParsedHeader } from './header';
import { type Statement, sealRecord } from './journal';
import { calibrateKdf, type KdfParams } from './kdf';
import { acquireLock, type LedgerLock } from './lock';
import { DEFAULT_CHUNK_SIZE, fileContext, makeSlot, readLedger, rewrapHeader, type Unlock, unwrapDataKey, type WrittenSnapshot, writeSnapshot } from './ledger-file';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';

import { checkNewPassword } from '../../shared/password-strength';
/** A snapshot is due once the journal outgrows this, or a quarter of the snapshot if that is larger. */
const JOURNAL_SNAPSHOT_BYTES = 4 * 1024 * 1024;

export interface StoreOptions {
  /** Open without the lock and never write: for verifying, statistics and copies. */
  readonly readOnly?: boolean;
  readonly backupPolicy?: BackupPolicy;
  readonly now?: () => number;
}

export interface CreateOptions extends StoreOptions {
  readonly password: string;
  /** Fixed KDF parameters instead of calibrating on this machine (never below the floor). */
  readonly kdf?: KdfParams;
}

export interface StoreInfo {
  readonly formatVersion: number;
  readonly ledgerId: string;
  readonly generation: number;
  readonly writtenAt: number;
  readonly slots: readonly { kind: KeySlot['kind']; kdf: KdfParams }[];
  readonly snapshotBytes: number;
  readonly journalRecords: number;
  readonly journalBytes: number;
  readonly tornTail: boolean;
}

/** Where appends go: the end of the last complete record, and the chain they continue. */
interface JournalState {
  fd: number | null;
  headerLength: number;
  start: number;
  end: number;
  seq: number;
  chainTag: Buffer;
  tornTail: boolean;
}

/** The empty journal that follows a snapshot just written to `path`. */
function journalAfter(path: string, snapshot: WrittenSnapshot): JournalState {
  return {
    fd: openSync(path, 'r+'),
    headerLength: snapshot.headerLength,
    start: snapshot.length,
    end: snapshot.length,
    seq: 0,
    chainTag: snapshot.chainStart,
    tornTail: false,
  };
}

const checkPassword = (password: string): Promise<Result<void>> => checkNewPassword(password);

function readFile(path: string): Result<Buffer> {
  try {
    return ok(readFileSync(path));
  } catch (error) {
    return err(ioError(error, path));
  }
}

/**
 * The encrypted ledger on disk and the SQLite database in memory. Every committed transaction is one
 * sealed journal record appended and synced before the commit is acknowledged; snapshots rewrite the
 * file atomically when the journal has grown, on close, and on demand.
 */
export class LedgerStore {
  private closed = false;
  private readonly now: () => number;

  private constructor(
    readonly path: string,
    private header: Header,
    private dataKey: Buffer,
    private database: LedgerDatabase,
    private journal: JournalState,
    private readonly lock: LedgerLock | null,
    private readonly options: StoreOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  static async create(path: string, options: CreateOptions): Promise<Result<{ store: LedgerStore; recoveryKey: string }>> {
    const passwordOk = await checkPassword(options.password);
    if (!passwordOk.ok) return passwordOk;
    if (existsSync(path)) return err(dubanError('ledger.already_exists', { path }));
    const lock = acquireLock(path);
    if (!lock.ok) return lock;
    try {
      const kdf = options.kdf ?? (await calibrateKdf());
      const dataKey = random(32);
      const ledgerId = random(LEDGER_ID_BYTES);
      const recoveryKey = generateRecoveryKey();
      const slots = await Promise.all([
        makeSlot('password', options.password, kdf, ledgerId, dataKey),
        makeSlot('recovery', parseRecoveryKey(recoveryKey)!, kdf, ledgerId, dataKey),
      ]);
      const database = await LedgerDatabase.fromImage();
      const now = (options.now ?? Date.now)();
      const snapshot = writeSnapshot(path, { ledgerId, generation: 0, slots, chunkSize: DEFAULT_CHUNK_SIZE }, dataKey, database.image(), now);
      return ok({ store: new LedgerStore(path, snapshot.header, dataKey, database, journalAfter(path, snapshot), lock.value, options), recoveryKey });
    } catch (error) {
      lock.value.release();
      return err(ioError(error, path));
    }
  }

  static async open(path: string, unlock: Unlock, options: StoreOptions = {}): Promise<Result<LedgerStore>> {
    const lock = options.readOnly ? null : acquireLock(path);
    if (lock && !lock.ok) return lock;
    const opened = await LedgerStore.load(path, unlock, options, lock?.value ?? null);
    if (!opened.ok) lock?.value.release();
    return opened;
  }

  private static async load(path: string, unlock: Unlock, options: StoreOptions, lock: LedgerLock | null): Promise<Result<LedgerStore>> {
    const file = readFile(path);
    if (!file.ok) return file;
    const parsed = parseHeader(file.value);
    if (!parsed.ok) return parsed;
    const dataKey = await unwrapDataKey(parsed.value, unlock);
    if (!dataKey.ok) return dataKey;
    await loadSqlEngine();
    const opened = LedgerStore.decode(file.value, parsed.value, dataKey.value);
    if (!opened.ok) return opened;
    const { database, journal } = opened.value;
    if (!options.readOnly) {
      try {
        journal.fd = openSync(path, 'r+');
        if (journal.tornTail) {
          ftruncateSync(journal.fd, journal.end);
          fsyncSync(journal.fd);
        }
      } catch (error) {
        database.close();
        return err(ioError(error, path));
      }
    }
    return ok(new LedgerStore(path, parsed.value.header, dataKey.value, database, journal, lock, options));
  }

  /** Decrypts the snapshot and replays the journal into a fresh database (sql.js must be loaded). */
  private static decode(file: Buffer, parsed: ParsedHeader, dataKey: Buffer): Result<{ database: LedgerDatabase; journal: JournalState }> {
    const reading = readLedger(file, parsed, dataKey);
    if (!reading.ok) return reading;
    const { image, entries } = reading.value;
    let database: LedgerDatabase;
    try {
      database = LedgerDatabase.fromImageNow(image);
      database.get('SELECT count(*) AS n FROM sqlite_master');
    } catch {
      return err(dubanError('ledger.damaged', { part: 'data' }));
    }
    for (const entry of entries) {
      if (!database.replay(entry)) {
        database.close();
        return err(dubanError('ledger.damaged', { part: 'journal' }));
      }
    }
    return ok({
      database,
      journal: {
        fd: null,
        headerLength: parsed.length,
        start: reading.value.journalStart,
        end: reading.value.journalEnd,
        seq: entries.length,
        chainTag: reading.value.chainTag,
        tornTail: reading.value.tornTail,
      },
    });
  }

  get db(): Reader {
    return this.database;
  }

  get ledgerId(): string {
    return this.header.ledgerId.toString('hex');
  }

  get isReadOnly(): boolean {
    return this.journal.fd === null;
  }

  info(): StoreInfo {
    return {
      formatVersion: FORMAT_VERSION,
      ledgerId: this.ledgerId,
      generation: this.header.generation,
      writtenAt: this.header.writtenAt,
      slots: this.header.slots.map((slot) => ({ kind: slot.kind, kdf: slot.kdf })),
      snapshotBytes: this.header.snapshotLength,
      journalRecords: this.journal.seq,
      journalBytes: this.journal.end - this.journal.start,
      tornTail: this.journal.tornTail,
    };
  }

  /**
   * Runs `work` as one transaction; it is acknowledged only once it is on disk: as a journal record,
   * or — for a transaction whose record would outgrow the point where a snapshot is due anyway (a
   * large import) — as a fresh snapshot, which costs less time and far less memory.
   */
  write<T>(work: (writer: Writer) => Result<T>): Result<T> {
    if (this.closed) return err(dubanError('ledger.closed'));
    if (this.journal.fd === null) throw new Error('ledger opened read-only');
    let whole = false;
    const result = this.database.transaction(
      work,
      (changes) => {
        if (changes.kind === 'statements') return this.append(changes.statements);
        whole = true; // saved below, once the transaction is committed in memory
        return ok(undefined);
      },
      this.snapshotThreshold(),
    );
    if (!result.ok || !whole) return result;
    const saved = this.snapshot();
    if (saved.ok) return result;
    // The file still holds the ledger as it was before the transaction: so must memory.
    const reverted = this.reloadFromFile();
    return reverted.ok ? saved : reverted;
  }

  /** Replaces the database in memory by what the file holds. */
  private reloadFromFile(): Result<void> {
    const read = this.readDatabase(this.path);
    if (!read.ok) return read;
    this.database.close();
    this.database = read.value;
    return ok(undefined);
  }

  /** The database a file of this ledger holds (this one, or a backup of it), opened with the data key. */
  private readDatabase(path: string): Result<LedgerDatabase> {
    const file = readFile(path);
    if (!file.ok) return file;
    const parsed = parseHeader(file.value);
    if (!parsed.ok) return parsed;
    // Another ledger's file cannot be decrypted with this key: said as what it is, not as damage.
    if (!parsed.value.header.ledgerId.equals(this.header.ledgerId)) return err(dubanError('ledger.backup_other_ledger'));
    const decoded = LedgerStore.decode(file.value, parsed.value, this.dataKey);
    return decoded.ok ? ok(decoded.value.database) : decoded;
  }

  private append(statements: readonly Statement[]): Result<void> {
    const { journal } = this;
    const fd = journal.fd!;
    const record = sealRecord(subkey(this.dataKey, 'journal', this.header.snapshotSalt), fileContext(this.header), journal.seq, journal.chainTag, { at: this.now(), statements });
    try {
      writeAll(fd, record.bytes, journal.end);
      fdatasyncSync(fd);
    } catch (error) {
      try {
        ftruncateSync(fd, journal.end); // leave no partial record behind a failed append
      } catch {
        // The next open drops a torn record anyway.
      }
      return err(ioError(error, this.path));
    }
    journal.end += record.bytes.length;
    journal.seq += 1;
    journal.chainTag = record.tag;
    return ok(undefined);
  }

  /**
   * Runs `work` on the database in memory only: for bringing a ledger opened read-only up to the
   * current schema, so that it can be read; nothing is written to the file.
   */
  transient<T>(work: (writer: Writer) => Result<T>): Result<T> {
    if (this.closed) return err(dubanError('ledger.closed'));
    return this.database.transaction(work, () => ok(undefined));
  }

  /** How much journal makes a snapshot worth its cost. */
  private snapshotThreshold(): number {
    return Math.max(JOURNAL_SNAPSHOT_BYTES, this.header.snapshotLength / 4);
  }

  snapshotDue(): boolean {
    return this.journal.end - this.journal.start > this.snapshotThreshold();
  }

  /** Rewrites the file as one fresh snapshot with an empty journal, keeping the old file as a backup. */
  snapshot(): Result<void> {
    if (this.closed) return err(dubanError('ledger.closed'));
    if (this.journal.fd === null) throw new Error('ledger opened read-only');
    const now = this.now();
    closeSync(this.journal.fd);
    this.journal.fd = null;
    let snapshot: WrittenSnapshot;
    try {
      snapshot = writeSnapshot(this.path, this.header, this.dataKey, this.database.image(), now, () => keepBackup(this.path, now));
      rotateBackups(this.path, this.options.backupPolicy ?? DEFAULT_BACKUP_POLICY, now);
    } catch (error) {
      this.journal.fd = openSync(this.path, 'r+');
      return err(ioError(error, this.path));
    }
    this.header = snapshot.header;
    this.journal = journalAfter(this.path, snapshot);
    return ok(undefined);
  }

  /** The plain SQLite image, for `duban dump`: the one way data leaves the ledger unencrypted, on request. */
  plainImage(): Uint8Array {
    return this.database.image();
  }

  putBlob(bytes: Uint8Array): Result<string> {
    if (this.closed) return err(dubanError('ledger.closed'));
    return putBlob(this.path, this.dataKey, this.header.ledgerId, bytes);
  }

  getBlob(blobId: string): Result<Buffer> {
    if (this.closed) return err(dubanError('ledger.closed'));
    return getBlob(this.path, this.dataKey, this.header.ledgerId, blobId);
  }

  /**
   * Checks the current password (or the recovery key, when the password was forgotten), then rewraps
   * the data key under the new password, here and in every backup.
   */
  async changePassword(current: Unlock, newPassword: string, kdf?: KdfParams): Promise<Result<void>> {
    const passwordOk = await checkPassword(newPassword);
    if (!passwordOk.ok) return passwordOk;
    const checked = await this.checkSecret(current);
    if (!checked.ok) return checked;
    const params = kdf ?? (await calibrateKdf());
    const slot = await makeSlot('password', newPassword, params, this.header.ledgerId, this.dataKey);
    return this.replaceSlots('password', slot);
  }

  /** A new recovery key replaces the old one, which stops working; shown once to the caller. */
  async replaceRecoveryKey(password: string, kdf?: KdfParams): Promise<Result<string>> {
    const current = await this.checkSecret({ password });
    if (!current.ok) return current;
    const recoveryKey = generateRecoveryKey();
    const params = kdf ?? this.header.slots.find((s) => s.kind === 'recovery')?.kdf ?? (await calibrateKdf());
    const slot = await makeSlot('recovery', parseRecoveryKey(recoveryKey)!, params, this.header.ledgerId, this.dataKey);
    const replaced = await this.replaceSlots('recovery', slot);
    return replaced.ok ? ok(recoveryKey) : replaced;
  }

  private async checkSecret(unlock: Unlock): Promise<Result<void>> {
    const file = readFile(this.path);
    if (!file.ok) return file;
    const parsed = parseHeader(file.value);
    if (!parsed.ok) return parsed;
    const key = await unwrapDataKey(parsed.value, unlock);
    return key.ok ? ok(undefined) : key;
  }

  private async replaceSlots(kind: KeySlot['kind'], slot: KeySlot): Promise<Result<void>> {
    if (this.journal.fd === null) throw new Error('ledger opened read-only');
    const slots = [...this.header.slots.filter((s) => s.kind !== kind), slot];
    const rewritten = this.rewrapFile(this.path, slots);
    if (!rewritten.ok) return rewritten;
    for (const backup of listBackups(this.path)) this.rewrapFile(backup.path, slots);
    const headerBytes = rewrapHeader(this.header, slots, this.dataKey);
    const shift = headerBytes.length - this.journal.headerLength;
    this.header = { ...this.header, slots };
    closeSync(this.journal.fd);
    this.journal = { ...this.journal, fd: openSync(this.path, 'r+'), headerLength: headerBytes.length, start: this.journal.start + shift, end: this.journal.end + shift };
    return ok(undefined);
  }

  /** Replaces the header of a file of this ledger (the ledger itself or a backup) by one with `slots`. */
  private rewrapFile(path: string, slots: readonly KeySlot[]): Result<void> {
    const file = readFile(path);
    if (!file.ok) return file;
    const parsed = parseHeader(file.value);
    if (!parsed.ok) return parsed;
    const { header } = parsed.value;
    if (!header.ledgerId.equals(this.header.ledgerId)) return err(dubanError('ledger.backup_other_ledger'));
    try {
      writeFileAtomic(path, [rewrapHeader(header, slots, this.dataKey), file.value.subarray(parsed.value.length)]);
      return ok(undefined);
    } catch (error) {
      return err(ioError(error, path));
    }
  }

  /** Writes the ledger as it is now to `dest` (a complete, verified-on-open file) with its attachments. */
  saveCopy(dest: string): Result<void> {
    if (this.closed) return err(dubanError('ledger.closed'));
    try {
      writeSnapshot(dest, this.header, this.dataKey, this.database.image(), this.now());
      copyBlobs(blobDirOf(this.path), blobDirOf(dest));
    } catch (error) {
      return err(ioError(error, dest));
    }
    return ok(undefined);
  }

  /**
   * Replaces the ledger's content by a backup of this same ledger. The backup is opened with the data
   * key (it was taken under whatever password was current then); the present state is kept as a backup.
   */
  async restoreBackup(backupPath: string): Promise<Result<void>> {
    if (this.closed) return err(dubanError('ledger.closed'));
    const restored = this.readDatabase(backupPath);
    if (!restored.ok) return restored;
    const previous = this.database;
    this.database = restored.value;
    const written = this.snapshot();
    if (!written.ok) {
      this.database = previous;
      restored.value.close();
      return written;
    }
    previous.close();
    return ok(undefined);
  }

  /** Ends the session: a last snapshot if anything was journalled, then keys and data are dropped. */
  close(): Result<void> {
    if (this.closed) return ok(undefined);
    let result: Result<void> = ok(undefined);
    if (this.journal.fd !== null && this.journal.seq > 0) result = this.snapshot();
    if (this.journal.fd !== null) closeSync(this.journal.fd);
    this.journal.fd = null;
    this.database.close();
    this.dataKey.fill(0);
    this.lock?.release();
    this.closed = true;
    return result;
  }
}

function copyBlobs(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (!existsSync(join(to, name))) copyFileSync(join(from, name), join(to, name));
  }
}
