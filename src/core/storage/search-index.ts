import type { Writer } from './database';
import { TEXT_GRAMS_FUNCTION } from './text-grams';

/**
 * The petition search index (schema 17) is filled at the end of each write transaction, not by a
 * trigger per case: FTS4 writes out what it holds whenever a statement with triggers begins, so a
 * trigger inserting into it wrote one small segment per case (five times the cost of the insert
 * itself). Triggers only queue the cases written; this indexes them in one statement.
 */
export const SEARCH_QUEUE = 'petition_search_queue';

/** The bigrams of the four columns the petition list searches, kept apart from each other. */
export const searchedGrams = (row: string): string =>
  `${TEXT_GRAMS_FUNCTION}(${['receipt_number', 'subject', 'problem', 'region'].map((column) => `${row}.${column}`).join(', ')})`;

const HAS_QUEUE = `SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = '${SEARCH_QUEUE}'`;

/** Indexes the cases written in this transaction; nothing on a ledger older than the index or when none was written. */
export function settleSearchIndex(writer: Writer): void {
  if (!writer.get(HAS_QUEUE) || !writer.get(`SELECT 1 AS x FROM ${SEARCH_QUEUE} LIMIT 1`)) return;
  writer.run(
    `INSERT INTO petition_search (docid, grams) SELECT p.id, ${searchedGrams('p')} FROM ${SEARCH_QUEUE} q JOIN petition_cases p ON p.id = q.id ORDER BY p.id`,
  );
  writer.run(`DELETE FROM ${SEARCH_QUEUE}`);
}
