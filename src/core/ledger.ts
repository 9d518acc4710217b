import { dateOf, localTimestamp } from '../shared/dates';
import { dubanError } from '../shared/errors';
import { validate } from '../shared/validation';
import { err, ok, type Result } from '../shared/result';
import { auditAppender, auditView, keyAuditChain } from './audit/audit-log';
import { auditService } from './audit/service';
import { accountabilityService } from './accountability/service';
import { archiveMarkOf } from './archive/mark';
import { archiveService } from './archive/service';
import { closeOutService } from './close-out/service';
import type { LedgerContext, Tx } from './context';
import { dispatchService } from './dispatch/service';
import { documentService } from './documents/service';
import { monthlyReportService } from './monthly-report/service';
import { draftService } from './drafts/service';
import { evidenceService } from './evidence/service';
import { findingService } from './findings/service';
import { exchangeService } from './excel/service';
import { inspectionService } from './inspections/service';
import { measureService } from './measures/service';
import { meetingService } from './meetings/service';
import { personName } from './people/model';
import { peopleService, signedInPerson } from './people/service';
import { petitionService } from './petitions/service';
import { progressService } from './progress/service';
import { storeLedgerKind } from './rollup/kind';
import type { LedgerKind } from './rollup/model';
import { rollupService } from './rollup/service';
import { migrate, SCHEMA_VERSION, schemaVersionOf } from './schema/migrations';
import { anchorWarning } from './storage/anchor';
import { type CreateOptions, type KeyChange, LedgerStore, type StoreInfo, type StoreOptions, type Unlock } from './storage/store';
import { taskService } from './tasks/service';
import { ledgerStats } from './stats/service';
import type { StatsOptions } from './stats/model';
import { todoService } from './todo/service';
import { unitService } from './units/service';
import { unitGroupService } from './unit-groups/service';
import { siteVisitService } from './visits/service';

export interface LedgerOptions extends Omit<StoreOptions, 'audit' | 'upgrade'> {
  /** Records changes under this name instead of the signed-in person's (tests that are no one in particular). */
  readonly actor?: string;
  readonly clock?: () => Date;
}

export interface VerifyReport extends StoreInfo {
  readonly schemaVersion: number;
  readonly auditEntries: number;
}

/**
 * Migrates an older ledger to the current schema; a newer one is refused. A ledger opened read-only
 * is brought up to date in memory only, so that it can be read.
 */
function bringUpToDate(store: LedgerStore): Result<void> {
  const version = schemaVersionOf(store.db);
  if (version > SCHEMA_VERSION) return err(dubanError('ledger.newer_schema', { version, supported: SCHEMA_VERSION }));
  if (version === SCHEMA_VERSION) return ok(undefined);
  const migrated = store.isReadOnly ? store.transient((w) => migrate(w)) : store.write((w) => migrate(w));
  return migrated.ok ? ok(undefined) : migrated;
}

/**
 * An open ledger: the encrypted store, brought to the current schema, and the domain's services
 * over it. Every change goes through `context.write`, which stamps it and records it in the audit log.
 */
export class Ledger {
  readonly context: LedgerContext;
  readonly inspections;
  readonly units;
  /** Units named as one (各盟市人民政府（行政公署）): a task given to a group is owed by each member. */
  readonly unitGroups;
  readonly tasks;
  readonly measures;
  readonly progress;
  /** 每月调度: the month collected, its units at a glance, 催报. */
  readonly dispatch;
  readonly closeOuts;
  readonly evidence;
  readonly petitions;
  readonly siteVisits;
  readonly meetings;
  readonly findings;
  readonly accountability;
  readonly documents;
  /** 待办: what waits for the office. */
  readonly todo;
  /** The group's monthly report upward: its figures, 情况报告 and 统计表. */
  readonly monthlyReport;
  /** What was typed in forms and not yet saved. */
  readonly drafts;
  /** The Excel exchange: imports, exports and the unit workbooks sent out and returned. */
  readonly exchange;
  /** The change history every write above records. */
  readonly audit;
  /** Who may open the ledger, and who opened it: every change is recorded under their name. */
  readonly people;
  /** The ledger's kind and signing key; for a commission, the groups' report packages. */
  readonly rollup;
  /** Closed rounds of inspection moved to archive files, and the index that still finds them. */
  readonly archive;

