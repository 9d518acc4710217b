import { TEXT_GRAMS_FUNCTION } from '../storage/text-grams';

/**
 * Schema version 16 (large ledgers): the petition list's text search without reading every case.
 * petition_search is an FTS4 index of the character bigrams (storage/text-grams.ts) of the four
 * columns the list searches. It stores no text of its own: its content is a view that computes
 * the bigrams from the case, which FTS4 reads only to take a changed or deleted case's old bigrams
 * out. Triggers keep it in step with every write; the migration indexes the cases already there.
 * `matchinfo=fts3` leaves out the per-row sizes that only ranking needs.
 */
const COLUMNS = ['receipt_number', 'subject', 'problem', 'region'] as const;

const grams = (row: string): string => COLUMNS.map((column) => `${TEXT_GRAMS_FUNCTION}(${row}.${column})`).join(', ');

const addNew = `INSERT INTO petition_search (docid, ${COLUMNS.join(', ')}) VALUES (NEW.id, ${grams('NEW')});`;
const takeOld = `DELETE FROM petition_search WHERE docid = OLD.id;`;
const SEARCHED = `UPDATE OF ${COLUMNS.join(', ')} ON petition_cases`;

export const V16_PETITION_SEARCH: readonly string[] = [
  `CREATE VIEW petition_search_grams AS SELECT id AS rowid, ${COLUMNS.map((column) => `${TEXT_GRAMS_FUNCTION}(${column}) AS ${column}`).join(', ')} FROM petition_cases`,
  `CREATE VIRTUAL TABLE petition_search USING fts4(content="petition_search_grams", ${COLUMNS.join(', ')}, matchinfo=fts3)`,
  `INSERT INTO petition_search (petition_search) VALUES ('rebuild')`,
  // The old bigrams are read from the view, so they go out before the case changes.
  `CREATE TRIGGER petition_search_delete BEFORE DELETE ON petition_cases BEGIN ${takeOld} END`,
  `CREATE TRIGGER petition_search_before_update BEFORE ${SEARCHED} BEGIN ${takeOld} END`,
  `CREATE TRIGGER petition_search_after_update AFTER ${SEARCHED} BEGIN ${addNew} END`,
  `CREATE TRIGGER petition_search_insert AFTER INSERT ON petition_cases BEGIN ${addNew} END`,
];
