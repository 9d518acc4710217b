import { loadAccountabilityCase } from '../accountability/service';
import { loadCloseOut } from '../close-out/service';
import { loadDocumentType, loadTemplate } from '../documents/catalogue';
import { loadDocument } from '../documents/register';
import type { EntityName } from '../entities';
import { loadEvidence } from '../evidence/service';
import { loadFinding } from '../findings/service';
import { loadInspection } from '../inspections/service';
import { loadMeasure } from '../measures/service';
import { loadMeeting } from '../meetings/service';
import { loadPerson } from '../people/service';
import { loadPetition } from '../petitions/service';
import { loadProgressReport } from '../progress/service';
import { loadReportPackage } from '../rollup/service';
import type { Reader } from '../storage/database';
import { loadTask } from '../tasks/service';
import { loadUnit } from '../units/service';
import { loadUnitGroup } from '../unit-groups/service';
import { loadSiteVisit } from '../visits/service';
import type { IsoDate, Period } from '../../shared/dates';
import type { AuditValue } from './model';

/**
 * The one table of how each entity's recorded fields read to the office: the label of each field
 * (a translation key), what kind of value it holds, and what the record is called. The audit keeps
 * entities as JSON (before and after); this turns them into words, and names the records they refer to.
 */
export type Recorded = Readonly<Record<string, unknown>>;
export type RecordEntity = Exclude<EntityName, 'settings'>;

/** Names records by id, read from the ledger (or, for one since deleted, from its last recorded state). */
export interface Namer {
  record(entity: RecordEntity, id: number): AuditValue;
  documentType(code: string): AuditValue;
}

export type FieldKind =
  | 'text'
  | 'number'
  | 'flag'
  | 'date'
  | 'period'
  | 'instant'
  | 'deadline'
  /** Not shown: bookkeeping, or the same fact as another field (收文单位 is kept as written and by id). */
  | 'hidden'
  /** A code, worded by the key `${words}.${code}`. */
  | { readonly words: string }
  /** The id, or a list of ids, of another record: shown by its name. */
  | { readonly ref: RecordEntity }
  /** A value made of several parts (contacts, subjects, a finding's origin). */
  | { readonly describe: (value: unknown, record: Recorded, names: Namer) => AuditValue };

export interface EntityWords {
  /** Each field's label is `${labels}.${field}`. */
  readonly labels: string;
  readonly fields: Readonly<Record<string, FieldKind>>;
  /** The record in a few words, as the change history names it. */
  readonly name: (record: Recorded, names: Namer) => AuditValue;
  readonly load: (db: Reader, id: number) => object | undefined;
}

export const EMPTY: AuditValue = { t: 'empty' };
export const text = (value: unknown): AuditValue => (value === null || value === undefined || value === '' ? EMPTY : { t: 'text', v: String(value) });
export const word = (k: string): AuditValue => ({ t: 'word', k });
export const group = (...parts: AuditValue[]): AuditValue => ({
  t: 'group',
  v: parts.flatMap((part) => (part.t === 'group' ? part.v : part.t === 'empty' ? [] : [part])),
});
const list = (items: readonly AuditValue[]): AuditValue => (items.length === 0 ? EMPTY : { t: 'list', v: items });
const items = (value: unknown): Recorded[] => (Array.isArray(value) ? (value as Recorded[]) : []);
const codes = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);
/** A number and the words it numbers: 3 部分城镇污水处理厂…, without a leading space when unnumbered. */
const numbered = (number: unknown, words: unknown): AuditValue =>
  text([number, words].filter((part) => part !== '' && part !== null && part !== undefined).join(' '));

/** A subject of accountability: its name, the form, and the 处分 or the fine it carries. */
const subjectWords = (s: Recorded): AuditValue =>
  group(
    text(s.name),
    word(`common:enums.accountabilityForm.${String(s.form)}`),
    s.partySanction ? word(`common:enums.partySanction.${String(s.partySanction)}`) : EMPTY,
    s.governmentSanction ? word(`common:enums.governmentSanction.${String(s.governmentSanction)}`) : EMPTY,
    typeof s.fineYuan === 'number' ? { t: 'number', v: s.fineYuan } : EMPTY,
  );

/** What an archived round took along: 整改任务 2, 信访件 1 (tables with none left out). */
const movedWords = (value: unknown): AuditValue =>
  list(
    Object.entries((value ?? {}) as Record<string, number>)
      .filter(([, count]) => count > 0)
      .map(([table, count]) => group(word(`sources:archive.tables.${table}`), { t: 'number', v: count })),
  );

const UNIT_REF = { ref: 'unit' } as const;
const TASK_REF = { ref: 'task' } as const;

