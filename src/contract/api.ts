import type { AccountabilityCase, AccountabilityInput } from '../core/accountability/model';
import type { AuditFilter, AuditLine } from '../core/audit/model';
import type { CloseOut, CloseOutDecision, CloseOutFilter, CloseOutRejection, CloseOutReopening, CloseOutRequest } from '../core/close-out/model';
import type {
  AwaitedReply,
  BatchDraft,
  CounterInput,
  DocumentDraft,
  DocumentPreview,
  DocumentQuery,
  DocumentRecord,
  DocumentTemplate,
  DocumentType,
  DocumentTypeInput,
  IssuedDocument,
  LetterDates,
  OfficeProfile,
  OfficeProfileInput,
  ReplyInput,
  TemplateFieldInfo,
  TemplateInput,
  TemplateProblem,
  VoidInput,
} from '../core/documents/model';
import type { Draft } from '../core/drafts/model';
import type { Evidence, EvidenceContent, EvidenceInput, EvidenceOwner } from '../core/evidence/model';
import type { ExportedFile, ExportRequest } from '../core/excel/export/model';
import type { ImportOptions, ImportPreview, ImportResult, PreviewRow, RowsQuery, WorkbookSource } from '../core/excel/import/model';
import type { PackageExport, PackageExportRequest, ReturnOptions, ReturnPreview, ReturnResult, SentWorkbook } from '../core/excel/packages/model';
import type { Finding, FindingFilter, FindingInput } from '../core/findings/model';
import type { Inspection, InspectionInput } from '../core/inspections/model';
import type { Measure, MeasureFilter, MeasureInput } from '../core/measures/model';
import type { Meeting, MeetingInput } from '../core/meetings/model';
import type { PetitionCase, PetitionInput, PetitionPage, PetitionQuery } from '../core/petitions/model';
import type { MissingReports, ProgressInput, ProgressReport, ProgressReportRow } from '../core/progress/model';
import type { DispatchMonth, DispatchOverview, ReportChaseRequest } from '../core/dispatch/model';
import type { Todo } from '../core/todo/model';
import type { LedgerStats } from '../core/stats/model';
import type { AwaitingCheckQuery, SourceAssignment, Task, TaskDetail, TaskInput, TaskPage, TaskQuery, TaskStatus, TaskSummary } from '../core/tasks/model';
import type { Unit, UnitInput, UnitKind } from '../core/units/model';
import type { SiteVisit, SiteVisitFilter, SiteVisitInput } from '../core/visits/model';
import type { Result } from '../shared/result';
import type { MethodOf, Namespace } from './methods';
import type { KeyChange } from '../core/storage/model';
import type { BackupEntry, PlatformInfo, Preferences, SessionStatus } from './session';

/**
 * The typed contract between the screens and the core: every method, its arguments and its result.
 * Implemented by the core host (through the main process or the browser bridge); the renderer only
 * ever calls this.
 */
type Call<A extends unknown[], R> = (...args: A) => Promise<Result<R>>;

export interface LedgerLocation {
  readonly path: string;
}

