import { z } from 'zod';
import shippedOffice from '../../../resources/templates/office.json' with { type: 'json' };
import { addDays, type IsoDate, type Period } from '../../shared/dates';
import { ISSUER_MARK_PT, issuerMarkSize } from '../../shared/documents/geometry';
import type { FieldError, FieldErrorCode } from '../../shared/errors';
import { choice, id, isoDate, optionalDate, optionalText, requiredText, text } from '../../shared/validation';

/**
 * Formal documents (公文): the types an office issues, the templates they are written from, the
 * register of documents issued with their numbers and replies, and the composed document that every
 * output (HTML for print and PDF, .docx) is made from.
 */

/** The types shipped with every ledger; an office adds its own (codes `custom-N`). */
export const BUILTIN_DOCUMENT_TYPES = ['notice', 'reminder', 'supervision', 'monthly_report'] as const;
export type BuiltinDocumentType = (typeof BUILTIN_DOCUMENT_TYPES)[number];

/**
 * How a document is laid out on paper: the standard format of GB/T 9704 (版头 with the red
 * separator), the letter format (信函格式, for 函: red double lines, number flush right, no page
 * number on page 1), or a form (表单, for the supervision sheet: a title and tables).
 */
export const DOCUMENT_FORMATS = ['standard', 'letter', 'form'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const DOCUMENT_STATES = ['issued', 'voided'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** The pattern's two placeholders: the year in full and the serial number (no padding, no 第). */
export const YEAR_PLACEHOLDER = '{YYYY}';
export const SERIAL_PLACEHOLDER = '{N}';

export interface DocumentType {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  /** e.g. 某纪监驻环函〔{YYYY}〕{N}号 */
  readonly numberPattern: string;
  readonly templateId: number;
  /** Whether its documents go out sealed (GB/T 9704 §7.3.5.1) or unsealed (§7.3.5.2): see ComposedDocument. */
  readonly sealed: boolean;
  readonly builtin: boolean;
  readonly archived: boolean;
  readonly sortOrder: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DocumentTemplate {
  readonly id: number;
  readonly name: string;
  readonly format: DocumentFormat;
  /** The template text: see docs/documents.md (fields in {{ }}, a loop over the tasks, tables in | |). */
  readonly source: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What the office puts on every document: the issuer mark, the signature, the contact. */
export interface OfficeProfile {
  /** 发文机关标志, e.g. 中共某某纪委监委驻某某厅纪检监察组 (the standard format adds 文件). */
  readonly issuer: string;
  /** 发文机关署名 */
  readonly signature: string;
  readonly contact: string;
  readonly phone: string;
  /** 抄送 by default, e.g. 某某纪委监委第五监督检查室 */
  readonly copyTo: string;
  /** The standard format's issuer mark size in points, condensed or smaller when the name needs it (geometry.ts, ISSUER_MARK_PT). */
  readonly issuerMarkPt: number;
  /** Digits and Latin letters: in each role's own Chinese face, or in Times New Roman (GB/T 9704 leaves it to the office). */
  readonly latinFace: LatinFace;
  /** Days given for a reply when a document is issued, counted from its date. */
  readonly replyDays: number;
  /** A unit sent a letter about the same tasks this many days before is said to have had one recently. */
  readonly reminderIntervalDays: number;
  /** The template a chase (催办) is written from. */
  readonly chaseTemplateId: number | null;
  /** The template a letter to a unit that has not reported its month (催报) is written from. */
  readonly reportChaseTemplateId: number | null;
}

/** The reply a document asks for by default: the office's period from the document's date. */
export const replyDueFor = (office: Pick<OfficeProfile, 'replyDays'>, issuedOn: IsoDate): IsoDate => addDays(issuedOn, office.replyDays);

/** A block of a composed document's body. Paragraph levels follow GB/T 9704's headings: 0 is body text. */
export type DocumentBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly level: 0 | 1 | 2 | 3 | 4 }
  | { readonly kind: 'table'; readonly widths: readonly number[]; readonly header: readonly string[] | null; readonly rows: readonly (readonly string[])[] };

/**
 * A document as it is printed: everything the template and the ledger gave, fixed. The register
 * keeps this for each document issued, so that a reprint years later reads the same.
 */
export interface ComposedDocument {
  readonly format: DocumentFormat;
  readonly issuer: string;
  /** The document number; a preview shows the number it would get. */
  readonly number: string;
  readonly title: string;
  readonly addressee: string;
  readonly blocks: readonly DocumentBlock[];
  readonly signature: string;
  readonly date: IsoDate;
  readonly copyTo: string;
  /**
   * Whether the seal is pressed on the signature and date (GB/T 9704 §7.3.5.1) or the document goes
   * unsealed (§7.3.5.2): its type says which. Documents issued before it was a choice print sealed.
   */
  readonly sealed?: boolean;
  /** The standard format's issuer mark size the office set when it was composed (ISSUER_MARK_PT.unset before it could). */
  readonly issuerMarkPt?: number;
  /** The office's face for digits and Latin letters when it was composed (each role's own before it could choose). */
  readonly latinFace?: LatinFace;
}

/** The size a document's issuer mark asks for in the standard format. */
export const issuerMarkPtOf = (doc: ComposedDocument): number => doc.issuerMarkPt ?? ISSUER_MARK_PT.unset;

/**
 * The issuer mark as the PDF and the Word file size it: up to the office's size, condensed to fit before
 * it gets smaller; a letter's, in its first page's header where it cannot be condensed, up to 30 pt.
 */
export const issuerMarkOf = (doc: ComposedDocument) =>
  doc.format === 'letter' ? issuerMarkSize(doc.issuer, 30, false) : issuerMarkSize(doc.issuer, issuerMarkPtOf(doc), true);

export const LATIN_FACES = ['chinese', 'times'] as const;
export type LatinFace = (typeof LATIN_FACES)[number];

export const latinFaceOf = (doc: ComposedDocument): LatinFace => doc.latinFace ?? 'chinese';

export interface DocumentRecord {
  readonly id: number;
  readonly docType: string;
  readonly number: string;
  readonly year: number;
  readonly serial: number;
  readonly title: string;
  readonly recipientUnitId: number | null;
  /** A letter to a unit group as one 主送; the unit is then null. */
  readonly recipientGroupId: number | null;
  readonly recipient: string;
  readonly issuedOn: IsoDate;
  readonly replyDue: IsoDate | null;
  readonly repliedOn: IsoDate | null;
  readonly replyText: string;
  readonly state: DocumentState;
  readonly voidedOn: IsoDate | null;
  readonly voidReason: string;
  readonly notes: string;
  readonly templateId: number | null;
  /** The earlier document this one chases (a reminder sent because no reply came). */
  readonly chaseOf: number | null;
  /** The month whose progress reports the letter asks for (催报), if that is what it is. */
  readonly reportPeriod: Period | null;
  readonly taskIds: readonly number[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * What an office would want to know before a letter goes out, said beside its preview and never a
 * refusal: the letter it chases is not yet due, or the unit was sent one about the same tasks lately.
 */
/**
 * Template fields the office fills in (its contact in 发文机关, the letter's reply date): a sentence
 * left out for one of them is news to it. Others come out empty by design (a chase's 原文号 on a first
 * letter, 未报送单位 when every unit reported).
 */
export const OFFICE_SET_FIELDS = ['contact', 'phone', 'replyDue'] as const;
export type OfficeSetField = (typeof OFFICE_SET_FIELDS)[number];

export type IssueWarning =
  | { readonly code: 'reply_not_due'; readonly number: string; readonly replyDue: IsoDate }
  | { readonly code: 'recently_sent'; readonly number: string; readonly issuedOn: IsoDate }
  /** A sentence of the template (as it writes it) left out because the office has not set its fields. */
  | { readonly code: 'sentence_left_out'; readonly sentence: string; readonly fields: readonly OfficeSetField[] };

/** A document as it would be issued: its recipient, tasks and text, with the number it would take. */
export interface Preview {
  readonly templateId: number;
  readonly recipientUnitId: number | null;
  readonly recipientGroupId: number | null;
  readonly recipient: string;
  readonly taskIds: readonly number[];
  readonly document: ComposedDocument;
  readonly warnings: readonly IssueWarning[];
}

/** Previews with the page that shows them (the same HTML that prints). */
export interface DocumentPreview {
  readonly items: readonly Preview[];
  readonly html: string;
}

/** A register entry with what it printed. */
export interface IssuedDocument extends DocumentRecord {
  readonly content: ComposedDocument;
}

/** Where a reply stands, as the register shows it on a given day. */
export type ReplyStanding = 'none_asked' | 'replied' | 'awaiting' | 'overdue' | 'voided';

export function replyStanding(doc: Pick<DocumentRecord, 'state' | 'replyDue' | 'repliedOn'>, asOf: IsoDate): ReplyStanding {
  if (doc.state === 'voided') return 'voided';
  if (doc.repliedOn !== null) return 'replied';
  if (doc.replyDue === null) return 'none_asked';
  return doc.replyDue < asOf ? 'overdue' : 'awaiting';
}

const codeOfType = text(40).min(1, { error: 'required' });

/** The most tasks one document may cover; also how many a letter to a unit covers when nobody chose them. */
export const LETTER_TASKS_MAX = 500;

/**
 * Whom a letter is addressed to: one unit, or a unit group as one 主送 — GB/T 9704 7.2.4 lets the
 * addressee be the recipients' collective name (各盟市人民政府（行政公署）).
 */
export type LetterRecipient =
  | { readonly kind: 'unit'; readonly id: number }
  | { readonly kind: 'group'; readonly id: number }
  /** The office above the group, as the template's 主送 names it: a report goes up, not to a unit of the ledger. */
  | { readonly kind: 'superior' };

/** The register's two columns for a recipient: one of them is null (both, for the office above). */
export const recipientColumns = (recipient: LetterRecipient): Pick<DocumentRecord, 'recipientUnitId' | 'recipientGroupId'> => ({
  recipientUnitId: recipient.kind === 'unit' ? recipient.id : null,
  recipientGroupId: recipient.kind === 'group' ? recipient.id : null,
});

/** What a document is written from: the type, the recipient, the tasks, the dates. */
export const documentDraft = z.object({
  docType: codeOfType,
  templateId: id.nullable().default(null),
  recipientUnitId: id,
  taskIds: z.array(id).max(LETTER_TASKS_MAX, { error: 'too_long' }).default([]),
  issuedOn: isoDate,
  replyDue: optionalDate,
  /** Empty: the template's title. */
  title: optionalText(200),
  signature: optionalText(100),
  copyTo: optionalText(500),
  contact: optionalText(40),
  phone: optionalText(40),
  chaseOf: id.nullable().default(null),
  notes: optionalText(2000),
});
export type DocumentDraft = z.input<typeof documentDraft>;

/** One letter per lead unit of the tasks overdue on `overdueAsOf` (or of the units chosen among them). */
export const batchDraft = z.object({
  docType: codeOfType,
  templateId: id.nullable().default(null),
  overdueAsOf: isoDate,
  issuedOn: isoDate,
  replyDue: optionalDate,
  unitIds: z.array(id).max(1000).optional(),
  /** One letter to each group the overdue tasks were given to, with the group as 主送, rather than one per member. */
  toGroups: z.boolean().default(false),
  signature: optionalText(100),
  copyTo: optionalText(500),
  contact: optionalText(40),
  phone: optionalText(40),
});
export type BatchDraft = z.input<typeof batchDraft>;

/** The dates of a letter issued from another (a chase): its own date, and the reply it asks for (none: null). */
export const letterDates = z.object({
  issuedOn: isoDate,
  replyDue: optionalDate,
});
export type LetterDates = z.input<typeof letterDates>;

/** A reply is its date and what came: its text, or files attached to the document (the service checks those). */
export const replyInput = z.object({
  repliedOn: isoDate,
  replyText: optionalText(4000),
});
export type ReplyInput = z.input<typeof replyInput>;

export const voidInput = z.object({
  voidedOn: isoDate,
  reason: requiredText(500),
});
export type VoidInput = z.input<typeof voidInput>;

export const documentQuery = z.object({
  docType: text(40).optional(),
  year: z.number().int().min(1900).max(2999).optional(),
  recipientUnitId: id.optional(),
  states: z.array(choice(DOCUMENT_STATES)).optional(),
  /** Only documents still awaiting the reply they asked for. */
  awaitingReply: z.boolean().optional(),
  /** Only documents whose reply is overdue on this date. */
  replyOverdueAsOf: isoDate.optional(),
  search: text(200).optional(),
});
export type DocumentQuery = z.input<typeof documentQuery>;

const placeholderCount = (pattern: string, placeholder: string): number => pattern.split(placeholder).length - 1;

/** The pattern a new document type starts from, for the office to put its own 代字 in. */
export const DEFAULT_NUMBER_PATTERN = `代字〔${YEAR_PLACEHOLDER}〕${SERIAL_PLACEHOLDER}号`;

/** 代字〔{YYYY}〕{N}号: each placeholder once, no other braces. */
export const numberPattern = requiredText(60)
  .refine((p) => placeholderCount(p, YEAR_PLACEHOLDER) === 1 && placeholderCount(p, SERIAL_PLACEHOLDER) === 1, { error: 'invalid_number_pattern' })
  .refine((p) => !/[{}]/.test(p.replace(YEAR_PLACEHOLDER, '').replace(SERIAL_PLACEHOLDER, '')), { error: 'invalid_number_pattern' });

export const documentTypeInput = z.object({
  name: requiredText(30),
  numberPattern,
  templateId: id,
  sealed: z.boolean().default(true),
  sortOrder: z.number().int().min(0).default(0),
  archived: z.boolean().default(false),
});
export type DocumentTypeInput = z.input<typeof documentTypeInput>;

export const templateInput = z.object({
  name: requiredText(60),
  format: choice(DOCUMENT_FORMATS),
  source: requiredText(20_000),
});
export type TemplateInput = z.input<typeof templateInput>;

const days = z.number({ error: 'invalid_number' }).int({ error: 'not_integer' }).min(1, { error: 'out_of_range' }).max(365, { error: 'out_of_range' });

export const officeProfileInput = z.object({
  issuer: requiredText(60),
  signature: requiredText(60),
  contact: optionalText(40),
  phone: optionalText(40),
  copyTo: optionalText(500),
  issuerMarkPt: z
    .number({ error: 'invalid_number' })
    .int({ error: 'not_integer' })
    .min(ISSUER_MARK_PT.min, { error: 'out_of_range' })
    .max(ISSUER_MARK_PT.max, { error: 'out_of_range' })
    .default(ISSUER_MARK_PT.default),
  latinFace: choice(LATIN_FACES).default(shippedOffice.latinFace as LatinFace),
  replyDays: days.default(shippedOffice.replyDays),
  reminderIntervalDays: days.default(shippedOffice.reminderIntervalDays),
  chaseTemplateId: id.nullable().default(null),
  reportChaseTemplateId: id.nullable().default(null),
});
export type OfficeProfileInput = z.input<typeof officeProfileInput>;

/** Raising the next number of a type's year (numbers already used on paper); it can never go back. */
export const counterInput = z.object({
  docType: codeOfType,
  year: z.number({ error: 'invalid_number' }).int({ error: 'not_integer' }).min(1900, { error: 'out_of_range' }).max(2999, { error: 'out_of_range' }),
  nextSerial: z.number({ error: 'invalid_number' }).int({ error: 'not_integer' }).min(1, { error: 'out_of_range' }).max(99_999, { error: 'out_of_range' }),
});
export type CounterInput = z.input<typeof counterInput>;

/** Where a template is wrong, for the editor to point at: line and column count from 1. */
export interface TemplateProblem {
  readonly code: TemplateProblemCode;
  readonly line: number;
  readonly column: number;
  readonly name?: string;
}

/** The field error codes that name a problem of a template (errors.ts lists them). */
export type TemplateProblemCode = Extract<FieldErrorCode, `template_${string}`>;

const isTemplateProblemCode = (code: FieldErrorCode): code is TemplateProblemCode => code.startsWith('template_');

/** The template problem a field error names, when the core refused a template's source for one. */
export function templateProblemOf(error: FieldError | undefined): TemplateProblem | null {
  if (!error || !isTemplateProblemCode(error.code)) return null;
  const { line, column, name } = error.params ?? {};
  if (typeof line !== 'number' || typeof column !== 'number') return null;
  return { code: error.code, line, column, ...(typeof name === 'string' ? { name } : {}) };
}

/** What the template editor shows: the fields it may use, by their Chinese and English names. */
export interface TemplateFieldInfo {
  readonly names: readonly string[];
  readonly scope: 'document' | 'task' | 'loop';
}

/** A document whose reply is still awaited: how many days are left, or (negative) how late it is. */
export interface AwaitedReply {
  readonly document: DocumentRecord;
  readonly daysLeft: number;
  readonly overdue: boolean;
}
