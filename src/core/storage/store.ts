import { basename, dirname, join } from 'node:path';
import { dubanError, type DubanError } from '../../shared/errors';
import { err, ok, type Result } from '../../shared/result';
import type { AnchorBook, AnchorCheck, AuditView } from './anchor';
import { AnchorKeeper } from './anchor-keeper';
import { backupDirOf, type BackupPolicy, DEFAULT_BACKUP_POLICY, keepBackup, listBackups, rotateBackups } from './backups';
import { type BlobKey, blobDirOf, getBlob, listBlobFiles, putBlob, removeBlobFile, staleBlobFiles } from './blobs';
import { random, subkey, wipe } from './crypto';
import { LedgerDatabase, loadSqlEngine, type Reader, type Writer } from './database';
import { decodeFile, readDatabase } from './file-database';
import { disk } from './disk';
import { copyFileAtomic, ensureDirectory, exists, ioError, removeTemporaryFiles, writeAll } from './durable-fs';
import { FORMAT_VERSION, type Header, LEDGER_ID_BYTES, SNAPSHOT_SALT_BYTES } from './header';
import { type Statement, sealRecord } from './journal';
import { calibrateKdf, type KdfParams } from './kdf';
import { acquireLock, type LedgerLock } from './lock';
import type { KeyChange } from './model';
import { DEFAULT_CHUNK_SIZE, fileContext, nextHeader, openIntegrityKey, sealIntegrityKey, type WrittenSnapshot, writeSnapshot } from './ledger-file';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import { LedgerFileReader } from './sealed-file';
import { type NewKeys, rekey } from './rekey';
import { type Opener, passwordSlot, personSlot, recoverySlot, type Unlock, unwrapDataKey, wrapForRecipient } from './slots';
import { collectGarbage } from './memory';
import { checkNewPassword } from '../../shared/password-strength';
import { invalid } from '../../shared/validation';

export type { Opener, Unlock } from './slots';
export type { KeyChange } from './model';

/** A snapshot is due once the journal outgrows this, or a quarter of the snapshot if that is larger. */
const JOURNAL_SNAPSHOT_BYTES = 4 * 1024 * 1024;

export interface StoreOptions {
  /** Open without the lock and never write: for verifying, statistics and copies. */
  readonly readOnly?: boolean;
  /** The lock (its token) the user chose to take over, its holder gone (see acquireLock). */
  readonly takeOverLock?: string;
  readonly backupPolicy?: BackupPolicy;
  readonly now?: () => number;
  /** Where this machine keeps the last state it saw of each ledger (anchor.ts); without it nothing is checked. */
  readonly anchors?: AnchorBook;
  /** How the audit chain's head is read for the anchor. */
  readonly audit?: AuditView;
  /** Runs on the database of a format-1 ledger, with its new audit key, before it is rewritten in format 2. */
  readonly upgrade?: (writer: Writer, auditKey: Buffer) => Result<void>;
}

export interface CreateOptions extends StoreOptions {
  readonly password: string;
  /** Fixed KDF parameters instead of calibrating on this machine (never below the floor). */
  readonly kdf?: KdfParams;
  /** The database the new ledger starts from (an archive's rows), instead of an empty one. */
  readonly image?: Uint8Array;
}

