import { SEARCH_QUEUE, searchedGrams } from '../storage/search-index';

/**
 * Schema version 17 (large ledgers): the petition list's text search without reading every case.
 * petition_search is an FTS4 index of the character bigrams (storage/text-grams.ts) of the columns
 * the list searches. It stores no text of its own: its content is a view that computes the bigrams
 * from the case, which FTS4 reads only to take a changed or deleted case's old bigrams out.
 * Triggers queue what is written, and the end of the write indexes the queue (storage/search-index.ts);
 * the migration indexes the cases already there. `matchinfo=fts3` leaves out the per-row sizes that
 * only ranking needs.
 */
const SEARCHED = 'receipt_number, subject, problem, region';
/** A case indexed already (not queued): its old bigrams are in the index and must go before it changes. */
const INDEXED = `OLD.id NOT IN (SELECT id FROM ${SEARCH_QUEUE})`;
const takeOld = `DELETE FROM petition_search WHERE docid = OLD.id;`;
const queueNew = `INSERT OR IGNORE INTO ${SEARCH_QUEUE} (id) VALUES (NEW.id);`;

export const V17_PETITION_SEARCH: readonly string[] = [
  `CREATE VIEW petition_search_grams AS SELECT id AS rowid, ${searchedGrams('petition_cases')} AS grams FROM petition_cases`,
  `CREATE VIRTUAL TABLE petition_search USING fts4(content="petition_search_grams", grams, matchinfo=fts3)`,
  `INSERT INTO petition_search (petition_search) VALUES ('rebuild')`,
  `CREATE TABLE ${SEARCH_QUEUE} (id INTEGER PRIMARY KEY)`,
  `CREATE TRIGGER petition_search_insert AFTER INSERT ON petition_cases BEGIN ${queueNew} END`,
  `CREATE TRIGGER petition_search_before_update BEFORE UPDATE OF ${SEARCHED} ON petition_cases WHEN ${INDEXED} BEGIN ${takeOld} END`,
  `CREATE TRIGGER petition_search_after_update AFTER UPDATE OF ${SEARCHED} ON petition_cases BEGIN ${queueNew} END`,
  `CREATE TRIGGER petition_search_before_delete BEFORE DELETE ON petition_cases WHEN ${INDEXED} BEGIN ${takeOld} END`,
  `CREATE TRIGGER petition_search_after_delete AFTER DELETE ON petition_cases BEGIN DELETE FROM ${SEARCH_QUEUE} WHERE id = OLD.id; END`,
];
