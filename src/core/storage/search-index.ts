import type { Result } from '../../shared/result';
import { rowsOf, type SchemaObject, setAsideWhile } from './bulk-load';
import type { Reader, Writer } from './database';
import { searchableByGrams, TEXT_GRAMS_FUNCTION, textGrams } from './text-grams';

/**
 * A search index of the character bigrams (text-grams.ts) of some text columns of a table: an FTS4
 * table that stores no text of its own, its content a view computing the bigrams from the rows,
 * which FTS4 reads only to take a changed or deleted row's old bigrams out. `matchinfo=fts3`
 * leaves out the per-row sizes that only ranking needs.
 *
 * The index is filled at the end of each write transaction, not by a trigger per row: FTS4 writes
 * out what it holds whenever a statement with triggers begins, so a trigger inserting into it wrote
 * one small segment per row (five times the cost of the insert itself). Triggers only queue the rows
 * written; settleSearchIndex indexes them in one statement. The domain declares its indexes and
 * settles each on every write (write-hooks.ts): storage knows none of them.
 */
export interface SearchIndex {
  /** The FTS4 table; its view is `<name>_grams`, its queue `<name>_queue`, its triggers `<name>_…`. */
  readonly name: string;
  readonly table: string;
  /** The columns searched, their bigrams kept apart from each other. */
  readonly columns: readonly string[];
}

const queueOf = (index: SearchIndex): string => `${index.name}_queue`;

/** A row indexed already (not queued): its old bigrams are in the index and must go before it changes. */
const indexedRow = (index: SearchIndex): string => `OLD.id NOT IN (SELECT id FROM ${queueOf(index)})`;
const takeOld = (index: SearchIndex): string => `DELETE FROM ${index.name} WHERE docid = OLD.id;`;
const queueNew = (index: SearchIndex): string => `INSERT OR IGNORE INTO ${queueOf(index)} (id) VALUES (NEW.id);`;

/** The bigrams of the searched columns of `row` (the table or its alias). */
const gramsOf = (index: SearchIndex, row: string): string => `${TEXT_GRAMS_FUNCTION}(${index.columns.map((column) => `${row}.${column}`).join(', ')})`;

