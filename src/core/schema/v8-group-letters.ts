/**
 * Schema version 8: a letter addressed to a unit group as one 主送 (GB/T 9704 7.2.4 allows the
 * recipients' collective name). A document is sent to a unit (recipient_unit_id) or to a group
 * (recipient_group_id), never both; `recipient` keeps the name as printed either way.
 */
export const V8_GROUP_LETTERS = [`ALTER TABLE documents ADD COLUMN recipient_group_id INTEGER REFERENCES unit_groups (id)`] as const;
