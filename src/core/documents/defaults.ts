import chase from '../../../resources/templates/chase.json' with { type: 'json' };
import monthlyReport from '../../../resources/templates/monthly-report.json' with { type: 'json' };
import notice from '../../../resources/templates/notice.json' with { type: 'json' };
import office from '../../../resources/templates/office.json' with { type: 'json' };
import reminder from '../../../resources/templates/reminder.json' with { type: 'json' };
import reportChase from '../../../resources/templates/report-chase.json' with { type: 'json' };
import supervision from '../../../resources/templates/supervision.json' with { type: 'json' };
import { localTimestamp } from '../../shared/dates';
import type { Writer } from '../storage/database';
import { readSetting, storeSetting } from '../settings';
import type { BuiltinDocumentType, DocumentFormat, LatinFace, OfficeProfile } from './model';

/**
 * The document types, templates and office details a new ledger starts with, from resources/templates/
 * (one JSON file per type: its name, number pattern, and the template's lines). The office edits
 * its copies in the ledger; these files are only read when a ledger reaches schema version 3.
 */
export interface ShippedTemplate {
  readonly type: BuiltinDocumentType;
  readonly name: string;
  readonly format: DocumentFormat;
  readonly lines: readonly string[];
}

/** A type's own template file also names the type and its number pattern. */
export interface ShippedType extends ShippedTemplate {
  readonly typeName: string;
  readonly numberPattern: string;
}

export const SHIPPED_TYPES = [notice, reminder, supervision] as readonly ShippedType[];

/** The template a chase (催办) is written from: a reminder that refers to the letter left unanswered. */
export const SHIPPED_CHASE = chase as ShippedTemplate;

/** The template a 催报 is written from: a reminder to a unit that has not reported a month's progress. */
export const SHIPPED_REPORT_CHASE = reportChase as ShippedTemplate;

export const DEFAULT_OFFICE: Omit<OfficeProfile, 'chaseTemplateId' | 'reportChaseTemplateId'> = { ...office, latinFace: office.latinFace as LatinFace };

/** The key of the settings row that holds the office profile (JSON). */
export const OFFICE_SETTING = 'documents.office';

/** The 情况报告's type and template: a ledger gets them at schema version 11. */
export const SHIPPED_MONTHLY_REPORT = monthlyReport as ShippedType;

function insertTemplate(writer: Writer, shipped: ShippedTemplate, at: string): number {
  return writer.run('INSERT INTO document_templates (name, format, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
    shipped.name,
    shipped.format,
    shipped.lines.join('\n'),
    at,
    at,
  ]).lastId;
}

function insertType(writer: Writer, shipped: ShippedType, sortOrder: number, at: string): void {
  const templateId = insertTemplate(writer, shipped, at);
  writer.run(
    'INSERT INTO document_types (code, name, number_pattern, template_id, builtin, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
    [shipped.type, shipped.typeName, shipped.numberPattern, templateId, sortOrder, at, at],
  );
}

export function seedDocumentDefaults(writer: Writer): void {
  const at = localTimestamp(new Date());
  SHIPPED_TYPES.forEach((shipped, index) => insertType(writer, shipped, index, at));
  const chaseTemplateId = insertTemplate(writer, SHIPPED_CHASE, at);
  const profile: Omit<OfficeProfile, 'reportChaseTemplateId'> = { ...DEFAULT_OFFICE, chaseTemplateId };
  writer.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [OFFICE_SETTING, JSON.stringify(profile)]);
}

/**
 * Schema 11's seed: the 情况报告, after the types already there. An office that already made a type of
 * that name keeps it; the shipped one then takes the name with its template's (情况报告（整改督办月报）).
 */
export function seedMonthlyReport(writer: Writer): void {
  const order = writer.get<{ n: number }>('SELECT ifnull(max(sort_order), -1) + 1 AS n FROM document_types')?.n ?? 0;
  const taken = writer.get('SELECT 1 AS x FROM document_types WHERE name = ?', [SHIPPED_MONTHLY_REPORT.typeName]) !== undefined;
  const shipped = taken
    ? { ...SHIPPED_MONTHLY_REPORT, typeName: `${SHIPPED_MONTHLY_REPORT.typeName}（${SHIPPED_MONTHLY_REPORT.name}）` }
    : SHIPPED_MONTHLY_REPORT;
  insertType(writer, shipped, order, localTimestamp(new Date()));
}

/** Schema 5's seed: the 催报 template, named in the office's details (kept as they are otherwise). */
export function seedReportChase(writer: Writer): void {
  const reportChaseTemplateId = insertTemplate(writer, SHIPPED_REPORT_CHASE, localTimestamp(new Date()));
  storeSetting(writer, OFFICE_SETTING, { ...(readSetting<object>(writer, OFFICE_SETTING) ?? DEFAULT_OFFICE), reportChaseTemplateId });
}
