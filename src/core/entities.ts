/** The things the ledger records, by their names in docs/glossary.md; used by the audit log and errors. */
export const ENTITY_NAMES = [
  'settings',
  'inspection',
  'unit',
  'unit_group',
  'task',
  'measure',
  'progress_report',
  'close_out',
  'evidence',
  'petition_case',
  'site_visit',
  'finding',
  'meeting',
  'accountability_case',
  'document',
  'document_type',
  'document_template',
  'person',
  'report_package',
] as const;

export type EntityName = (typeof ENTITY_NAMES)[number];
