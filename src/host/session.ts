import { basename, dirname, join } from 'node:path';
import type { BackupEntry, Preferences, SessionStatus } from '../contract/session-model';
import { localTimestamp } from '../shared/dates';
import { dubanError } from '../shared/errors';
import { err, ok, type Result } from '../shared/result';
import type { LedgerKind } from '../core/rollup/model';
import { Ledger } from '../core/ledger';
import { type AnchorBook, anchorFolder, anchorWarning } from '../core/storage/anchor';
import { backupDirOf, listBackups } from '../core/storage/backups';
import { ensureDirectory, exists } from '../core/storage/durable-fs';
import type { KeyChange, Unlock } from '../core/storage/store';
import { DEMO_PASSWORD, demoLedgerPath } from './demo-ledger';
import { PreferenceFile } from './preferences';

export interface SessionOptions {
  readonly configDir: string;
  readonly clock?: () => Date;
  /** A ledger to start locked on: the one a core that stopped unexpectedly was working on, offered again. */
  readonly lockedOn?: string | null;
}

/**
 * The one ledger a window works on: none, locked (its path kept, its keys and data dropped), or
 * open. It locks itself after the idle time of the preferences.
 */
export class Session {
  private ledger: Ledger | null = null;
  private path: string | null = null;
  private lastActivity: number;
  readonly preferences: PreferenceFile;
  private readonly clock: () => Date;
  /** This machine's record of each ledger it opened, beside the preferences. */
  readonly anchors: AnchorBook;
  private readonly configDir: string;

  constructor(options: SessionOptions) {
    this.configDir = options.configDir;
    this.preferences = new PreferenceFile(options.configDir);
    this.anchors = anchorFolder(join(options.configDir, 'anchors'));
    this.clock = options.clock ?? (() => new Date());
    this.path = options.lockedOn ?? null;
    this.lastActivity = this.clock().getTime();
  }

  status(): SessionStatus {
    const { recent, ...preferences } = this.preferences.value;
    const demo = this.path === demoLedgerPath(this.configDir);
    const person = this.ledger?.people.signedIn();
    return {
      state: this.ledger ? 'open' : this.path ? 'locked' : 'none',
      path: this.path,
      demo,
      preferences,
      recent,
      person: person ? { name: person.name, role: person.role } : null,
      warnings: this.warnings(),
    };
  }

  /** What the open ledger found amiss without refusing to open: the file behind what this machine saw, backups left over. */
  private warnings() {
    if (!this.ledger) return [];
    const info = this.ledger.store.info();
    return [anchorWarning(info.anchor), ...info.backupWarnings].filter((w) => w !== null);
  }

  touch(): void {
    this.lastActivity = this.clock().getTime();
  }

  /** The open ledger, or the error that says it is locked. */
  current(): Result<Ledger> {
    return this.ledger ? ok(this.ledger) : err(dubanError('ledger.closed'));
  }

  private adopt(path: string, ledger: Ledger): void {
    this.ledger?.close();
    this.ledger = ledger;
    this.path = path;
    this.touch();
    // The demo has a button of its own; among the recent ledgers a click on it would ask for a password nobody was told.
    if (path !== demoLedgerPath(this.configDir)) this.preferences.remember(path, localTimestamp(this.clock()));
  }

  private ledgerOptions() {
    return { clock: this.clock, anchors: this.anchors };
  }

  async create(
    path: string,
    password: string,
    seed?: (ledger: Ledger) => Result<unknown>,
    kind: LedgerKind = 'group',
  ): Promise<Result<{ recoveryKey: string }>> {
    const created = await Ledger.create(path, { password, kind, ...this.ledgerOptions() });
    if (!created.ok) return created;
    const { ledger, recoveryKey } = created.value;
    const seeded = seed?.(ledger) ?? ok(undefined);
    if (!seeded.ok) {
      ledger.close();
      return seeded;
    }
    this.adopt(path, ledger);
    return ok({ recoveryKey });
  }

  /** `takeOver`: the lock the user chose to take over (see acquireLock). */
  async open(path: string, unlock: Unlock, takeOver?: string): Promise<Result<SessionStatus>> {
    // Unlocking the ledger that is already open in this window needs no second open (which the lock would refuse).
    if (this.ledger && this.path === path) this.close();
    const opened = await Ledger.open(path, unlock, { ...this.ledgerOptions(), takeOverLock: takeOver });
    if (!opened.ok) return opened;
    this.adopt(path, opened.value);
    return ok(this.status());
  }

  /** The demo ledger, in the settings folder: made with its sample data the first time, opened after. */
  async openDemo(seed: (ledger: Ledger) => Result<unknown>): Promise<Result<SessionStatus>> {
    const path = demoLedgerPath(this.configDir);
    if (exists(path)) return this.open(path, { password: DEMO_PASSWORD });
    ensureDirectory(dirname(path));
    const created = await this.create(path, DEMO_PASSWORD, seed);
    return created.ok ? ok(this.status()) : created;
  }

  /** Drops the keys and the data in memory; the path stays so that the unlock screen can offer it. */
  lock(): Result<SessionStatus> {
    const closing = this.ledger?.close() ?? ok(undefined);
    this.ledger = null;
    return closing.ok ? ok(this.status()) : closing;
  }

  close(): Result<SessionStatus> {
    const locked = this.lock();
    this.path = null;
    return locked.ok ? ok(this.status()) : locked;
  }

  /** Closes the ledger and puts `path` first among the recent ones, for the open screen to offer (an archive found by the search). */
  offer(path: string): Result<SessionStatus> {
    const closed = this.close();
    if (closed.ok) this.preferences.remember(path, localTimestamp(this.clock()));
    return closed.ok ? ok(this.status()) : closed;
  }

  /** Locks the ledger if it has not been used for the idle time; true if it did. */
  lockIfIdle(): boolean {
    const minutes = this.preferences.value.idleLockMinutes;
    if (!this.ledger || minutes === 0) return false;
    if (this.clock().getTime() - this.lastActivity < minutes * 60_000) return false;
    this.lock();
    return true;
  }

  setPreferences(change: Partial<Preferences>): Preferences {
    const { recent: _recent, ...preferences } = this.preferences.update(change);
    return preferences;
  }

  async changePassword(current: string, next: string): Promise<Result<KeyChange>> {
    const ledger = this.current();
    return ledger.ok ? ledger.value.changePassword({ password: current }, next) : ledger;
  }

  async replaceRecoveryKey(password: string): Promise<Result<KeyChange & { recoveryKey: string }>> {
    const ledger = this.current();
    if (!ledger.ok) return ledger;
    const change = await ledger.value.replaceRecoveryKey(password);
    return change.ok ? ok({ ...change.value, recoveryKey: change.value.recoveryKey! }) : change;
  }

  backups(): Result<BackupEntry[]> {
    if (!this.path) return err(dubanError('ledger.closed'));
    const epoch = this.ledger?.store.info().keyEpoch;
    return ok(
      listBackups(this.path).map(({ fileName, takenAt, size, keyEpoch }) => ({ fileName, takenAt, size, earlierKey: epoch !== undefined && keyEpoch < epoch })),
    );
  }

  removeBackup(fileName: string): Result<void> {
    const ledger = this.current();
    return ledger.ok ? ledger.value.store.removeBackup(basename(fileName)) : ledger;
  }

  async restoreBackup(fileName: string): Promise<Result<void>> {
    const ledger = this.current();
    if (!ledger.ok) return ledger;
    return ledger.value.restoreBackup(join(backupDirOf(this.path!), basename(fileName)));
  }
}
