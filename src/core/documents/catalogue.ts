import { ok, type Result } from '../../shared/result';
import { invalid, validate } from '../../shared/validation';
import type { LedgerContext, Tx } from '../context';
import { audited, exists, fromRow, type RecordSpec, removeUnlessUsed, type Row, saveRecord } from '../records';
import type { Reader } from '../storage/database';
import { storeSetting } from '../settings';
import { DEFAULT_OFFICE, OFFICE_SETTING } from './defaults';
import {
  type DocumentTemplate,
  type DocumentType,
  type DocumentTypeInput,
  documentTypeInput,
  type OfficeProfile,
  type OfficeProfileInput,
  officeProfileInput,
  type TemplateInput,
  templateInput,
  type TemplateProblem,
} from './model';
import { parseTemplate } from './template/parse';

/**
 * What documents are written from: the office's types (each with its number pattern and default
 * template), the templates, and the office profile (issuer, signature, contact).
 */
export function loadDocumentType(db: Reader, id: number): DocumentType | undefined {
  const row = db.get<Row>('SELECT * FROM document_types WHERE id = ?', [id]);
  return row ? fromRow<DocumentType>(row, ['builtin', 'archived', 'sealed']) : undefined;
}

export function documentTypeByCode(db: Reader, code: string): DocumentType | undefined {
  const row = db.get<Row>('SELECT * FROM document_types WHERE code = ?', [code]);
  return row ? fromRow<DocumentType>(row, ['builtin', 'archived', 'sealed']) : undefined;
}

export function listDocumentTypes(db: Reader, includeArchived = false): DocumentType[] {
  return db
    .all<Row>(`SELECT * FROM document_types ${includeArchived ? '' : 'WHERE archived = 0'} ORDER BY sort_order, id`)
    .map((row) => fromRow<DocumentType>(row, ['builtin', 'archived', 'sealed']));
}

export function loadTemplate(db: Reader, id: number): DocumentTemplate | undefined {
  const row = db.get<Row>('SELECT * FROM document_templates WHERE id = ?', [id]);
  return row ? fromRow<DocumentTemplate>(row) : undefined;
}

export const listTemplates = (db: Reader): DocumentTemplate[] =>
  db.all<Row>('SELECT * FROM document_templates ORDER BY id').map((row) => fromRow<DocumentTemplate>(row));

/** The template's problem as the field error the editor shows under the text, with where it is. */
export function templateFieldError(problem: TemplateProblem) {
  const { code, ...where } = problem;
  return invalid('source', code, where);
}

const TEMPLATE: RecordSpec<DocumentTemplate, typeof templateInput> = {
  entity: 'document_template',
  table: 'document_templates',
  schema: templateInput,
  load: loadTemplate,
  check: (_tx, values) => {
    const parsed = parseTemplate(values.source);
    return parsed.ok ? ok(undefined) : templateFieldError(parsed.error);
  },
};

const nameTaken = (tx: Tx, name: string, id: number | null): boolean =>
  tx.get('SELECT 1 AS x FROM document_types WHERE name = ? AND id <> ?', [name, id ?? 0]) !== undefined;

const TYPE: RecordSpec<DocumentType, typeof documentTypeInput> = {
  entity: 'document_type',
  table: 'document_types',
  schema: documentTypeInput,
  load: loadDocumentType,
  check: (tx, values, id) => {
    if (nameTaken(tx, values.name, id)) return invalid('name', 'duplicate');
    return exists(tx, 'document_templates', values.templateId) ? ok(undefined) : invalid('templateId', 'unknown_reference');
  },
};

/** A type the office adds gets the code custom-N: codes are never typed, and never change once used. */
function createType(ctx: LedgerContext, input: DocumentTypeInput): Result<DocumentType> {
  const valid = validate(documentTypeInput, input);
  if (!valid.ok) return valid;
  return ctx.write((tx) => {
    const checked = TYPE.check!(tx, valid.value, null);
    if (!checked.ok) return checked;
    const next = (tx.get<{ n: number }>('SELECT ifnull(max(id), 0) + 1 AS n FROM document_types')?.n ?? 1) as number;
    const { after } = audited(
      tx,
      'document_type',
      null,
      loadDocumentType,
      () =>
        tx.run(
          'INSERT INTO document_types (code, name, number_pattern, template_id, sealed, builtin, sort_order, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)',
          [
            `custom-${next}`,
            valid.value.name,
            valid.value.numberPattern,
            valid.value.templateId,
            valid.value.sealed ? 1 : 0,
            valid.value.sortOrder,
            valid.value.archived ? 1 : 0,
            tx.at,
            tx.at,
          ],
        ).lastId,
    );
    return ok(after!);
  });
}

export function loadOffice(db: Reader): OfficeProfile {
  const row = db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [OFFICE_SETTING]);
  const unset = { ...DEFAULT_OFFICE, chaseTemplateId: null, reportChaseTemplateId: null };
  return row ? { ...unset, ...(JSON.parse(row.value) as Partial<OfficeProfile>) } : unset;
}

function saveOffice(ctx: LedgerContext, input: OfficeProfileInput): Result<OfficeProfile> {
  const valid = validate(officeProfileInput, input);
  if (!valid.ok) return valid;
  return ctx.write((tx) => {
    for (const field of ['chaseTemplateId', 'reportChaseTemplateId'] as const) {
      const templateId = valid.value[field];
      if (templateId !== null && !exists(tx, 'document_templates', templateId)) return invalid(field, 'unknown_reference');
    }
    const before = loadOffice(tx);
    storeSetting(tx, OFFICE_SETTING, valid.value);
    tx.audit({ action: 'update', entity: 'settings', entityId: null, before, after: valid.value });
    return ok(loadOffice(tx));
  });
}

/** Templates that types or documents use stay: the register must be able to say what it was written from. */
function templateUses(db: Reader, id: number): { table: string; count: number }[] {
  const office = loadOffice(db);
  return office.chaseTemplateId === id || office.reportChaseTemplateId === id ? [{ table: 'settings', count: 1 }] : [];
}

export function catalogueService(ctx: LedgerContext) {
  return {
    types: (options: { includeArchived?: boolean } = {}) => listDocumentTypes(ctx.db, options.includeArchived),
    createType: (input: DocumentTypeInput) => createType(ctx, input),
    updateType: (id: number, input: DocumentTypeInput) => saveRecord(ctx, TYPE, id, input),
    templates: () => listTemplates(ctx.db),
    createTemplate: (input: TemplateInput) => saveRecord(ctx, TEMPLATE, null, input),
    updateTemplate: (id: number, input: TemplateInput) => saveRecord(ctx, TEMPLATE, id, input),
    removeTemplate: (id: number) => removeUnlessUsed(ctx, 'document_template', 'document_templates', id, loadTemplate, templateUses),
    office: () => loadOffice(ctx.db),
    setOffice: (input: OfficeProfileInput) => saveOffice(ctx, input),
  };
}