  private constructor(
    readonly store: LedgerStore,
    options: LedgerOptions,
  ) {
    const clock = options.clock ?? (() => new Date());
    const actor = (): string => options.actor ?? this.people.signedIn()?.name ?? '';
    // An archive file is read-only: every change is refused, whatever screen or command asks.
    const archived = archiveMarkOf(store.db);
    this.context = {
      // A getter: restoring a backup replaces the database behind the store.
      get db() {
        return store.db;
      },
      today: () => dateOf(clock()),
      write: (work) =>
        archived
          ? err(dubanError('archive.read_only', { inspection: archived.inspection }))
          : store.write((writer) => {
              const now = clock();
              const at = localTimestamp(now);
              const audit = auditAppender(writer, at, actor(), store.auditKey!);
              const tx: Tx = { ...writer, at, today: dateOf(now), audit: (change) => audit.append(change) };
              const result = work(tx);
              if (result.ok) audit.finish();
              return result;
            }),
      putBlob: (bytes) => store.putBlob(bytes),
      getBlob: (blobId) => store.getBlob(blobId),
    };
    this.inspections = inspectionService(this.context);
    this.units = unitService(this.context);
    this.unitGroups = unitGroupService(this.context);
    this.tasks = taskService(this.context);
    this.measures = measureService(this.context);
    this.progress = progressService(this.context);
    this.dispatch = dispatchService(this.context);
    this.closeOuts = closeOutService(this.context);
    this.evidence = evidenceService(this.context);
    this.petitions = petitionService(this.context);
    this.siteVisits = siteVisitService(this.context);
    this.meetings = meetingService(this.context);
    this.findings = findingService(this.context);
    this.accountability = accountabilityService(this.context);
    this.documents = documentService(this.context);
    this.todo = todoService(this.context);
    this.monthlyReport = monthlyReportService(this.context);
    this.drafts = draftService(this.context);
    this.exchange = exchangeService(this.context, store.ledgerId);
    this.audit = auditService(this.context, store);
    this.people = peopleService(this.context, store);
    this.rollup = rollupService(this.context);
    this.archive = archiveService(this.context, store);
  }

  stats(options?: StatsOptions) {
    return ledgerStats(this.context, options);
  }

  /** A new ledger; the one who makes it is its administrator, under `administrator` (else 管理员, as the schema names them). */
  static async create(
    path: string,
    options: Omit<CreateOptions, 'audit' | 'upgrade'> & LedgerOptions & { readonly administrator?: string; readonly kind?: LedgerKind },
  ): Promise<Result<{ ledger: Ledger; recoveryKey: string }>> {
    const name = validate(personName, options.administrator ?? '');
    const created = await LedgerStore.create(path, { ...options, audit: auditView });
    if (!created.ok) return created;
    const { store, recoveryKey } = created.value;
    const migrated = store.write((writer) => {
      const done = migrate(writer);
      if (done.ok && name.ok) writer.run("UPDATE people SET name = ? WHERE role = 'administrator'", [name.value]);
      if (done.ok && options.kind === 'commission') storeLedgerKind(writer, 'commission');
      return done;
    });
    if (!migrated.ok) {
      store.close();
      return migrated;
    }
    return ok({ ledger: new Ledger(store, options), recoveryKey });
  }

  static async open(path: string, unlock: Unlock, options: LedgerOptions = {}): Promise<Result<Ledger>> {
    const opened = await LedgerStore.open(path, unlock, { ...options, audit: auditView, upgrade: keyAuditChain });
    if (!opened.ok) return opened;
    const store = opened.value;
    const current = bringUpToDate(store);
    // A slot the people table no longer names is one an interrupted removal left: it opens nothing.
    const known = current.ok && !signedInPerson(store.db, store.opener) ? err(dubanError('ledger.wrong_password')) : current;
    if (!known.ok) {
      store.close();
      return known;
    }
    return ok(new Ledger(store, options));
  }

  /** Replaces the content by a backup of this ledger (taken under any earlier password), brought up to date. */
  async restoreBackup(backupPath: string): Promise<Result<void>> {
    const restored = await this.store.restoreBackup(backupPath);
    return restored.ok ? bringUpToDate(this.store) : restored;
  }

  /** Checks what opening could not: SQLite's own integrity, the foreign keys, the audit chain, and this machine's anchor. */
  verify(): Result<VerifyReport> {
    const db = this.store.db;
    const integrity = db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    const foreignKeys = db.all('PRAGMA foreign_key_check');
    if (integrity[0]?.integrity_check !== 'ok' || foreignKeys.length > 0) return err(dubanError('ledger.damaged', { part: 'database' }));
    const audit = this.audit.verifyAll();
    if (!audit.ok) return audit;
    const info = this.store.info();
    const warning = anchorWarning(info.anchor);
    if (warning) return err(warning);
    return ok({ ...info, schemaVersion: schemaVersionOf(db), auditEntries: audit.value.entries });
  }

  /** A new password, and with it a new data key for the ledger, its attachments and backups. */
  changePassword(current: Unlock, next: string, kdf?: CreateOptions['kdf']): Promise<Result<KeyChange>> {
    return this.store.changePassword(current, next, kdf);
  }

  /** Revokes the recovery key: a new one (shown once), and a new data key. */
  replaceRecoveryKey(password: string, kdf?: CreateOptions['kdf']): Promise<Result<KeyChange>> {
    return this.store.replaceRecoveryKey(password, kdf);
  }

  close(): Result<void> {
    return this.store.close();
  }
}