/** The statements that create the index and index the rows already there: a schema version's steps. */
export function searchIndexSchema(index: SearchIndex): string[] {
  const { name, table } = index;
  const queue = queueOf(index);
  const indexed = indexedRow(index);
  return [
    `CREATE VIEW ${name}_grams AS SELECT id AS rowid, ${gramsOf(index, table)} AS grams FROM ${table}`,
    `CREATE VIRTUAL TABLE ${name} USING fts4(content="${name}_grams", grams, matchinfo=fts3)`,
    `INSERT INTO ${name} (${name}) VALUES ('rebuild')`,
    `CREATE TABLE ${queue} (id INTEGER PRIMARY KEY)`,
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${table} BEGIN ${queueNew(index)} END`,
    `CREATE TRIGGER ${name}_before_update BEFORE UPDATE OF ${index.columns.join(', ')} ON ${table} WHEN ${indexed} BEGIN ${takeOld(index)} END`,
    `CREATE TRIGGER ${name}_after_update AFTER UPDATE OF ${index.columns.join(', ')} ON ${table} BEGIN ${queueNew(index)} END`,
    `CREATE TRIGGER ${name}_before_delete BEFORE DELETE ON ${table} WHEN ${indexed} BEGIN ${takeOld(index)} END`,
    `CREATE TRIGGER ${name}_after_delete AFTER DELETE ON ${table} BEGIN DELETE FROM ${queue} WHERE id = OLD.id; END`,
  ];
}

/**
 * The update triggers replaced so that they act only when a searched column's value changes: `UPDATE
 * OF` fires whenever a column is set, and every save sets them all. Taking a row's bigrams out is
 * FTS4's most costly write — each trigger's statement writes a segment of its own (0.5–1.4 ms a
 * row in a ledger of 200,000 cases) — and a monthly import sets the text of every case it updates,
 * mostly as it was.
 */
export function searchIndexOnChange(index: SearchIndex): string[] {
  const { name, table, columns } = index;
  const changed = `(${columns.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ')})`;
  return [
    `DROP TRIGGER ${name}_before_update`,
    `DROP TRIGGER ${name}_after_update`,
    `CREATE TRIGGER ${name}_before_update BEFORE UPDATE OF ${columns.join(', ')} ON ${table} WHEN ${changed} AND ${indexedRow(index)} BEGIN ${takeOld(index)} END`,
    `CREATE TRIGGER ${name}_after_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} WHEN ${changed} BEGIN ${queueNew(index)} END`,
  ];
}

const hasQueue = (index: SearchIndex, writer: Writer): boolean =>
  writer.get(`SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = '${queueOf(index)}'`) !== undefined;

/**
 * Takes rows out of the index and queues them, in one statement, before writes that change their
 * searched text: the update triggers then find them queued and leave them to settleSearchIndex. A
 * trigger takes one row out per statement, and FTS4 writes a segment of its own for each: an import
 * rewriting the text of 2,825 cases of a ledger of 200,000 paid about a millisecond a case.
 */
export function reindexLater(index: SearchIndex, writer: Writer, ids: readonly number[]): void {
  if (ids.length === 0 || !hasQueue(index, writer)) return;
  const list = JSON.stringify(ids);
  const queue = queueOf(index);
  writer.run(`DELETE FROM ${index.name} WHERE docid IN (SELECT value FROM json_each(?)) AND docid NOT IN (SELECT id FROM ${queue})`, [list]);
  writer.run(`INSERT OR IGNORE INTO ${queue} (id) SELECT value FROM json_each(?)`, [list]);
}

/**
 * Runs `work`, a write that deletes most of the index's table, without the index's triggers, then
 * builds the index again from the rows left: taking each deleted row's bigrams out, one by one, costs
 * more than indexing the rows that stay. The triggers are made again from their own SQL, in the
 * caller's transaction: a failed write rolls them back with the rows.
 */
function withSearchIndexRebuilt<T>(index: SearchIndex, writer: Writer, work: () => Result<T>): Result<T> {
  if (!hasQueue(index, writer)) return work();
  const triggers = writer.all<SchemaObject>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND substr(name, 1, ?) = ? ORDER BY rowid",
    [index.table, index.name.length + 1, `${index.name}_`],
  );
  const written = setAsideWhile(writer, 'TRIGGER', triggers, work);
  if (!written.ok) return written;
  writer.run(`INSERT INTO ${index.name} (${index.name}) VALUES ('rebuild')`);
  writer.run(`DELETE FROM ${queueOf(index)}`);
  return written;
}

/**
 * How much more FTS4 pays to take a deleted row's bigrams out (it reads the row's text back through
 * the view, bigrams and all, and writes a deletion for each) than to index a row: 32–49 µs against
 * 24–27 for the large fixture's cases on this machine, 26 against 11 for its tasks. The lower ratio,
 * so that the index is built again only where that clearly costs less.
 */
const TAKING_OUT_OVER_INDEXING = 1.2;

/**
 * Runs `work`, which deletes `leaving` of the index's table's rows: their bigrams taken out one by one
 * by the index's triggers, or, where that would cost more than indexing the rows that stay, the index
 * built again from those (`withSearchIndexRebuilt`) — half of the large fixture archived: the
 * cases' index 3.2–4.9 s one by one, 2.4–2.7 s built again.
 */
export function withSearchIndexAfterDeletes<T>(index: SearchIndex, writer: Writer, leaving: number, work: () => Result<T>): Result<T> {
  return leaving * TAKING_OUT_OVER_INDEXING >= rowsOf(writer, index.table) - leaving ? withSearchIndexRebuilt(index, writer, work) : work();
}

/** Indexes the rows written in this transaction; nothing on a ledger older than the index or when none was written. */
export function settleSearchIndex(index: SearchIndex, writer: Writer): void {
  const queue = queueOf(index);
  if (!hasQueue(index, writer)) return;
  if (!writer.get(`SELECT 1 AS x FROM ${queue} LIMIT 1`)) return;
  writer.run(`INSERT INTO ${index.name} (docid, grams) SELECT r.id, ${gramsOf(index, 'r')} FROM ${queue} q JOIN ${index.table} r ON r.id = q.id ORDER BY r.id`);
  writer.run(`DELETE FROM ${queue}`);
}

/**
 * How a search is asked of an index: its bigrams one after the other (a phrase: exactly the rows LIKE
 * finds), or only its rarest few in any order, whose rows LIKE must then confirm (`confirm`). A
 * phrase reads every one of its bigrams' lists whole, positions and all: a whole receipt number
 * shares most of its bigrams with every case (its office's and year's prefix), and its phrase read
 * the lists of all 200,000 cases several times over. FTS4 would put such bigrams off by itself
 * (deferred tokens), but not for an index whose content is a view.
 */
export type SearchMatch = { readonly kind: 'like' } | { readonly kind: 'index'; readonly expression: string; readonly confirm: boolean };

/** A phrase of this many bigrams or fewer is asked whole; beyond, the rarest this many are enough to narrow the rows. */
const FEW_GRAMS = 3;
/** How many of a bigram's first rows are read to judge how common it is. */
const PROBE = 200;
/** A bigram in more than this share of the rows narrows too little to be worth confirming by LIKE… */
const COMMON = 1 / 20;
/** …but LIKE confirms this many rows in well under a millisecond, whatever the share. */
const FEW_ROWS = 100;

/**
 * About how many rows hold `gram`: FTS4 reads a single bigram's list as it goes, in row order, so
 * its first PROBE rows cost little and how far they reach among the ids tells how dense it is.
 */
function rowsWith(index: SearchIndex, db: Reader, gram: string, lastId: number): number {
  const probe = db.get<{ n: number; last: number | null }>(
    `SELECT count(*) AS n, max(docid) AS last FROM (SELECT docid FROM ${index.name} WHERE ${index.name} MATCH $gram LIMIT ${PROBE})`,
    { gram: `"${gram}"` },
  );
  if (!probe?.last || probe.n < PROBE) return probe?.n ?? 0;
  return (probe.n * lastId) / probe.last;
}

/** How `search` is best asked of the index (a single character has no bigram: LIKE alone). */
export function searchMatch(index: SearchIndex, db: Reader, search: string): SearchMatch {
  if (!searchableByGrams(search)) return { kind: 'like' };
  const grams = textGrams(search);
  const phrase: SearchMatch = { kind: 'index', expression: `"${grams}"`, confirm: false };
  const distinct = [...new Set(grams.split(' '))];
  if (distinct.length <= FEW_GRAMS) return phrase;
  const lastId = db.get<{ n: number | null }>(`SELECT max(id) AS n FROM ${index.table}`)?.n ?? 0;
  const rarest = distinct
    .map((gram) => ({ gram, rows: rowsWith(index, db, gram, lastId) }))
    .sort((a, b) => a.rows - b.rows)
    .slice(0, FEW_GRAMS);
  if (rarest[0]!.rows > Math.max(FEW_ROWS, lastId * COMMON)) return phrase;
  return { kind: 'index', expression: rarest.map(({ gram }) => `"${gram}"`).join(' '), confirm: true };
}

/** The rows (`id`, an id column) the index finds for a match (`param` names its expression). */
export const matchingSql = (index: SearchIndex, id: string, param: string): string =>
  `${id} IN (SELECT docid FROM ${index.name} WHERE ${index.name} MATCH ${param})`;

/** How many rows the index finds for a match: it holds a row for each row of its table, so nothing else is read. */
export const countMatching = (index: SearchIndex, db: Reader, expression: string): number =>
  db.get<{ n: number }>(`SELECT count(*) AS n FROM ${index.name} WHERE ${index.name} MATCH $match`, { match: expression })?.n ?? 0;