export interface StoreInfo {
  readonly formatVersion: number;
  readonly ledgerId: string;
  readonly generation: number;
  readonly writtenAt: number;
  readonly keyEpoch: number;
  readonly slots: readonly { kind: Header['slots'][number]['kind']; kdf: KdfParams }[];
  readonly snapshotBytes: number;
  readonly journalRecords: number;
  readonly journalBytes: number;
  readonly tornTail: boolean;
  /** The file compared with what this machine saw of it last. */
  readonly anchor: AnchorCheck;
  /** What could not be done about backups (they are best effort: a snapshot never fails for them). */
  readonly backupWarnings: readonly DubanError[];
  /** Why nothing more can be written until the ledger is opened again (memory could not be brought in line with the file). */
  readonly mustReopen: DubanError | null;
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
function journalAfter(snapshot: WrittenSnapshot, fd: number | null): JournalState {
  return { fd, headerLength: snapshot.headerLength, start: snapshot.length, end: snapshot.length, seq: 0, chainTag: snapshot.chainStart, tornTail: false };
}

/** The first header of a new ledger. */
function firstHeader(dataKey: Buffer, integrityKey: Buffer, slots: Header['slots'], snapshotLength: number, writtenAt: number): Header {
  const ledgerId = random(LEDGER_ID_BYTES);
  return {
    formatVersion: FORMAT_VERSION,
    ledgerId,
    generation: 1,
    snapshotSalt: random(SNAPSHOT_SALT_BYTES),
    snapshotLength,
    chunkSize: DEFAULT_CHUNK_SIZE,
    writtenAt,
    keyEpoch: 0,
    integrityKey: sealIntegrityKey(integrityKey, dataKey, ledgerId, 0),
    slots,
  };
}

/**
 * The encrypted ledger on disk and the SQLite database in memory. Every committed transaction is one
 * sealed journal record appended and synced before the commit is acknowledged; snapshots rewrite the
 * file atomically when the journal has grown, on close, and on demand. Memory always describes the
 * file at `path` as it is: every step that changes the file adopts the change the moment it happens.
 */
export class LedgerStore {
  private closed = false;
  /** Set when memory could not be brought back in line with the file: nothing more is written until reopened. */
  private broken: DubanError | null = null;
  private readonly now: () => number;
  private backupWarnings: DubanError[] = [];
  /** After a snapshot that could not be written, the journal length at which the next one is tried. */
  private snapshotRetryAt = 0;
  private auditKeyCache: Buffer | null = null;
  /** The journal key of the current snapshot, derived once rather than at every commit. */
  private journalKeyCache: Buffer | null = null;
  private readonly anchor: AnchorKeeper;

  private constructor(
    readonly path: string,
    private header: Header,
    private dataKey: Buffer,
    /** Null only for a format-1 ledger opened read-only. */
    private integrityKey: Buffer | null,
    private database: LedgerDatabase,
    private journal: JournalState,
    private readonly lock: LedgerLock | null,
    private readonly options: StoreOptions,
    /** Whose secret opened this session: the one its changes are recorded under. */
    readonly opener: Opener,
  ) {
    this.now = options.now ?? Date.now;
    this.anchor = new AnchorKeeper(options.anchors, header.ledgerId, options.audit, this.now);
    if (integrityKey) this.anchor.arm(integrityKey);
  }

  static async create(path: string, options: CreateOptions): Promise<Result<{ store: LedgerStore; recoveryKey: string }>> {
    const passwordOk = await checkNewPassword(options.password);
    if (!passwordOk.ok) return passwordOk;
    if (exists(path)) return err(dubanError('ledger.already_exists', { path }));
    if (!exists(dirname(path))) return err(dubanError('ledger.folder_not_found', { folder: dirname(path) }));
    const lock = acquireLock(path);
    if (!lock.ok) return lock;
    try {
      const kdf = options.kdf ?? (await calibrateKdf());
      const dataKey = random(32);
      const integrityKey = random(32);
      const recoveryKey = generateRecoveryKey();
      const database = await LedgerDatabase.fromImage(options.image);
      const image = database.image();
      const header = firstHeader(dataKey, integrityKey, [], image.length, (options.now ?? Date.now)());
      const slots = await Promise.all([
        passwordSlot(options.password, kdf, header.ledgerId, dataKey),
        recoverySlot(parseRecoveryKey(recoveryKey)!, kdf, header.ledgerId, dataKey),
      ]);
      const snapshot = writeSnapshot(path, { ...header, slots }, dataKey, image);
      const store = new LedgerStore(
        path,
        snapshot.header,
        dataKey,
        integrityKey,
        database,
        journalAfter(snapshot, disk.openSync(path, 'r+')),
        lock.value,
        options,
        { kind: 'password' },
      );
      store.recordAnchor();
      return ok({ store, recoveryKey });
    } catch (error) {
      lock.value.release();
      return err(ioError(error, path));
    }
  }

  static async open(path: string, unlock: Unlock, options: StoreOptions = {}): Promise<Result<LedgerStore>> {
    // Taking another's lock cannot be undone: only someone whose password opens the ledger may (a second key derivation, on this rare path).
    if (options.takeOverLock !== undefined && !options.readOnly) {
      const checked = await LedgerStore.openerOf(path, unlock);
      if (!checked.ok) return checked;
    }
    const lock = options.readOnly ? null : acquireLock(path, options.takeOverLock);
    if (lock && !lock.ok) return lock;
    const opened = await LedgerStore.load(path, unlock, options, lock?.value ?? null);
    if (!opened.ok) lock?.value.release();
    return opened;
  }

