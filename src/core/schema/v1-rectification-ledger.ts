/**
 * Schema version 1: the rectification ledger — inspections, units, tasks with their measures and
 * units, monthly progress reports, close-out, evidence, settings and the audit log.
 * A migration, once released, never changes: later versions add steps of their own.
 */
export const V1_RECTIFICATION_LEDGER = [
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  )`,
  `CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    batch TEXT NOT NULL DEFAULT '',
    feedback_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('resident', 'supervised', 'city')),
    address TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE unit_contacts (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
  )`,
  `CREATE INDEX unit_contacts_unit ON unit_contacts (unit_id)`,
  `CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER REFERENCES inspections (id),
    parent_id INTEGER REFERENCES tasks (id),
    number TEXT NOT NULL,
    problem TEXT NOT NULL,
    goal TEXT NOT NULL DEFAULT '',
    responsible_leader TEXT NOT NULL DEFAULT '',
    deadline_kind TEXT NOT NULL CHECK (deadline_kind IN ('date', 'immediate', 'ongoing')),
    deadline_date TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'completed', 'closed')),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((deadline_kind = 'date') = (deadline_date IS NOT NULL))
  )`,
  `CREATE UNIQUE INDEX tasks_number ON tasks (ifnull(inspection_id, 0), ifnull(parent_id, 0), number)`,
  `CREATE INDEX tasks_parent ON tasks (parent_id)`,
  `CREATE INDEX tasks_status ON tasks (status)`,
  `CREATE INDEX tasks_deadline ON tasks (deadline_kind, deadline_date)`,
  `CREATE TABLE task_units (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'cooperating')),
    PRIMARY KEY (task_id, unit_id)
  )`,
  `CREATE INDEX task_units_unit ON task_units (unit_id, role)`,
  `CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER REFERENCES inspections (id),
    number TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE task_measures (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, measure_id)
  )`,
  `CREATE INDEX task_measures_measure ON task_measures (measure_id)`,
  `CREATE TABLE progress_reports (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    period TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('not_started', 'on_track', 'behind', 'completed')),
    progress TEXT NOT NULL DEFAULT '',
    problems TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    evidence_note TEXT NOT NULL DEFAULT '',
    reporter TEXT NOT NULL DEFAULT '',
    reporter_phone TEXT NOT NULL DEFAULT '',
    reported_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (task_id, unit_id, period)
  )`,
  `CREATE INDEX progress_reports_period ON progress_reports (period, unit_id)`,
  `CREATE TABLE close_outs (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('requested', 'checked', 'approved', 'rejected')),
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
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE INDEX close_outs_task ON close_outs (task_id)`,
  `CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    owner_kind TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    blob_id TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    removed_at TEXT
  )`,
  `CREATE INDEX evidence_owner ON evidence (owner_kind, owner_id)`,
  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  )`,
  `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`,
] as const;
