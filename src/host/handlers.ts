import type { CoreHandlers } from '../contract/api';
import { ok, type Result } from '../shared/result';
import type { Preview } from '../core/documents/model';
import { renderFile } from '../core/documents/output';
import { renderHtml } from '../core/documents/render/html';
import { TEMPLATE_FIELDS } from '../core/documents/template/fields';
import { databaseBytes, LEDGER_NOTICE_BYTES } from '../core/archive/ceiling';
import type { Ledger } from '../core/ledger';
import { acceptPackages, checkPackages } from '../core/rollup/files';
import { reportPackageFile } from '../core/rollup/package';
import type { Session } from './session';

type MaybePromise<T> = T | Promise<T>;

interface RecordMethods<I, E> {
  get(id: number): Result<E>;
  create(input: I): Result<E>;
  update(id: number, input: I): Result<E>;
  remove(id: number): Result<void>;
}

/** Previews with the page that shows them. */
const previewPage = (items: Result<Preview[]>) => (items.ok ? ok({ items: items.value, html: renderHtml(items.value.map((item) => item.document)) }) : items);
const previewOne = (item: Result<Preview>) => previewPage(item.ok ? ok([item.value]) : item);

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
      create: ({ path, password, demo, commission }) => session.create(path, password, demo ? seedDemo : undefined, commission ? 'commission' : 'group'),
      open: ({ path, takeOver, ...unlock }) => session.open(path, unlock, takeOver),
      openDemo: () => session.openDemo(seedDemo),
      lock: () => session.lock(),
      close: () => session.close(),
      touch: () => ok(session.touch()),
      changePassword: ({ current, next }) => session.changePassword(current, next),
      replaceRecoveryKey: ({ password }) => session.replaceRecoveryKey(password),
      backups: () => session.backups(),
      restoreBackup: (fileName) => session.restoreBackup(fileName),
      removeBackup: (fileName) => session.removeBackup(fileName),
      setPreferences: (preferences) => ok(session.setPreferences(preferences)),
      forgetRecent: (path) => {
        session.preferences.forget(path);
        return ok(session.status());
      },
    },
    units: {
      list: (filter) => use((l) => ok(l.units.list(filter))),
      ...kept((l) => l.units),
    },
    unitGroups: {
      list: () => use((l) => ok(l.unitGroups.list())),
      ...kept((l) => l.unitGroups),
    },
    inspections: {
      list: () => use((l) => ok(l.inspections.list())),
      ...kept((l) => l.inspections),
    },
    tasks: {
      list: (query) => use((l) => l.tasks.list(query)),
      counts: (query) => use((l) => l.tasks.counts(query)),
      assignSource: (request) => use((l) => l.tasks.assignSource(request)),
      ...kept((l) => l.tasks),
      get: (id) => use((l) => l.tasks.get(id)),
    },
    measures: {
      list: (filter) => use((l) => ok(l.measures.list(filter))),
      ...kept((l) => l.measures),
    },
    progress: {
      submit: (input) => use((l) => l.progress.submit(input)),
      ofPeriod: (period, unitId) => use((l) => ok(l.progress.ofPeriod(period, unitId))),
      history: (taskId) => use((l) => ok(l.progress.history(taskId))),
    },
    dispatch: {
      month: (asOf) => use((l) => ok(l.dispatch.month(asOf))),
      setMonth: (period) => use((l) => l.dispatch.setMonth(period)),
      overview: (period) => use((l) => ok(l.dispatch.overview(period))),
      previewChase: (request) => use((l) => previewPage(l.dispatch.previewChase(request))),
      chase: (request) => use((l) => l.dispatch.chase(request)),
    },
    todo: { list: (asOf) => use((l) => l.todo.list(asOf)) },
    closeOuts: {
      list: (filter) => use((l) => ok(l.closeOuts.list(filter))),
      request: (input) => use((l) => l.closeOuts.request(input)),
      check: (id, input) => use((l) => l.closeOuts.check(id, input)),
      approve: (id, input) => use((l) => l.closeOuts.approve(id, input)),
      reject: (id, input) => use((l) => l.closeOuts.reject(id, input)),
      reopen: (id, input) => use((l) => l.closeOuts.reopen(id, input)),
    },
    drafts: {
      get: (key) => use((l) => l.drafts.get(key)),
      put: (key, values) => use((l) => l.drafts.put(key, values)),
      drop: (key) => use((l) => l.drafts.drop(key)),
    },
    evidence: {
      list: (owner, options) => use((l) => ok(l.evidence.list(owner, options))),
      add: (input) => use((l) => l.evidence.add(input)),
      content: (id) => use((l) => l.evidence.content(id)),
      remove: (id) => use((l) => l.evidence.remove(id)),
      restore: (id) => use((l) => l.evidence.restore(id)),
    },
    petitions: {
      list: (query) => use((l) => l.petitions.rows(query)),
      ...kept((l) => l.petitions),
    },
    siteVisits: {
      list: (filter) => use((l) => ok(l.siteVisits.list(filter))),
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
      ledger: (options) => use((l) => ok(l.stats(options))),
    },
    audit: {
      list: (filter) => use((l) => ok(l.audit.list(filter))),
      verify: () => use((l) => l.audit.verify()),
      actors: () => use((l) => ok(l.audit.actors())),
    },
    documents: {
      types: (options) => use((l) => ok(l.documents.types(options))),
      createType: (input) => use((l) => l.documents.createType(input)),
      updateType: (id, input) => use((l) => l.documents.updateType(id, input)),
      templates: () => use((l) => ok({ templates: l.documents.templates(), fields: [...TEMPLATE_FIELDS] })),
      createTemplate: (input) => use((l) => l.documents.createTemplate(input)),
      updateTemplate: (id, input) => use((l) => l.documents.updateTemplate(id, input)),
      removeTemplate: (id) => use((l) => l.documents.removeTemplate(id)),
      defaultTasks: (unitId) => use((l) => l.documents.defaultTasks(unitId)),
      checkTemplate: (request) => use((l) => ok(l.documents.checkTemplate(request))),
      office: () => use((l) => ok(l.documents.office())),
      setOffice: (input) => use((l) => l.documents.setOffice(input)),
      nextNumber: (docType, year) => use((l) => l.documents.nextNumber(docType, year)),
      setCounter: (input) => use((l) => l.documents.setCounter(input)),
      list: (query) => use((l) => l.documents.list(query)),
      get: (id) => use((l) => l.documents.get(id)),
      preview: (draft) => use((l) => previewOne(l.documents.preview(draft))),
      issue: (draft) => use((l) => l.documents.issue(draft)),
      previewBatch: (draft) => use((l) => previewPage(l.documents.previewBatch(draft))),
      issueBatch: (draft) => use((l) => l.documents.issueBatch(draft)),
      reply: (id, input) => use((l) => l.documents.reply(id, input)),
      void: (id, input) => use((l) => l.documents.void(id, input)),
      previewChase: (id, dates) => use((l) => previewOne(l.documents.previewChase(id, dates))),
      chase: (id, dates) => use((l) => l.documents.chase(id, dates)),
      awaitingReply: (asOf) => use((l) => ok(l.documents.awaitingReply(asOf))),
      html: (ids) => use((l) => l.documents.html(ids)),
      docx: (id) =>
        use(async (l) => {
          const doc = l.documents.get(id);
          return doc.ok ? renderFile('docx', [doc.value.content], null) : doc;
        }),
    },
    exchange: {
      preview: (source, options) => use((l) => l.exchange.imports.preview(source, options)),
      revise: (importId, options) => use((l) => l.exchange.imports.revise(importId, options)),
      rows: (query) => use((l) => l.exchange.imports.rows(query)),
      apply: (importId) => use((l) => l.exchange.imports.apply(importId)),
      discard: (importId) => use((l) => ok(l.exchange.imports.discard(importId))),
      export: (request) => use((l) => l.exchange.export(request, session.preferences.value.language)),
      exportPackages: (request) => use((l) => l.exchange.packages.export(request, session.preferences.value.language)),
      previewReturn: (source, options) => use((l) => l.exchange.packages.preview(source, options)),
      reviseReturn: (importId, options) => use((l) => l.exchange.packages.revise(importId, options)),
      applyReturn: (importId) => use((l) => l.exchange.packages.apply(importId)),
      discardReturn: (importId) => use((l) => ok(l.exchange.packages.discard(importId))),
    },
    people: {
      list: () => use((l) => ok(l.people.list())),
      add: (input) => use((l) => l.people.add(input)),
      rename: (id, name) => use((l) => l.people.rename(id, name)),
      remove: ({ name, password }) => use((l) => l.people.remove(name, password)),
    },
    rollup: {
      kind: () => use((l) => ok(l.rollup.kind())),
      signingKey: () => use((l) => l.rollup.signingKey()),
      package: (period, passphrase) => use((l) => reportPackageFile(l, period, passphrase)),
      overview: () => use((l) => ok(l.rollup.overview())),
      group: (id) => use((l) => l.rollup.group(id)),
      check: ({ files, passphrase }) => use((l) => checkPackages(l, files, passphrase)),
      accept: ({ files, passphrase, confirmed }) => use((l) => acceptPackages(l, files, passphrase, confirmed)),
    },
    monthlyReport: {
      figures: (period) => use((l) => ok(l.monthlyReport.figures(period))),
      preview: (request) => use((l) => previewOne(l.monthlyReport.preview(request))),
      issue: (request) => use((l) => l.monthlyReport.issue(request)),
      workbook: (period) => use((l) => l.monthlyReport.workbook(period, l.context.today(), session.preferences.value.language)),
    },
    archive: {
      state: () => use((l) => ok({ mark: l.archive.mark(), databaseBytes: databaseBytes(l.context.db), noticeBytes: LEDGER_NOTICE_BYTES })),
      preview: (inspectionId) => use((l) => l.archive.preview(inspectionId)),
      run: (request) => use((l) => l.archive.archive({ ...request, anchors: session.anchors })),
      search: (text, kind) => use((l) => ok(l.archive.search(text, kind))),
      open: (path) => session.offer(path),
    },
  };
}
