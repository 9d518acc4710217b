/**
 * Schema version 6: petition cases as published tables describe them — several pollution kinds
 * (a JSON list, the single kind of earlier versions carried over), the accountability as written
 * (问责情况: 约谈2人 …), and the columns the ledger has no field for, kept with their headers.
 */
export const V6_PETITION_WORDS = [
  `ALTER TABLE petition_cases ADD COLUMN pollution_kinds TEXT NOT NULL DEFAULT '["other"]' CHECK (json_valid(pollution_kinds))`,
  `UPDATE petition_cases SET pollution_kinds = json_array(pollution_kind)`,
  `ALTER TABLE petition_cases DROP COLUMN pollution_kind`,
  `ALTER TABLE petition_cases ADD COLUMN accountability TEXT NOT NULL DEFAULT ''`,
  `ALTER TABLE petition_cases ADD COLUMN extra_columns TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(extra_columns))`,
];
