import type { DubanApi } from '../../shared/contract/api';
import type { Period } from '../../shared/dates';
import type { StatsOptions } from '../stats/model';
import type { SiteVisitFilter } from '../visits/model';
import { ok, type Result } from '../../shared/result';
import { verifyAuditChain, listAudit } from '../audit/audit-log';
import type { Ledger } from '../ledger';
import type { Session } from './session';

type MaybePromise<T> = T | Promise<T>;

/** The core's side of the contract: each method of `DubanApi` but the platform's, answering a Result. */
export type CoreHandlers = {
  [N in Exclude<keyof DubanApi, 'platform'>]: {
    [M in keyof DubanApi[N]]: DubanApi[N][M] extends (...args: infer A) => Promise<infer R> ? (...args: A) => MaybePromise<R> : never;
  };
};

interface RecordMethods<I, E> {
  get(id: number): Result<E>;
  create(input: I): Result<E>;
  update(id: number, input: I): Result<E>;
  remove(id: number): Result<void>;
}

export function coreHandlers(session: Session, seedDemo: (ledger: Ledger) => Result<unknown>): CoreHandlers {
  /** Runs `work` on the open ledger; a locked session answers that it is locked. */
  const use = <T>(work: (ledger: Ledger) => MaybePromise<Result<T>>): MaybePromise<Result<T>> => {
    const ledger = session.current();
    return ledger.ok ? work(ledger.value) : ledger;
  };
  /** Getting, creating, updating and removing one kind of record, as each service does it. */
  const kept = <I, E>(service: (ledger: Ledger) => RecordMethods<I, E>) => ({
    get: (id: number) => use((l) => service(l).get(id)),
    create: (input: I) => use((l) => service(l).create(input)),
    update: (id: number, input: I) => use((l) => service(l).update(id, input)),
    remove: (id: number) => use((l) => service(l).remove(id)),
  });
  return {
    session: {
      status: () => ok(session.status()),
      create: ({ path, password, demo }) => session.create(path, password, demo ? seedDemo : undefined),
      open: ({ path, ...unlock }) => session.open(path, unlock),
      lock: () => session.lock(),
      close: () => session.close(),
      touch: () => ok(session.touch()),
      changePassword: ({ current, next }) => use((l) => l.store.changePassword({ password: current }, next)),
      replaceRecoveryKey: ({ password }) => use(async (l) => {
        const key = await l.store.replaceRecoveryKey(password);
        return key.ok ? ok({ recoveryKey: key.value }) : key;
      }),
      backups: () => session.backups(),
      restoreBackup: (fileName) => session.restoreBackup(fileName),
      setPreferences: (preferences) => ok(session.setPreferences(preferences)),
      forgetRecent: (path) => (session.preferences.forget(path), ok(session.status())),
    },
    units: {
      list: (filter) => use((l) => ok(l.units.list(filter))),
      ...kept((l) => l.units),
    },
    inspections: {
      list: () => use((l) => ok(l.inspections.list())),
      ...kept((l) => l.inspections),
    },
    tasks: {
      list: (query) => use((l) => l.tasks.list(query)),
      counts: (query) => use((l) => l.tasks.counts(query)),
      ...kept((l) => l.tasks),
    },
    measures: {
      list: (filter) => use((l) => ok(l.measures.list(filter))),
      ...kept((l) => l.measures),
    },
    progress: {
      get: (id) => use((l) => l.progress.get(id)),
      submit: (input) => use((l) => l.progress.submit(input)),
      ofPeriod: (period, unitId) => use((l) => ok(l.progress.ofPeriod(period as Period, unitId))),
      history: (taskId) => use((l) => ok(l.progress.history(taskId))),
      missing: (period) => use((l) => ok(l.progress.missing(period as Period))),
    },
    closeOuts: {
      list: (filter) => use((l) => ok(l.closeOuts.list(filter))),
      get: (id) => use((l) => l.closeOuts.get(id)),
      request: (input) => use((l) => l.closeOuts.request(input)),
      check: (id, input) => use((l) => l.closeOuts.check(id, input)),
      approve: (id, input) => use((l) => l.closeOuts.approve(id, input)),
      reject: (id, input) => use((l) => l.closeOuts.reject(id, input)),
    },
    evidence: {
      list: (owner, options) => use((l) => ok(l.evidence.list(owner, options))),
      get: (id) => use((l) => l.evidence.get(id)),
      add: (input) => use((l) => l.evidence.add(input)),
      content: (id) => use((l) => l.evidence.content(id)),
      remove: (id) => use((l) => l.evidence.remove(id)),
      restore: (id) => use((l) => l.evidence.restore(id)),
    },
    petitions: {
      list: (query) => use((l) => l.petitions.list(query)),
      ...kept((l) => l.petitions),
    },
    siteVisits: {
      list: (filter) => use((l) => ok(l.siteVisits.list(filter as SiteVisitFilter))),
      ...kept((l) => l.siteVisits),
    },
    findings: {
      list: (filter) => use((l) => ok(l.findings.list(filter))),
      ...kept((l) => l.findings),
    },
    meetings: {
      list: () => use((l) => ok(l.meetings.list())),
      ...kept((l) => l.meetings),
    },
    accountability: {
      list: () => use((l) => ok(l.accountability.list())),
      ...kept((l) => l.accountability),
    },
    stats: {
      ledger: (options) => use((l) => ok(l.stats(options as StatsOptions))),
    },
    audit: {
      list: (filter) => use((l) => ok(listAudit(l.context.db, filter))),
      verify: () => use((l) => verifyAuditChain(l.context.db)),
    },
    exchange: {
      preview: (source, options) => use((l) => l.exchange.imports.preview(source, options)),
      revise: (importId, options) => use((l) => l.exchange.imports.revise(importId, options)),
      rows: (query) => use((l) => l.exchange.imports.rows(query)),
      apply: (importId) => use((l) => l.exchange.imports.apply(importId)),
      discard: (importId) => use((l) => ok(l.exchange.imports.discard(importId))),
      export: (request) => use((l) => l.exchange.export(request, session.preferences.value.language)),
      exportPackages: (request) => use((l) => l.exchange.packages.export(request, session.preferences.value.language)),
      sentPackages: (period) => use((l) => ok(l.exchange.packages.sent(period))),
      previewReturn: (source, options) => use((l) => l.exchange.packages.preview(source, options)),
      applyReturn: (importId) => use((l) => l.exchange.packages.apply(importId)),
      discardReturn: (importId) => use((l) => ok(l.exchange.packages.discard(importId))),
    },
  };
}
