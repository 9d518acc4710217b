/**
 * Schema version 3: formal documents — the types an office issues (the three shipped and its own),
 * their templates, the counters that number them per type and year, and, on each register entry,
 * the template it was written from, the document it chases and what it printed.
 */
export const V3_DOCUMENTS = [
  `CREATE TABLE document_templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('standard', 'letter', 'form')),
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE document_types (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    number_pattern TEXT NOT NULL,
    template_id INTEGER NOT NULL REFERENCES document_templates (id),
    builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE document_counters (
    doc_type TEXT NOT NULL,
    year INTEGER NOT NULL,
    next_serial INTEGER NOT NULL CHECK (next_serial >= 1),
    PRIMARY KEY (doc_type, year)
  )`,
  `ALTER TABLE documents ADD COLUMN template_id INTEGER REFERENCES document_templates (id)`,
  `ALTER TABLE documents ADD COLUMN chase_of INTEGER REFERENCES documents (id)`,
  `ALTER TABLE documents ADD COLUMN content TEXT NOT NULL DEFAULT ''`,
  `CREATE INDEX documents_chase ON documents (chase_of)`,
  `CREATE INDEX documents_recipient ON documents (recipient_unit_id, issued_on)`,
] as const;