export interface SavedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface DubanApi {
  platform: {
    info: Call<[], PlatformInfo>;
    /** A path chosen in the system's file dialog, or null when cancelled or when there is no dialog. */
    chooseLedgerPath: Call<[mode: 'open' | 'create'], string | null>;
    /** Prints a document page (from documents.html or a preview) through the system's print dialog; 'unsupported' where the shell has none (the browser prints itself). */
    printDocuments: Call<[html: string], 'printed' | 'cancelled' | 'unsupported'>;
    /** The page as a PDF, laid out as it prints. */
    documentPdf: Call<[html: string], Uint8Array>;
    /** Workbooks chosen in the system's file dialog (their paths); null when cancelled or without a dialog. */
    chooseWorkbooks: Call<[options: { multiple: boolean }], string[] | null>;
    /**
     * Saves files the app made (workbooks, documents) where the user chooses: one file through a
     * save dialog offering its kind, several into a folder. The place saved to, or null when
     * cancelled or without a dialog (the browser then downloads them).
     */
    saveFiles: Call<[files: SavedFile[]], string | null>;
  };
  session: {
    status: Call<[], SessionStatus>;
    create: Call<[request: LedgerLocation & { password: string; demo: boolean }], { recoveryKey: string }>;
    open: Call<[request: LedgerLocation & ({ password: string } | { recoveryKey: string })], SessionStatus>;
    /** The demo ledger, opened (or made, the first time) with nothing to type. */
    openDemo: Call<[], SessionStatus>;
    lock: Call<[], SessionStatus>;
    close: Call<[], SessionStatus>;
    /** The user is at work: postpones the idle lock. */
    touch: Call<[], void>;
    changePassword: Call<[request: { current: string; next: string }], KeyChange>;
    replaceRecoveryKey: Call<[request: { password: string }], KeyChange & { recoveryKey: string }>;
    backups: Call<[], BackupEntry[]>;
    restoreBackup: Call<[fileName: string], void>;
    /** Deletes a backup (one still under an earlier password's key, say); the ledger itself is untouched. */
    removeBackup: Call<[fileName: string], void>;
    setPreferences: Call<[preferences: Partial<Preferences>], Preferences>;
    forgetRecent: Call<[path: string], SessionStatus>;
  };
  units: {
    list: Call<[filter?: { kind?: UnitKind; includeArchived?: boolean }], Unit[]>;
    get: Call<[id: number], Unit>;
    create: Call<[input: UnitInput], Unit>;
    update: Call<[id: number, input: UnitInput], Unit>;
    remove: Call<[id: number], void>;
  };
  inspections: {
    list: Call<[], Inspection[]>;
    get: Call<[id: number], Inspection>;
    create: Call<[input: InspectionInput], Inspection>;
    update: Call<[id: number, input: InspectionInput], Inspection>;
    remove: Call<[id: number], void>;
  };
  tasks: {
    list: Call<[query?: TaskQuery], TaskPage>;
    /** How many tasks of each status match the query's other conditions. */
    counts: Call<[query?: TaskQuery], Record<TaskStatus, number>>;
    /** The task, with its lead units' latest reports and where its check stands. */
    get: Call<[id: number], TaskDetail>;
    create: Call<[input: TaskInput], Task>;
    update: Call<[id: number, input: TaskInput], Task>;
    remove: Call<[id: number], void>;
    /** Puts tasks imported before their source existed under it, with their sub-tasks and measures without a source. */
    assignSource: Call<[request: SourceAssignment], { tasks: number }>;
    /**
     * 待核查: tasks every lead unit reported completed whose check the group has not begun (no
     * close-out requested since), each with those reports (`latestReports`), longest waiting first;
     * all, one lead unit's, or one task's.
     */
    awaitingCheck: Call<[query?: AwaitingCheckQuery], TaskSummary[]>;
  };
  measures: {
    list: Call<[filter?: MeasureFilter], Measure[]>;
    get: Call<[id: number], Measure>;
    create: Call<[input: MeasureInput], Measure>;
    update: Call<[id: number, input: MeasureInput], Measure>;
    remove: Call<[id: number], void>;
  };
  progress: {
    get: Call<[id: number], ProgressReport>;
    /** Reports a unit's month on a task; a second report for the same month replaces the first. */
    submit: Call<[input: ProgressInput], ProgressReport>;
    ofPeriod: Call<[period: string, unitId?: number], ProgressReportRow[]>;
    history: Call<[taskId: number], ProgressReportRow[]>;
    missing: Call<[period: string], MissingReports[]>;
  };
  /** 每月调度: the month the office collects (last month until it closes that month's collection), and 催报. */
  dispatch: {
    month: Call<[asOf?: string], DispatchMonth>;
    /** Sets the month collected; closing a month's collection sets the next. */
    setMonth: Call<[period: string], DispatchMonth>;
    overview: Call<[period: string], DispatchOverview>;
    /** Takes no number: one letter per unit chosen that owes the month's reports, as it would be issued. */
    previewChase: Call<[request: ReportChaseRequest], DocumentPreview>;
    chase: Call<[request: ReportChaseRequest], IssuedDocument[]>;
  };
  /** 待办 on the home page: replies due, workbooks late, close-outs to check, completions reported. */
  todo: {
    list: Call<[asOf?: string], Todo>;
  };
  closeOuts: {
    list: Call<[filter?: CloseOutFilter], CloseOut[]>;
    get: Call<[id: number], CloseOut>;
    request: Call<[input: CloseOutRequest], CloseOut>;
    check: Call<[id: number, input: CloseOutDecision], CloseOut>;
    approve: Call<[id: number, input: CloseOutDecision], CloseOut>;
    reject: Call<[id: number, input: CloseOutRejection], CloseOut>;
    reopen: Call<[id: number, input: CloseOutReopening], CloseOut>;
  };
  /** What was typed in a form and not yet saved, by the form's key (see core/drafts). */
  drafts: {
    get: Call<[key: string], Draft | null>;
    put: Call<[key: string, values: unknown], Draft>;
    drop: Call<[key: string], void>;
  };
  evidence: {
    list: Call<[owner: EvidenceOwner, options?: { includeRemoved?: boolean }], Evidence[]>;
    get: Call<[id: number], Evidence>;
    add: Call<[input: EvidenceInput], Evidence>;
    content: Call<[id: number], EvidenceContent>;
    remove: Call<[id: number], Evidence>;
    restore: Call<[id: number], Evidence>;
  };
  petitions: {
    list: Call<[query?: PetitionQuery], PetitionPage>;
    get: Call<[id: number], PetitionCase>;
    create: Call<[input: PetitionInput], PetitionCase>;
    update: Call<[id: number, input: PetitionInput], PetitionCase>;
    remove: Call<[id: number], void>;
  };
  siteVisits: {
    list: Call<[filter?: SiteVisitFilter], SiteVisit[]>;
    get: Call<[id: number], SiteVisit>;
    create: Call<[input: SiteVisitInput], SiteVisit>;
    update: Call<[id: number, input: SiteVisitInput], SiteVisit>;
    remove: Call<[id: number], void>;
  };
  findings: {
    list: Call<[filter?: FindingFilter], Finding[]>;
    get: Call<[id: number], Finding>;
    create: Call<[input: FindingInput], Finding>;
    update: Call<[id: number, input: FindingInput], Finding>;
    remove: Call<[id: number], void>;
  };
  meetings: {
    list: Call<[], Meeting[]>;
    get: Call<[id: number], Meeting>;
    create: Call<[input: MeetingInput], Meeting>;
    update: Call<[id: number, input: MeetingInput], Meeting>;
    remove: Call<[id: number], void>;
  };
  accountability: {
    list: Call<[], AccountabilityCase[]>;
    get: Call<[id: number], AccountabilityCase>;
    create: Call<[input: AccountabilityInput], AccountabilityCase>;
    update: Call<[id: number, input: AccountabilityInput], AccountabilityCase>;
    remove: Call<[id: number], void>;
  };
  stats: {
    /** The ledger's figures as of a day (today when not given), with a month's missing reports. */
    ledger: Call<[options?: { asOf?: string; period?: string }], LedgerStats>;
  };
  audit: {
    /** Entries newest first, in the office's words: records named, codes as words, each field once. */
    list: Call<[filter?: AuditFilter], AuditLine[]>;
    verify: Call<[], { entries: number }>;
  };
  documents: {
    types: Call<[options?: { includeArchived?: boolean }], DocumentType[]>;
    createType: Call<[input: DocumentTypeInput], DocumentType>;
    updateType: Call<[id: number, input: DocumentTypeInput], DocumentType>;
    templates: Call<[], { templates: DocumentTemplate[]; fields: TemplateFieldInfo[] }>;
    template: Call<[id: number], DocumentTemplate>;
    createTemplate: Call<[input: TemplateInput], DocumentTemplate>;
    updateTemplate: Call<[id: number, input: TemplateInput], DocumentTemplate>;
    removeTemplate: Call<[id: number], void>;
    /** The template's first problem (with line and column), or null; and the page it makes for a sample recipient. */
    checkTemplate: Call<[request: { source: string; format: TemplateInput['format']; sample: DocumentDraft | null }], { problem: TemplateProblem | null; html: string | null }>;
    office: Call<[], OfficeProfile>;
    setOffice: Call<[input: OfficeProfileInput], OfficeProfile>;
    nextNumber: Call<[docType: string, year: number], string>;
    setCounter: Call<[input: CounterInput], string>;
    list: Call<[query?: DocumentQuery], DocumentRecord[]>;
    get: Call<[id: number], IssuedDocument>;
    /** Takes no number: the preview shows the one the document would get. */
    preview: Call<[draft: DocumentDraft], DocumentPreview>;
    issue: Call<[draft: DocumentDraft], IssuedDocument>;
    previewBatch: Call<[draft: BatchDraft], DocumentPreview>;
    issueBatch: Call<[draft: BatchDraft], IssuedDocument[]>;
    reply: Call<[id: number, input: ReplyInput], IssuedDocument>;
    void: Call<[id: number, input: VoidInput], IssuedDocument>;
    /** Takes no number: the chase as it would be issued, and whether the original is due yet. */
    previewChase: Call<[id: number, dates: LetterDates], DocumentPreview>;
    chase: Call<[id: number, dates: LetterDates], IssuedDocument>;
    awaitingReply: Call<[asOf: string], AwaitedReply[]>;
    /** Issued documents as one page to print, each numbering its own pages. */
    html: Call<[ids: number[]], string>;
    docx: Call<[id: number], Uint8Array>;
  };
  /** Excel exchange: imports planned and previewed before they are applied, exports, unit workbooks. */
  exchange: {
    /** Reads a workbook and plans its import; nothing is written. */
    preview: Call<[source: WorkbookSource, options?: ImportOptions], ImportPreview>;
    /** Plans the same workbook again with the user's corrections. */
    revise: Call<[importId: string, options: ImportOptions], ImportPreview>;
    rows: Call<[query: RowsQuery], { rows: PreviewRow[]; total: number }>;
    /** Writes the previewed import in one transaction. */
    apply: Call<[importId: string], ImportResult>;
    discard: Call<[importId: string], void>;
    /** A workbook for leaders, in the language of the app. */
    export: Call<[request: ExportRequest], ExportedFile>;
    exportPackages: Call<[request: PackageExportRequest], PackageExport>;
    sentPackages: Call<[period: string], SentWorkbook[]>;
    previewReturn: Call<[source: WorkbookSource, options?: ReturnOptions], ReturnPreview>;
    /** Plans a returned workbook again with the user's answers to its words. */
    reviseReturn: Call<[importId: string, options: ReturnOptions], ReturnPreview>;
    applyReturn: Call<[importId: string], ReturnResult>;
    discardReturn: Call<[importId: string], void>;
  };
}

/** Compile-time check that the typed API and the list of method names are the same. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type ApiMatchesNames = { [N in Namespace]: SameKeys<keyof DubanApi[N], MethodOf<N>> }[Namespace];
export const API_MATCHES_METHOD_NAMES: ApiMatchesNames = true;
