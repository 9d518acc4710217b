import { z } from 'zod';
import { ENTITY_NAMES } from '../core/entities';
import { accountabilityInput } from '../core/accountability/model';
import { draftKey } from '../core/drafts/model';
import { CLOSE_OUT_STATES, closeOutDecision, closeOutRejection, closeOutReopening, closeOutRequest } from '../core/close-out/model';
import {
  batchDraft,
  counterInput,
  DOCUMENT_FORMATS,
  documentDraft,
  documentQuery,
  documentTypeInput,
  letterDates,
  officeProfileInput,
  replyInput,
  templateInput,
  voidInput,
} from '../core/documents/model';
import { EVIDENCE_OWNER_KINDS, evidenceInput } from '../core/evidence/model';
import { exportRequest } from '../core/excel/export/model';
import { importOptions, MAX_WORKBOOK_BYTES, rowsQuery, workbookSource } from '../core/excel/import/model';
import { packageExportRequest, returnOptions } from '../core/excel/packages/model';
import { findingInput } from '../core/findings/model';
import { inspectionInput } from '../core/inspections/model';
import { measureInput } from '../core/measures/model';
import { meetingInput } from '../core/meetings/model';
import { petitionInput, petitionQuery } from '../core/petitions/model';
import { progressInput } from '../core/progress/model';
import { reportChaseRequest } from '../core/dispatch/model';
import { awaitingCheckQuery, sourceAssignment, taskInput, taskQuery } from '../core/tasks/model';
import { siteVisitInput } from '../core/visits/model';
import { isoDate, period } from '../shared/validation';
import { UNIT_KINDS, unitInput } from '../core/units/model';
import { LANGUAGES } from '../shared/i18n/setup';
import type { DubanApi } from './api';

/**
 * The arguments each method accepts, checked in the main process (and the bridge) before anything
 * reaches the core: a renderer can send nothing else. Forms are checked field by field by the same
 * rules the core applies.
 */
const id = z.number().int().positive();
const path = z.string().min(1).max(4096);
const secret = z.string().min(1).max(1024);
const none = z.tuple([]);
/** A document page to print: the app's own HTML, a few megabytes at most even for a large batch. */
const page = z.string().min(1).max(64 * 1024 * 1024);
const importId = z.string().uuid();
/** A file the app made, to be saved: a workbook or a document, no larger than the largest workbook it reads. */
const savedFile = z.object({ fileName: z.string().min(1).max(255).regex(/^[^/\\]+$/), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length <= MAX_WORKBOOK_BYTES) });

/** The five methods of a record kept whole: list (with its filter, or none), get, create, update, remove. */
function crud(input: z.ZodType, filter: z.ZodType | null) {
  return {
    list: filter ? z.tuple([filter]) : none,
    get: z.tuple([id]),
    create: z.tuple([input]),
    update: z.tuple([id, input]),
    remove: z.tuple([id]),
  };
}

/** A backup's file name, never a path: backups are only ever looked for in the ledger's own backups folder. */
const backupName = z.string().regex(/^[^/\\]+\.duban$/);

type ArgumentSchemas = { [N in keyof DubanApi]: { [M in keyof DubanApi[N]]: z.ZodType } };