  private static async load(path: string, unlock: Unlock, options: StoreOptions, lock: LedgerLock | null): Promise<Result<LedgerStore>> {
    const opened = LedgerFileReader.open(path);
    if (!opened.ok) return opened;
    // The key is derived (in libuv's threads) and sql.js compiled while this thread reads the file.
    const unwrapping = unwrapDataKey(opened.value.parsed, unlock);
    const engine = loadSqlEngine();
    const file = opened.value.readSealed();
    const [unwrapped] = await Promise.all([unwrapping, engine]);
    if (!unwrapped.ok) return unwrapped;
    const { dataKey, opener } = unwrapped.value;
    const decoded = file.ok ? decodeFile(file.value, dataKey) : file;
    if (!decoded.ok) {
      wipe(dataKey);
      return decoded;
    }
    const { database, reading } = decoded.value;
    const { header, length: headerLength } = opened.value.parsed;
    const integrityKey = openIntegrityKey(header, dataKey);
    if (header.integrityKey && !integrityKey) {
      database.close();
      return err(dubanError('ledger.damaged', { part: 'header' }));
    }
    const journal: JournalState = {
      fd: null,
      headerLength,
      start: reading.journalStart,
      end: reading.journalEnd,
      seq: reading.entries.length,
      chainTag: reading.chainTag,
      tornTail: reading.tornTail,
    };
    const store = new LedgerStore(path, header, dataKey, integrityKey, database, journal, lock, options, opener);
    store.anchor.compare(path, database, { generation: header.generation, records: journal.seq, lastTag: journal.chainTag }, reading.tags);
    if (options.readOnly) return ok(store);
    const ready = store.prepareForWriting();
    if (!ready.ok) {
      store.dropKeys();
      return ready;
    }
    return ok(store);
  }

  /**
   * Opening for writing: drops a torn last record from the file, removes what interrupted saves left
   * behind (temporary files may hold data under old key slots; blob files of another data key), and
   * brings a format-1 file up to format 2 before anything is appended to it.
   */
  private prepareForWriting(): Result<void> {
    try {
      this.journal.fd = disk.openSync(this.path, 'r+');
      if (this.journal.tornTail) {
        disk.ftruncateSync(this.journal.fd, this.journal.end);
        disk.fsyncSync(this.journal.fd);
      }
    } catch (error) {
      return err(ioError(error, this.path));
    }
    this.removeLeftovers();
    if (this.header.formatVersion === 1) return this.upgrade();
    // A file behind what this machine saw keeps the anchor where it was until a change is saved.
    if (!this.anchor.isWarning) this.recordAnchor();
    return ok(undefined);
  }

  private removeLeftovers(): void {
    removeTemporaryFiles(dirname(this.path), basename(this.path));
    removeTemporaryFiles(dirname(this.path), basename(`${this.path}.lock`));
    removeTemporaryFiles(blobDirOf(this.path));
    removeTemporaryFiles(backupDirOf(this.path));
    const blobs = listBlobFiles(this.path);
    if (blobs.ok) for (const file of staleBlobFiles(blobs.value, this.header.keyEpoch)) removeBlobFile(this.path, file.fileName);
    this.noteBackupsUnderEarlierKeys();
  }

  /** Backups a new data key could not reach still open with an earlier secret: said until they are gone. */
  private noteBackupsUnderEarlierKeys(): void {
    this.backupWarnings = this.backupWarnings.filter((w) => w.code !== 'ledger.backups_earlier_key');
    const earlier = listBackups(this.path).filter((b) => b.keyEpoch < this.header.keyEpoch);
    if (earlier.length) this.backupWarnings.push(dubanError('ledger.backups_earlier_key', { files: earlier.map((b) => b.fileName).join('、') }));
  }

