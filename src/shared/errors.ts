/**
 * Error codes. Each is translated by the UI and the command line (i18n key `errors.<code>`);
 * params fill the placeholders of that sentence.
 */
export const ERROR_CODES = [
  // opening and saving the ledger file
  'ledger.not_found',
  'ledger.already_exists',
  'ledger.folder_not_found',
  'ledger.not_a_ledger',
  'ledger.newer_format',
  'ledger.newer_schema',
  'ledger.wrong_password',
  'ledger.wrong_recovery_key',
  'ledger.recovery_key_malformed',
  'ledger.damaged',
  'ledger.kdf_weakened',
  'ledger.in_use',
  'ledger.in_use_unknown',
  'ledger.io',
  'ledger.disk_full',
  'ledger.no_permission',
  'ledger.closed',
  'ledger.password_weak',
  'ledger.backup_other_ledger',
  'ledger.audit_broken',
  // backups, which never fail a save (said afterwards)
  'ledger.backup_earlier_key',
  'ledger.backups_earlier_key',
  'ledger.backup_not_kept',
  'ledger.backups_not_removed',
  // the file is behind or beside what this machine saw of it (storage/anchor.ts)
  'ledger.rolled_back',
  'ledger.journal_trimmed',
  'ledger.history_diverged',
  'ledger.audit_rewritten',
  'ledger.anchor_unverifiable',
  // a call the contract does not allow (a renderer bug or an attempt), and a fault of the program
  'bad_request',
  'internal',
  // the core's worker stopped unexpectedly (restarted with the ledger locked, or too often to go on), or was shut down
  'core.restarted',
  'core.crashed',
  'core.stopped',
  // workbooks that cannot be read
  'excel.old_format',
  'excel.text_file',
  'excel.encrypted',
  'excel.not_a_workbook',
  'excel.too_large',
  'excel.damaged',
  'excel.sheet_too_large',
  'excel.workbook_too_large',
  'excel.repeated_part',
  'excel.bad_text',
  'excel.no_table',
  'excel.no_unit_table',
  'excel.import_expired',
  'excel.row_failed',
  'excel.not_unit_workbook',
  'excel.other_ledger',
  // an import or a returned workbook whose words the user has not yet said the meaning of
  'excel.words_undecided',
  // domain rules
  'validation',
  'not_found',
  'duplicate',
  'in_use',
  'invalid_transition',
  'tasks.number_in_source',
  'evidence.frozen',
  'people.admin_only',
  'people.not_found',
  'people.cannot_remove_administrator',
  // printing and saving documents
  'documents.no_chromium',
  'documents.print_failed',
  // report packages (.dubanreport) and the commission's ledger that takes them
  'report.not_a_package',
  'report.damaged',
  'report.newer_version',
  'report.wrong_passphrase',
  'report.bad_signature',
  'report.no_issuer',
  'report.new_group',
  'report.key_changed',
  'report.not_commission',
  'report.commission_reports_nothing',
  'report.no_signing_key',
  // the archive step: a closed round of inspection moved to its own read-only ledger file
  'archive.round_open',
  'archive.read_only',
  'archive.same_file',
  'archive.not_verified',
  'archive.changed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What is wrong with one field of a form; `code` is translated as `fields.<code>`. */
export interface FieldError {
  readonly field: string;
  readonly code: FieldErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid_date',
  'invalid_period',
  'invalid_choice',
  'invalid_number',
  'not_integer',
  'out_of_range',
  'unknown_reference',
  'duplicate',
  'invalid_phone',
  'date_order',
  'passwords_differ',
  'passphrases_differ',
  'password_in_use',
  'ledger_extension',
  'lead_and_cooperating',
  'not_responsible_unit',
  'parent_cycle',
  'file_too_large',
  'invalid',
  'invalid_number_pattern',
  'number_below_used',
  'reply_content_required',
  'no_reports_owed',
  // where a document template is wrong (params: line, column, name)
  'template_unclosed_tag',
  'template_unknown_field',
  'template_unknown_loop',
  'template_item_outside_loop',
  'template_nested_loop',
  'template_unclosed_loop',
  'template_stray_loop_end',
  'template_duplicate_part',
  'template_no_title',
  'template_bad_table',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface DubanError {
  readonly code: ErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly fields?: readonly FieldError[];
}

export const dubanError = (code: ErrorCode, params?: Record<string, string | number>, fields?: FieldError[]): DubanError => ({
  code,
  ...(params ? { params } : {}),
  ...(fields ? { fields } : {}),
});