export const ARGUMENTS = {
  platform: {
    info: none,
    chooseLedgerPath: z.tuple([z.enum(['open', 'create'])]),
    printDocuments: z.tuple([page]),
    documentPdf: z.tuple([page]),
    chooseWorkbooks: z.tuple([z.object({ multiple: z.boolean() })]),
    saveFiles: z.tuple([z.array(savedFile).min(1).max(500)]),
  },
  session: {
    status: none,
    create: z.tuple([z.object({ path, password: secret, demo: z.boolean() })]),
    open: z.tuple([z.union([z.object({ path, password: secret }), z.object({ path, recoveryKey: secret })])]),
    openDemo: none,
    lock: none,
    close: none,
    touch: none,
    changePassword: z.tuple([z.object({ current: secret, next: secret })]),
    replaceRecoveryKey: z.tuple([z.object({ password: secret })]),
    backups: none,
    restoreBackup: z.tuple([backupName]),
    removeBackup: z.tuple([backupName]),
    setPreferences: z.tuple([
      z.object({
        language: z.enum(LANGUAGES).optional(),
        idleLockMinutes: z.number().int().min(0).max(240).optional(),
        operator: z.string().max(40).optional(),
      }),
    ]),
    forgetRecent: z.tuple([path]),
  },
  units: crud(unitInput, z.object({ kind: z.enum(UNIT_KINDS).optional(), includeArchived: z.boolean().optional() }).optional()),
  inspections: crud(inspectionInput, null),
  tasks: {
    ...crud(taskInput, taskQuery.optional()),
    counts: z.tuple([taskQuery.optional()]),
    assignSource: z.tuple([sourceAssignment]),
    awaitingCheck: z.tuple([awaitingCheckQuery.optional()]),
  },
  measures: crud(measureInput, z.object({ inspectionId: id.optional(), taskId: id.optional() }).optional()),
  progress: {
    get: z.tuple([id]),
    submit: z.tuple([progressInput]),
    ofPeriod: z.tuple([period, id.optional()]),
    history: z.tuple([id]),
    missing: z.tuple([period]),
  },
  dispatch: {
    month: z.tuple([isoDate.optional()]),
    setMonth: z.tuple([period]),
    overview: z.tuple([period]),
    previewChase: z.tuple([reportChaseRequest]),
    chase: z.tuple([reportChaseRequest]),
  },
  todo: { list: z.tuple([isoDate.optional()]) },
  closeOuts: {
    list: z.tuple([z.object({ taskId: id.optional(), states: z.array(z.enum(CLOSE_OUT_STATES)).optional() }).optional()]),
    get: z.tuple([id]),
    request: z.tuple([closeOutRequest]),
    check: z.tuple([id, closeOutDecision]),
    approve: z.tuple([id, closeOutDecision]),
    reject: z.tuple([id, closeOutRejection]),
    reopen: z.tuple([id, closeOutReopening]),
  },
  evidence: {
    list: z.tuple([z.object({ kind: z.enum(EVIDENCE_OWNER_KINDS), id }), z.object({ includeRemoved: z.boolean().optional() }).optional()]),
    get: z.tuple([id]),
    add: z.tuple([evidenceInput]),
    content: z.tuple([id]),
    remove: z.tuple([id]),
    restore: z.tuple([id]),
  },
  petitions: crud(petitionInput, petitionQuery.optional()),
  siteVisits: crud(siteVisitInput, z.object({ unitId: id.optional(), taskId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }).optional()),
  findings: crud(
    findingInput,
    z.object({ siteVisitId: id.optional(), meetingId: id.optional(), taskId: id.optional(), unitId: id.optional(), rectified: z.boolean().optional() }).optional(),
  ),
  meetings: crud(meetingInput, null),
  accountability: crud(accountabilityInput, null),
  drafts: {
    get: z.tuple([draftKey]),
    put: z.tuple([draftKey, z.unknown()]),
    drop: z.tuple([draftKey]),
  },
  stats: {
    ledger: z.tuple([z.object({ asOf: isoDate.optional(), period: period.optional() }).optional()]),
  },
  audit: {
    list: z.tuple([
      z
        .object({
          entity: z.enum(ENTITY_NAMES).optional(),
          entityId: id.optional(),
          limit: z.number().int().min(1).max(1000).optional(),
          offset: z.number().int().min(0).optional(),
        })
        .optional(),
    ]),
    verify: none,
  },
  documents: {
    types: z.tuple([z.object({ includeArchived: z.boolean().optional() }).optional()]),
    createType: z.tuple([documentTypeInput]),
    updateType: z.tuple([id, documentTypeInput]),
    templates: none,
    template: z.tuple([id]),
    createTemplate: z.tuple([templateInput]),
    updateTemplate: z.tuple([id, templateInput]),
    removeTemplate: z.tuple([id]),
    checkTemplate: z.tuple([z.object({ source: z.string().max(20_000), format: z.enum(DOCUMENT_FORMATS), sample: documentDraft.nullable() })]),
    office: none,
    setOffice: z.tuple([officeProfileInput]),
    nextNumber: z.tuple([z.string().min(1).max(40), z.number().int().min(1900).max(2999)]),
    setCounter: z.tuple([counterInput]),
    list: z.tuple([documentQuery.optional()]),
    get: z.tuple([id]),
    preview: z.tuple([documentDraft]),
    issue: z.tuple([documentDraft]),
    previewBatch: z.tuple([batchDraft]),
    issueBatch: z.tuple([batchDraft]),
    reply: z.tuple([id, replyInput]),
    void: z.tuple([id, voidInput]),
    previewChase: z.tuple([id, letterDates]),
    chase: z.tuple([id, letterDates]),
    awaitingReply: z.tuple([isoDate]),
    html: z.tuple([z.array(id).min(1).max(1000)]),
    docx: z.tuple([id]),
  },
  exchange: {
    preview: z.tuple([workbookSource, importOptions.optional()]),
    revise: z.tuple([importId, importOptions]),
    rows: z.tuple([rowsQuery]),
    apply: z.tuple([importId]),
    discard: z.tuple([importId]),
    export: z.tuple([exportRequest]),
    exportPackages: z.tuple([packageExportRequest]),
    sentPackages: z.tuple([period]),
    previewReturn: z.tuple([workbookSource, returnOptions.optional()]),
    reviseReturn: z.tuple([importId, returnOptions]),
    applyReturn: z.tuple([importId]),
    discardReturn: z.tuple([importId]),
  },
} satisfies ArgumentSchemas;