const ORIGIN_OF: Record<string, (origin: Recorded, names: Namer) => AuditValue> = {
  visit: (origin, names) => names.record('site_visit', Number(origin.siteVisitId)),
  meeting: (origin, names) => names.record('meeting', Number(origin.meetingId)),
  report: () => EMPTY,
};

export const ENTITY_WORDS: Readonly<Record<RecordEntity, EntityWords>> = {
  inspection: {
    labels: 'tasks:fields',
    // An archived round's deletion also records where it went (the archive file, its hash) and what moved, by table.
    fields: { name: 'text', batch: 'text', feedbackDate: 'date', notes: 'text', archive: 'text', sha256: 'text', moved: { describe: movedWords } },
    name: (r) => text(r.name),
    load: loadInspection,
  },
  unit: {
    labels: 'units:fields',
    fields: {
      name: 'text',
      shortName: 'text',
      kind: { words: 'common:enums.unitKind' },
      address: 'text',
      notes: 'text',
      sortOrder: 'number',
      archived: 'flag',
      contacts: { describe: (value) => list(items(value).map((c) => group(text(c.name), text(c.position), text(c.phone)))) },
    },
    name: (r) => text(r.name),
    load: loadUnit,
  },
  unit_group: {
    labels: 'units:groupFields',
    fields: {
      name: 'text',
      members: {
        describe: (value, _record, names) => {
          const members = value as Recorded;
          return members.by === 'kind'
            ? word(`common:enums.unitKind.${String(members.kind)}`)
            : list((members.unitIds as number[]).map((id) => names.record('unit', id)));
        },
      },
      memberIds: 'hidden',
      notes: 'text',
    },
    name: (r) => text(r.name),
    load: loadUnitGroup,
  },
  task: {
    labels: 'tasks:fields',
    fields: {
      inspectionId: { ref: 'inspection' },
      parentId: TASK_REF,
      number: 'text',
      problem: 'text',
      goal: 'text',
      responsibleLeader: 'text',
      status: { words: 'common:enums.taskStatus' },
      notes: 'text',
      deadline: 'deadline',
      leadUnitIds: UNIT_REF,
      cooperatingUnitIds: UNIT_REF,
      leadGroupIds: { ref: 'unit_group' },
      cooperatingGroupIds: { ref: 'unit_group' },
      measureIds: { ref: 'measure' },
    },
    name: (r) => numbered(r.number, r.problem),
    load: loadTask,
  },
  measure: {
    labels: 'tasks:fields',
    fields: { inspectionId: { ref: 'inspection' }, number: 'text', content: 'text', taskIds: TASK_REF },
    name: (r) => numbered(r.number, r.content),
    load: loadMeasure,
  },
  progress_report: {
    labels: 'progress:fields',
    fields: {
      taskId: TASK_REF,
      unitId: UNIT_REF,
      period: 'period',
      state: { words: 'common:enums.progressState' },
      progress: 'text',
      problems: 'text',
      nextSteps: 'text',
      evidenceNote: 'text',
      reporter: 'text',
      reporterPhone: 'text',
      reportedOn: 'date',
    },
    name: (r, names) => group(names.record('task', Number(r.taskId)), names.record('unit', Number(r.unitId)), { t: 'period', v: r.period as Period }),
    load: loadProgressReport,
  },
  close_out: {
    labels: 'tasks:fields',
    fields: {
      taskId: TASK_REF,
      state: { words: 'common:enums.closeOutState' },
      requestedOn: 'date',
      requestedBy: 'text',
      requestNote: 'text',
      checkedOn: 'date',
      checkedBy: 'text',
      checkNote: 'text',
      approvedOn: 'date',
      approvedBy: 'text',
      approvalNote: 'text',
      rejectedOn: 'date',
      rejectionReason: 'text',
      reopenedOn: 'date',
      reopenedBy: 'text',
      reopenReason: 'text',
    },
    name: (r, names) => names.record('task', Number(r.taskId)),
    load: loadCloseOut,
  },
  evidence: {
    labels: 'tasks:fields',
    fields: {
      // The owner is one fact: its kind and id read as 销号（3 尾矿库…）.
      ownerKind: 'hidden',
      ownerId: { describe: (id, r, names) => group(word(`common:entities.${String(r.ownerKind)}`), names.record(r.ownerKind as RecordEntity, Number(id))) },
      fileName: 'text',
      mediaType: 'hidden',
      size: 'number',
      sha256: 'hidden',
      description: 'text',
      addedAt: 'instant',
      removedAt: 'instant',
    },
    name: (r) => text(r.fileName),
    load: loadEvidence,
  },
  petition_case: {
    labels: 'petitions:fields',
    fields: {
      receiptNumber: 'text',
      batch: 'number',
      handedOverOn: 'date',
      subject: 'text',
      problem: 'text',
      region: 'text',
      /** Before schema 6 a case had one kind: the history keeps the changes of that time. */
      pollutionKind: { words: 'common:enums.pollutionKind' },
      pollutionKinds: { describe: (value) => list(codes(value).map((kind) => word(`common:enums.pollutionKind.${kind}`))) },
      unitId: UNIT_REF,
      investigation: 'text',
      truth: { words: 'common:enums.truth' },
      handling: 'text',
      accountability: 'text',
      personsHeldAccountable: 'number',
      entitiesPenalized: 'number',
      finesYuan: 'number',
      personsDetained: 'number',
      completion: { words: 'common:enums.completion' },
      completedOn: 'date',
      notes: 'text',
      extraColumns: { describe: (value) => list(items(value).map((c) => group(text(c.header), text(c.text)))) },
    },
    name: (r) => numbered(r.receiptNumber, r.subject),
    load: loadPetition,
  },
  site_visit: {
    labels: 'visits:fields',
    fields: { visitedOn: 'date', places: 'text', unannounced: 'flag', unitId: UNIT_REF, team: 'text', peopleMet: 'text', summary: 'text', taskIds: TASK_REF },
    name: (r) => group({ t: 'date', v: r.visitedOn as IsoDate }, text(r.places)),
    load: loadSiteVisit,
  },
  finding: {
    labels: 'visits:fields',
    fields: {
      origin: {
        describe: (value, _r, names) => {
          const origin = value as Recorded;
          return group(word(`common:enums.findingSource.${String(origin.source)}`), ORIGIN_OF[String(origin.source)]?.(origin, names) ?? EMPTY);
        },
      },
      taskId: TASK_REF,
      unitId: UNIT_REF,
      description: 'text',
      reportedTo: 'text',
      reportedOn: 'date',
      rectified: 'flag',
      rectifiedOn: 'date',
      notes: 'text',
    },
    name: (r) => text(r.description),
    load: loadFinding,
  },
  meeting: {
    labels: 'meetings:fields',
    fields: { heldOn: 'date', kind: { words: 'common:enums.meetingKind' }, title: 'text', unitId: UNIT_REF, attendees: 'text', notes: 'text' },
    name: (r) => text(r.title),
    load: loadMeeting,
  },
  accountability_case: {
    labels: 'accountability:fields',
    fields: {
      issue: 'text',
      handedOverBy: 'text',
      handedOverOn: 'date',
      team: 'text',
      petitionCaseId: { ref: 'petition_case' },
      findingId: { ref: 'finding' },
      state: { words: 'common:enums.accountabilityState' },
      concludedOn: 'date',
      notes: 'text',
      subjects: { describe: (value) => list(items(value).map(subjectWords)) },
    },
    name: (r) => text(r.issue),
    load: loadAccountabilityCase,
  },
  document: {
    labels: 'documents:fields',
    fields: {
      docType: { describe: (code, _r, names) => names.documentType(String(code)) },
      number: 'text',
      // The number says the year and the serial; the recipient is kept as printed.
      year: 'hidden',
      serial: 'hidden',
      title: 'text',
      recipientUnitId: 'hidden',
      recipientGroupId: 'hidden',
      recipient: 'text',
      issuedOn: 'date',
      replyDue: 'date',
      repliedOn: 'date',
      replyText: 'text',
      state: { words: 'common:enums.documentState' },
      voidedOn: 'date',
      voidReason: 'text',
      notes: 'text',
      templateId: { ref: 'document_template' },
      chaseOf: { ref: 'document' },
      reportPeriod: 'period',
      taskIds: TASK_REF,
    },
    name: (r) => group(text(r.number), text(r.recipient)),
    load: loadDocument,
  },
  document_type: {
    labels: 'documents:fields',
    fields: {
      code: 'hidden',
      name: 'text',
      numberPattern: 'text',
      templateId: { ref: 'document_template' },
      builtin: 'hidden',
      archived: 'flag',
      sortOrder: 'number',
      // A counter set by hand: the year and the next number it gives.
      year: 'number',
      nextSerial: 'number',
    },
    name: (r) => text(r.name),
    load: loadDocumentType,
  },
  document_template: {
    labels: 'documents:fields',
    fields: { name: 'text', format: { words: 'documents:formats' }, source: 'text' },
    name: (r) => text(r.name),
    load: loadTemplate,
  },
  person: {
    labels: 'settings:people.fields',
    fields: { name: 'text', role: { words: 'settings:people.roles' }, addedAt: 'instant' },
    name: (r) => text(r.name),
    load: loadPerson,
  },
  report_package: {
    labels: 'rollup:fields',
    fields: { group: 'text', fingerprint: 'text', period: 'period', madeAt: 'instant', digest: 'hidden' },
    name: (r) => group(text(r.group), { t: 'period', v: r.period as Period }),
    load: loadReportPackage,
  },
};

/** Fields every record has, which say nothing the entry itself does not. */
export const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);
