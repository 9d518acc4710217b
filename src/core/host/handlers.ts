import type { DubanApi } from '../../shared/contract/api';
import type { Period } from '../../shared/dates';
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

export function coreHandlers(session: Session, seedDemo: (ledger: Ledger) => Result<unknown>): CoreHandlers {
  /** Runs `work` on the open ledger; a locked session answers that it is locked. */
  const use = <T>(work: (ledger: Ledger) => MaybePromise<Result<T>>): MaybePromise<Result<T>> => {
    const ledger = session.current();
    return ledger.ok ? work(ledger.value) : ledger;
  };
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
      get: (id) => use((l) => l.units.get(id)),
      create: (input) => use((l) => l.units.create(input)),
      update: (id, input) => use((l) => l.units.update(id, input)),
      remove: (id) => use((l) => l.units.remove(id)),
    },
    inspections: {
      list: () => use((l) => ok(l.inspections.list())),
      get: (id) => use((l) => l.inspections.get(id)),
      create: (input) => use((l) => l.inspections.create(input)),
      update: (id, input) => use((l) => l.inspections.update(id, input)),
      remove: (id) => use((l) => l.inspections.remove(id)),
    },
    tasks: {
      list: (query) => use((l) => l.tasks.list(query)),
      get: (id) => use((l) => l.tasks.get(id)),
      create: (input) => use((l) => l.tasks.create(input)),
      update: (id, input) => use((l) => l.tasks.update(id, input)),
      remove: (id) => use((l) => l.tasks.remove(id)),
    },
    measures: {
      list: (filter) => use((l) => ok(l.measures.list(filter))),
      get: (id) => use((l) => l.measures.get(id)),
      create: (input) => use((l) => l.measures.create(input)),
      update: (id, input) => use((l) => l.measures.update(id, input)),
      remove: (id) => use((l) => l.measures.remove(id)),
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
    audit: {
      list: (filter) => use((l) => ok(listAudit(l.context.db, filter))),
      verify: () => use((l) => verifyAuditChain(l.context.db)),
    },
  };
}
