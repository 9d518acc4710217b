/**
 * Schema version 4: what a month of office work asked for — a close-out can be reopened (撤销销号,
 * a state of its own, with when, by whom and why), a subject held accountable carries the kind of
 * 党纪/政务处分 it received and the amount of a fine, and what was typed in a form and not yet saved
 * is kept (drafts).
 */
export const V4_OFFICE_MONTH = [
  // SQLite cannot change a CHECK constraint in place: the table is rebuilt with the new state.
  `CREATE TABLE close_outs_v4 (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('requested', 'checked', 'approved', 'rejected', 'reopened')),
    requested_on TEXT NOT NULL,
    requested_by TEXT NOT NULL DEFAULT '',
    request_note TEXT NOT NULL DEFAULT '',
    checked_on TEXT,
    checked_by TEXT NOT NULL DEFAULT '',
    check_note TEXT NOT NULL DEFAULT '',
    approved_on TEXT,
    approved_by TEXT NOT NULL DEFAULT '',
    approval_note TEXT NOT NULL DEFAULT '',
    rejected_on TEXT,
    rejection_reason TEXT NOT NULL DEFAULT '',
    reopened_on TEXT,
    reopened_by TEXT NOT NULL DEFAULT '',
    reopen_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `INSERT INTO close_outs_v4 (id, task_id, state, requested_on, requested_by, request_note, checked_on, checked_by, check_note,
     approved_on, approved_by, approval_note, rejected_on, rejection_reason, created_at, updated_at)
   SELECT id, task_id, state, requested_on, requested_by, request_note, checked_on, checked_by, check_note,
     approved_on, approved_by, approval_note, rejected_on, rejection_reason, created_at, updated_at FROM close_outs`,
  `DROP TABLE close_outs`,
  `ALTER TABLE close_outs_v4 RENAME TO close_outs`,
  `CREATE INDEX close_outs_task ON close_outs (task_id)`,
  `ALTER TABLE accountability_subjects ADD COLUMN party_sanction TEXT
     CHECK (party_sanction IN ('warning', 'serious_warning', 'removal_from_post', 'probation', 'expulsion'))`,
  `ALTER TABLE accountability_subjects ADD COLUMN government_sanction TEXT
     CHECK (government_sanction IN ('warning', 'demerit', 'major_demerit', 'demotion', 'dismissal_from_post', 'expulsion'))`,
  `ALTER TABLE accountability_subjects ADD COLUMN fine_yuan INTEGER CHECK (fine_yuan > 0)`,
  `CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    form_values TEXT NOT NULL,
    saved_at TEXT NOT NULL
  )`,
] as const;
