/**
 * Schema version 10: the commission's ledger (派驻纪检监察组 report to it monthly). Each supervision
 * group is recorded once with the public key its packages are signed by; each package keeps the
 * group-month it reports, when the group made it, the digest of its bytes (the same file twice is
 * the same digest) and its content as JSON — the figures and rows the dashboard shows.
 */
export const V10_ROLLUP = [
  `CREATE TABLE report_groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE report_packages (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES report_groups (id),
    period TEXT NOT NULL,
    made_at TEXT NOT NULL,
    digest TEXT NOT NULL,
    content TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (group_id, period)
  )`,
] as const;
