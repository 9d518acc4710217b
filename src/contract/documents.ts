import { method } from './define';
import type { TaskSummary } from '../core/tasks/model';
import {
  type AwaitedReply,
  batchDraft,
  counterInput,
  DOCUMENT_FORMATS,
  documentDraft,
  type DocumentPreview,
  documentQuery,
  type DocumentRecord,
  type DocumentTemplate,
  type DocumentType,
  documentTypeInput,
  type IssuedDocument,
  type IssueWarning,
  letterDates,
  type OfficeProfile,
  officeProfileInput,
  replyInput,
  type TemplateFieldInfo,
  templateInput,
  type TemplateProblem,
  voidInput,
} from '../core/documents/model';
import { isoDate } from '../shared/validation';
import { id, none } from './common';
import { z } from 'zod';
export * from '../core/documents/model';

export const documents = {
  types: method(z.tuple([z.object({ includeArchived: z.boolean().optional() }).optional()])).returns<DocumentType[]>(),
  createType: method(z.tuple([documentTypeInput])).returns<DocumentType>(),
  updateType: method(z.tuple([id, documentTypeInput])).returns<DocumentType>(),
  templates: method(none).returns<{ templates: DocumentTemplate[]; fields: TemplateFieldInfo[] }>(),
  createTemplate: method(z.tuple([templateInput])).returns<DocumentTemplate>(),
  updateTemplate: method(z.tuple([id, templateInput])).returns<DocumentTemplate>(),
  removeTemplate: method(z.tuple([id])).returns<void>(),
  /** The template's first problem (with line and column), or null; and the page it makes for a sample recipient. */
  checkTemplate: method(z.tuple([z.object({ source: z.string().max(20_000), format: z.enum(DOCUMENT_FORMATS), sample: documentDraft.nullable() })])).returns<{
    problem: TemplateProblem | null;
    html: string | null;
    warnings: readonly IssueWarning[];
  }>(),
  office: method(none).returns<OfficeProfile>(),
  setOffice: method(z.tuple([officeProfileInput])).returns<OfficeProfile>(),
  nextNumber: method(z.tuple([z.string().min(1).max(40), z.number().int().min(1900).max(2999)])).returns<string>(),
  setCounter: method(z.tuple([counterInput])).returns<string>(),
  list: method(z.tuple([documentQuery.optional()])).returns<DocumentRecord[]>(),
  get: method(z.tuple([id])).returns<IssuedDocument>(),
  /** Takes no number: the preview shows the one the document would get. */
  preview: method(z.tuple([documentDraft])).returns<DocumentPreview>(),
  issue: method(z.tuple([documentDraft])).returns<IssuedDocument>(),
  previewBatch: method(z.tuple([batchDraft])).returns<DocumentPreview>(),
  issueBatch: method(z.tuple([batchDraft])).returns<IssuedDocument[]>(),
  reply: method(z.tuple([id, replyInput])).returns<IssuedDocument>(),
  void: method(z.tuple([id, voidInput])).returns<IssuedDocument>(),
  /** Takes no number: the chase as it would be issued, and whether the original is due yet. */
  previewChase: method(z.tuple([id, letterDates])).returns<DocumentPreview>(),
  chase: method(z.tuple([id, letterDates])).returns<IssuedDocument>(),
  /** The tasks a letter to the unit covers unless the user chooses: its open lead tasks, in number order. */
  defaultTasks: method(z.tuple([id])).returns<readonly TaskSummary[]>(),
  awaitingReply: method(z.tuple([isoDate])).returns<AwaitedReply[]>(),
  /** Issued documents as one page to print, each numbering its own pages. */
  html: method(z.tuple([z.array(id).min(1).max(1000)])).returns<string>(),
  docx: method(z.tuple([id])).returns<Uint8Array>(),
};
