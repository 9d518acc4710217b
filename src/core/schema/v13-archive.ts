/**
 * Schema version 13: the archive step. Petition cases name the round of inspection that handed them
 * over, so that archiving a round takes its cases with it; `archived_items` is what the live ledger
 * keeps of what went to an archive file, so that its search still finds it.
 */
export const V13_ARCHIVE: readonly string[] = [
  `ALTER TABLE petition_cases ADD COLUMN inspection_id INTEGER REFERENCES inspections (id)`,
  `CREATE INDEX petition_cases_inspection ON petition_cases (inspection_id)`,
  `CREATE TABLE archived_items (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('task', 'petition_case')),
    number TEXT NOT NULL,
    text TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    inspection TEXT NOT NULL,
    archive_path TEXT NOT NULL,
    archived_at TEXT NOT NULL
  )`,
];
