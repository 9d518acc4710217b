/**
 * Schema version 9: the people of a ledger — each opens it with a password of their own (a key slot
 * named by `slot_id`, docs/ledger-format.md §2), and the change history records their name. Names
 * live here, inside the encrypted database, never in the file's plain header. The one who made the
 * ledger is its administrator (the password slot), named 管理员 until they give their name.
 */
export const V9_PEOPLE = [
  `CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    slot_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'member')),
    added_at TEXT NOT NULL
  )`,
  `CREATE UNIQUE INDEX people_one_administrator ON people (role) WHERE role = 'administrator'`,
  `INSERT INTO people (slot_id, name, role, added_at)
    VALUES (lower(hex(randomblob(16))), '管理员', 'administrator', strftime('%Y-%m-%dT%H:%M:%f', 'now', 'localtime'))`,
] as const;