  /** Format 1 → 2: a new integrity key, the audit chain keyed with it, and the whole file rewritten at once. */
  private upgrade(): Result<void> {
    const integrityKey = random(32);
    const auditKey = subkey(integrityKey, 'audit', this.header.ledgerId);
    const upgrade = this.options.upgrade;
    const upgraded = upgrade
      ? this.database.transaction(
          (w) => upgrade(w, auditKey),
          () => ok(undefined),
        )
      : ok(undefined);
    wipe(auditKey);
    if (!upgraded.ok) return upgraded;
    const previous = this.header;
    this.header = { ...previous, keyEpoch: 0, integrityKey: sealIntegrityKey(integrityKey, this.dataKey, previous.ledgerId, 0) };
    const written = this.snapshot();
    if (!written.ok) {
      this.header = previous;
      wipe(integrityKey);
      return written;
    }
    this.integrityKey = integrityKey;
    this.anchor.arm(integrityKey);
    this.recordAnchor();
    return ok(undefined);
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

  /** The key of the audit chain (null only for a format-1 ledger opened read-only, whose chain is unkeyed). */
  get auditKey(): Buffer | null {
    if (!this.integrityKey) return null;
    this.auditKeyCache ??= subkey(this.integrityKey, 'audit', this.header.ledgerId);
    return this.auditKeyCache;
  }

  info(): StoreInfo {
    return {
      formatVersion: this.header.formatVersion,
      ledgerId: this.ledgerId,
      generation: this.header.generation,
      writtenAt: this.header.writtenAt,
      keyEpoch: this.header.keyEpoch,
      slots: this.header.slots.map((slot) => ({ kind: slot.kind, kdf: slot.kdf })),
      snapshotBytes: this.header.snapshotLength,
      journalRecords: this.journal.seq,
      journalBytes: this.journal.end - this.journal.start,
      tornTail: this.journal.tornTail,
      anchor: this.anchor.check,
      backupWarnings: [...this.backupWarnings],
      mustReopen: this.broken,
    };
  }

  private usable(): Result<void> {
    if (this.closed) return err(dubanError('ledger.closed'));
    return this.broken ? err(this.broken) : ok(undefined);
  }

  private writable(): Result<void> {
    const usable = this.usable();
    if (!usable.ok) return usable;
    if (this.journal.fd === null) throw new Error('ledger opened read-only');
    return ok(undefined);
  }

  /**
   * Runs `work` as one transaction; it is acknowledged only once it is on disk: as a journal record,
   * or — for a transaction whose record would outgrow the point where a snapshot is due anyway (a
   * large import) — as a fresh snapshot, which costs less time and far less memory.
   */
  write<T>(work: (writer: Writer) => Result<T>): Result<T> {
    const writable = this.writable();
    if (!writable.ok) return writable;
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
    if (!result.ok) return result;
    if (whole) {
      // A transaction too large to journal is a large import: by now it has let go of its workbook and
      // its plan (some 100 MB for 50,000 rows) that no collection has had a reason to take yet, and the
      // snapshot's sealed chunks would pile up on top of them — the import's peak memory.
      collectGarbage();
      const saved = this.snapshot();
      if (saved.ok) return result;
      // The file still holds the ledger as it was before the transaction: so must memory.
      this.reloadFromFile();
      return saved;
    }
    this.snapshotIfDue();
    return result;
  }

  /** Replaces the database in memory by what the file holds; if even that fails, nothing more is written. */
  private reloadFromFile(): void {
    const read = readDatabase(this.path, this.header, this.dataKey);
    if (!read.ok) {
      this.broken = read.error;
      return;
    }
    this.database.close();
    this.database = read.value.database;
  }

  private append(statements: readonly Statement[]): Result<void> {
    const { journal } = this;
    const fd = journal.fd!;
    const record = sealRecord(this.journalKey(), fileContext(this.header), journal.seq, journal.chainTag, { at: this.now(), statements });
    try {
      writeAll(fd, record.bytes, journal.end);
      disk.fdatasyncSync(fd);
    } catch (error) {
      this.cutBack(fd);
      return err(ioError(error, this.path));
    }
    journal.end += record.bytes.length;
    journal.seq += 1;
    journal.chainTag = record.tag;
    this.recordAnchor();
    return ok(undefined);
  }

  private journalKey(): Buffer {
    this.journalKeyCache ??= subkey(this.dataKey, 'journal', this.header.snapshotSalt);
    return this.journalKeyCache;
  }

  /**
   * Leaves no part of a failed append in the file. Should even that fail, the record may be whole on
   * disk while memory rolled it back: nothing more is written until the ledger is opened again, so
   * that memory is read from the file. (Its nonce is random: a retry could never reuse it.)
   */
  private cutBack(fd: number): void {
    try {
      disk.ftruncateSync(fd, this.journal.end);
    } catch (error) {
      this.broken = ioError(error, this.path);
    }
  }

  /**
   * Runs `work` on the database in memory only: for bringing a ledger opened read-only up to the
   * current schema, so that it can be read; nothing is written to the file.
   */
  transient<T>(work: (writer: Writer) => Result<T>): Result<T> {
    const usable = this.usable();
    if (!usable.ok) return usable;
    return this.database.transaction(work, () => ok(undefined));
  }

  /** How much journal makes a snapshot worth its cost. */
  private snapshotThreshold(): number {
    return Math.max(JOURNAL_SNAPSHOT_BYTES, this.header.snapshotLength / 4);
  }

  snapshotDue(): boolean {
    const length = this.journal.end - this.journal.start;
    return length > this.snapshotThreshold() && length >= this.snapshotRetryAt;
  }

  /**
   * The rule of docs/ledger-format.md §1, applied after each commit. The commit is already durable in
   * the journal, so a snapshot that cannot be written is only tried again once the journal has grown
   * by another threshold, rather than after every commit.
   */
  private snapshotIfDue(): void {
    if (!this.snapshotDue()) return;
    if (!this.snapshot().ok) this.snapshotRetryAt = this.journal.end - this.journal.start + this.snapshotThreshold();
  }

  /** Rewrites the file as one fresh snapshot with an empty journal, keeping the old file as a backup. */
  snapshot(): Result<void> {
    return this.rewrite({});
  }

  /**
   * The snapshot, under the present header and key or — for a new data key — under the ones given.
   * Backups are best effort: one that cannot be kept or removed never fails the snapshot (the reason
   * is kept in `info().backupWarnings`) — unless `requireBackup`, for a restore the user must be able
   * to undo.
   */
  private rewrite(options: { readonly requireBackup?: boolean; readonly header?: Header; readonly dataKey?: Buffer }): Result<void> {
    const writable = this.writable();
    if (!writable.ok) return writable;
    const now = this.now();
    const dataKey = options.dataKey ?? this.dataKey;
    let backupKept = false;
    const keep = (): void => {
      try {
        keepBackup(this.path, now);
        backupKept = true;
      } catch (error) {
        if (options.requireBackup) throw error;
      }
    };
    let snapshot: WrittenSnapshot;
    try {
      snapshot = this.database.withImage((image) =>
        writeSnapshot(this.path, nextHeader(options.header ?? this.header, image.length, now), dataKey, image, keep),
      );
    } catch (error) {
      return err(ioError(error, this.path));
    }
    this.adopt(snapshot, dataKey);
    this.maintainBackups(backupKept, now);
    return ok(undefined);
  }

  /** The file at `path` is now `snapshot`: so is memory, at once, whatever happens next. */
  private adopt(snapshot: WrittenSnapshot, dataKey: Buffer): void {
    if (this.journal.fd !== null) {
      try {
        disk.closeSync(this.journal.fd);
      } catch {
        // The old file's descriptor: nothing is written through it any more.
      }
    }
    this.header = snapshot.header;
    wipe(this.journalKeyCache);
    this.journalKeyCache = null;
    if (dataKey !== this.dataKey) {
      wipe(this.dataKey);
      this.dataKey = dataKey;
    }
    this.snapshotRetryAt = 0;
    let fd: number | null = null;
    try {
      fd = disk.openSync(this.path, 'r+');
    } catch (error) {
      this.broken = ioError(error, this.path);
    }
    this.journal = journalAfter(snapshot, fd);
    this.recordAnchor();
  }

  private maintainBackups(kept: boolean, now: number): void {
    this.backupWarnings = this.backupWarnings.filter((w) => w.code === 'ledger.backups_earlier_key');
    if (!kept) this.backupWarnings.push(dubanError('ledger.backup_not_kept', { dir: backupDirOf(this.path) }));
    let left: string[];
    try {
      left = rotateBackups(this.path, this.options.backupPolicy ?? DEFAULT_BACKUP_POLICY, now);
    } catch {
      left = ['…'];
    }
    if (left.length) this.backupWarnings.push(dubanError('ledger.backups_not_removed', { files: left.join('、') }));
  }

  /** Tells this machine's anchor where the file now stands. */
  private recordAnchor(): void {
    if (this.options.readOnly) return;
    this.anchor.moved(this.path, this.database, { generation: this.header.generation, records: this.journal.seq, lastTag: this.journal.chainTag });
  }

  /** A database of its own made from this one, copied once from sql.js's file (the archive step trims one to a round). */
  databaseCopy(): LedgerDatabase {
    return this.database.withImage((image) => LedgerDatabase.fromImageNow(image));
  }

  /** The plain SQLite image, for `duban dump`: the one way data leaves the ledger unencrypted, on request. */
  plainImage(): Uint8Array {
    return this.database.image();
  }

  private blobKey(): BlobKey {
    return { dataKey: this.dataKey, ledgerId: this.header.ledgerId, epoch: this.header.keyEpoch };
  }

  putBlob(bytes: Uint8Array): Result<string> {
    const usable = this.usable();
    if (!usable.ok) return usable;
    return putBlob(this.path, this.blobKey(), bytes);
  }

  getBlob(blobId: string): Result<Buffer> {
    const usable = this.usable();
    if (!usable.ok) return usable;
    return getBlob(this.path, this.blobKey(), blobId);
  }

  /** Whose secret `unlock` is, checked against the file at `path` as it is on disk. */
  private static async openerOf(path: string, unlock: Unlock): Promise<Result<Opener>> {
    const opened = LedgerFileReader.open(path);
    if (!opened.ok) return opened;
    opened.value.close();
    const key = await unwrapDataKey(opened.value.parsed, unlock);
    if (!key.ok) return key;
    wipe(key.value.dataKey);
    return ok(key.value.opener);
  }

  /** Whether `unlock` opens the file as it is on disk (a slot of anyone's). */
  async opens(unlock: Unlock): Promise<boolean> {
    return (await LedgerStore.openerOf(this.path, unlock)).ok;
  }

  /** The administrator's password (or the recovery key), checked: the secret every change of slots asks for. */
  async checkAdministrator(unlock: Unlock): Promise<Result<void>> {
    const checked = await LedgerStore.openerOf(this.path, unlock);
    if (!checked.ok) return checked;
    return checked.value.kind === 'person' ? err(dubanError('people.admin_only')) : ok(undefined);
  }

  /**
   * A new password: checked against the current one (or the recovery key, when it was forgotten),
   * then a new data key for everything (see `rekey`), so that no earlier copy of the file opened with
   * the earlier password reads what is written from now on. The printed recovery key goes on working
   * (its slot is wrapped anew for it) — except on a ledger first made in format 1, whose recovery slot
   * cannot be, and which gets a new recovery key to print.
   */
  async changePassword(current: Unlock, newPassword: string, kdf?: KdfParams): Promise<Result<KeyChange>> {
    const passwordOk = await checkNewPassword(newPassword);
    if (!passwordOk.ok) return passwordOk;
    const checked = await LedgerStore.openerOf(this.path, current);
    if (!checked.ok) return checked;
    // Unlocking tries the slots in turn: a password that already opens one would sign its owner in as someone else.
    if (await this.opens({ password: newPassword })) return invalid('next', 'password_in_use');
    if (checked.value.kind === 'person') return this.replacePersonSlot(Buffer.from(checked.value.personId, 'hex'), newPassword, kdf);
    const recovery = this.header.slots.find((s) => s.kind === 'recovery');
    return this.newDataKey(newPassword, recovery?.scheme === 'recipient' ? 'keep' : 'replace', kdf);
  }

  /** Revokes the recovery key: a new one is issued (shown once) and the data key is replaced with it. */
  async replaceRecoveryKey(password: string, kdf?: KdfParams): Promise<Result<KeyChange>> {
    const checked = await this.checkAdministrator({ password });
    if (!checked.ok) return checked;
    return this.newDataKey(password, 'replace', kdf);
  }

  /** A slot for a new person (their id is the row of the people table that names them). */
  async addPerson(personId: Buffer, password: string, kdf?: KdfParams): Promise<Result<void>> {
    const writable = this.writable();
    if (!writable.ok) return writable;
    // The administrator's parameters, calibrated for this ledger: a person's slot is no weaker than theirs.
    const params = kdf ?? this.header.slots.find((s) => s.kind === 'password')?.kdf ?? (await calibrateKdf());
    const slot = await personSlot(personId, password, params, this.header.ledgerId, this.dataKey);
    const slots = [...this.header.slots.filter((s) => !isSlotOf(s, personId)), slot];
    return this.rewrite({ header: { ...this.header, slots } });
  }

  /**
   * Removes a person's slot and gives the ledger a new data key, re-wrapped for everyone left
   * without their passwords: the administrator's slot made again from the password just typed, the
   * recovery key and each remaining person wrapped to their public keys. `keep` names the people who
   * stay: a slot of anyone else (one left by an interrupted removal) goes too.
   */
  async removePerson(administrator: string, keep: readonly Buffer[], kdf?: KdfParams): Promise<Result<KeyChange>> {
    const checked = await this.checkAdministrator({ password: administrator });
    if (!checked.ok) return checked;
    const recovery = this.header.slots.find((s) => s.kind === 'recovery');
    // The same password, so the parameters it was calibrated with stay (none is re-measured here).
    const params = kdf ?? this.header.slots.find((s) => s.kind === 'password')?.kdf;
    return this.newDataKey(administrator, recovery?.scheme === 'recipient' ? 'keep' : 'replace', params, keep);
  }

  /** A person's new password: their slot made again under the same data key (theirs is not the key the others' slots are made from). */
  private async replacePersonSlot(personId: Buffer, password: string, kdf?: KdfParams): Promise<Result<KeyChange>> {
    const added = await this.addPerson(personId, password, kdf);
    return added.ok ? ok({ recoveryKey: null, backupsNotResealed: [] }) : added;
  }

  private async newDataKey(password: string, recovery: 'keep' | 'replace', kdf?: KdfParams, keep?: readonly Buffer[]): Promise<Result<KeyChange>> {
    const writable = this.writable();
    if (!writable.ok) return writable;
    const dataKey = random(32);
    const { ledgerId } = this.header;
    const params = kdf ?? (await calibrateKdf());
    const recoveryKey = recovery === 'replace' ? generateRecoveryKey() : null;
    const current = this.header.slots.find((s) => s.kind === 'recovery');
    const people = this.header.slots.flatMap((s) => (s.kind === 'person' && (!keep || keep.some((id) => id.equals(s.personId))) ? [s] : []));
    const slots = await Promise.all([
      passwordSlot(password, params, ledgerId, dataKey),
      recoveryKey || current?.scheme !== 'recipient'
        ? recoverySlot(parseRecoveryKey(recoveryKey ?? generateRecoveryKey())!, kdf ?? current?.kdf ?? params, ledgerId, dataKey)
        : Promise.resolve(wrapForRecipient(current, ledgerId, dataKey)),
      ...people.map((person) => wrapForRecipient(person, ledgerId, dataKey)),
    ]);
    // From here on nothing awaits: no other call can slip in between the steps of the new key.
    const stillWritable = this.writable();
    if (!stillWritable.ok) {
      wipe(dataKey);
      return stillWritable;
    }
    const keys: NewKeys = { dataKey, epoch: this.header.keyEpoch + 1, slots, integrityKey: this.integrityKey! };
    const changed = rekey(this.rekeyTarget(), keys);
    if (!changed.ok) {
      wipe(dataKey);
      return changed;
    }
    return ok({ recoveryKey, backupsNotResealed: changed.value.backupsNotResealed });
  }

  /** What `rekey` needs of the store: its file and keys, and the two steps only the store may take. */
  private rekeyTarget() {
    return {
      path: this.path,
      header: this.header,
      dataKey: this.dataKey,
      snapshotUnder: (header: Header, dataKey: Buffer) => this.rewrite({ header, dataKey }),
      removeLeftovers: () => this.removeLeftovers(),
    };
  }

  /**
   * Writes the ledger as it is now to `dest` (a complete, verified-on-open file) with its attachments.
   * With `anchors`, `dest` becomes a ledger this machine has seen as it is now (a restore the user asked for).
   */
  saveCopy(dest: string, anchors?: AnchorBook): Result<void> {
    const usable = this.usable();
    if (!usable.ok) return usable;
    let copy: WrittenSnapshot;
    try {
      copy = this.database.withImage((image) => writeSnapshot(dest, nextHeader(this.header, image.length, this.now()), this.dataKey, image));
    } catch (error) {
      return err(ioError(error, dest));
    }
    const blobs = copyBlobs(this.path, dest, this.header.keyEpoch);
    if (!blobs.ok) return blobs;
    if (anchors && this.integrityKey) {
      const keeper = new AnchorKeeper(anchors, this.header.ledgerId, this.options.audit, this.now);
      keeper.arm(this.integrityKey);
      keeper.copied(dest, this.database, { generation: copy.header.generation, records: 0, lastTag: copy.chainStart });
    }
    return ok(undefined);
  }

  /**
   * Replaces the ledger's content by a backup of this same ledger. The backup is opened with the data
   * key (it was taken under whatever password was current then, and sealed again at each new key);
   * the present state is kept as a backup, or nothing is restored.
   */
  async restoreBackup(backupPath: string): Promise<Result<void>> {
    const writable = this.writable();
    if (!writable.ok) return writable;
    const restored = readDatabase(backupPath, this.header, this.dataKey);
    if (!restored.ok) return restored;
    const { database, formatVersion } = restored.value;
    // A backup of format 1 has its audit chain as it was then: keyed now, as the upgrade did for the ledger.
    const upgrade = this.options.upgrade;
    const upgraded =
      formatVersion === 1 && upgrade
        ? database.transaction(
            (w) => upgrade(w, this.auditKey!),
            () => ok(undefined),
          )
        : ok(undefined);
    if (!upgraded.ok) {
      database.close();
      return upgraded;
    }
    const previous = this.database;
    this.database = database;
    const written = this.rewrite({ requireBackup: true });
    if (!written.ok) {
      this.database = previous;
      database.close();
      return written;
    }
    previous.close();
    return ok(undefined);
  }

  /** Deletes one backup from the ledger's backups folder; the warnings about backups are brought up to date. */
  removeBackup(fileName: string): Result<void> {
    const usable = this.usable();
    if (!usable.ok) return usable;
    const backup = listBackups(this.path).find((b) => b.fileName === fileName);
    if (!backup) return err(dubanError('not_found', { entity: 'backup', id: fileName }));
    try {
      disk.unlinkSync(backup.path);
    } catch (error) {
      return err(ioError(error, backup.path));
    }
    this.noteBackupsUnderEarlierKeys();
    return ok(undefined);
  }

  private dropKeys(): void {
    if (this.journal.fd !== null) {
      try {
        disk.closeSync(this.journal.fd);
      } catch {
        // closing is all that is left to do with it
      }
    }
    this.journal.fd = null;
    this.database.close();
    this.anchor.release(this.path);
    wipe(this.dataKey, this.integrityKey, this.auditKeyCache, this.journalKeyCache);
    this.lock?.release();
    this.closed = true;
  }

  /** Ends the session: a last snapshot if anything was journalled, then keys and data are dropped. */
  close(): Result<void> {
    if (this.closed) return ok(undefined);
    const result = this.journal.fd !== null && this.journal.seq > 0 && !this.broken ? this.snapshot() : ok(undefined);
    if (this.anchor.behind) this.recordAnchor();
    this.dropKeys();
    return result;
  }
}

const isSlotOf = (slot: Header['slots'][number], personId: Buffer): boolean => slot.kind === 'person' && slot.personId.equals(personId);

/** The attachments of the current key go with a copy; those it already has are left alone. */
function copyBlobs(from: string, to: string, epoch: number): Result<void> {
  const listed = listBlobFiles(from);
  if (!listed.ok) return listed;
  const files = listed.value.filter((f) => f.epoch === epoch);
  const dir = blobDirOf(to);
  try {
    if (files.length) ensureDirectory(dir);
    for (const file of files) {
      const target = join(dir, file.fileName);
      if (!exists(target)) copyFileAtomic(join(blobDirOf(from), file.fileName), target);
    }
    return ok(undefined);
  } catch (error) {
    return err(ioError(error, dir));
  }
}
