import { ok, type Result } from '../../shared/result';
import { invalid, validate } from '../../shared/validation';
import type { z } from 'zod';
import type { LedgerContext, Tx } from '../context';
import { evidenceUses } from '../evidence/service';
import {
  checkReferences,
  createValidated,
  found,
  fromRowWithJson,
  removeUnlessUsed,
  type Row,
  type RowRecordSpec,
  saveRecord,
  snake,
  updateValidated,
} from '../records';
import { sqlFilter, whereSearched } from '../sql-filter';
import type { Reader } from '../storage/database';
import { countMatching, type SearchMatch, searchMatch } from '../storage/search-index';
import {
  type PetitionCase,
  type PetitionInput,
  petitionInput,
  type PetitionPage,
  type PetitionQuery,
  petitionQuery,
  PETITION_ROW_FIELDS,
  type PetitionRow,
  type PetitionSummary,
} from './model';
import { MATCH_FILTERS, PETITION_SEARCH } from './search';

type Query = z.output<typeof petitionQuery>;

/** A row as a case: its kinds and extra columns are stored as JSON. */
const JSON_COLUMNS = ['pollution_kinds', 'extra_columns'];
const toPetition = <T extends PetitionCase>(row: Row): T => fromRowWithJson<T>(row, JSON_COLUMNS);

/** What a page reads of each case, with its unit's name: the whole case (exports), or the list's columns. */
interface PageColumns<T> {
  readonly columns: string;
  readonly of: (row: Row) => T;
}

const WHOLE_CASE: PageColumns<PetitionSummary> = { columns: 'p.*', of: toPetition };
const LIST_ROW: PageColumns<PetitionRow> = {
  columns: PETITION_ROW_FIELDS.filter((field) => field !== 'unitName')
    .map((field) => `p.${snake(field)}`)
    .join(', '),
  of: (row) => fromRowWithJson<PetitionRow>(row, ['pollution_kinds']),
};

export function loadPetition(db: Reader, id: number): PetitionCase | undefined {
  const row = db.get<Row>('SELECT * FROM petition_cases WHERE id = ?', [id]);
  return row ? toPetition(row) : undefined;
}

/** The case of a receipt number, compared without spaces: what a re-import is matched on. */
export function findPetitionByReceipt(db: Reader, receiptNumber: string): PetitionCase | undefined {
  const row = db.get<Row>('SELECT * FROM petition_cases WHERE receipt_number = ?', [receiptNumber.replace(/\s+/g, '')]);
  return row ? toPetition(row) : undefined;
}

/** Receipt numbers are fixed-width codes, so SQL's order is the office's order. */
const ORDER: Record<Query['sort'], string> = {
  receiptNumber: 'p.receipt_number',
  handedOverOn: 'p.handed_over_on',
  batch: 'p.batch',
  updatedAt: 'p.updated_at',
};

/** Where the filters look: the cases themselves, or the tally of them that schema 15 keeps (one row per combination). */
interface FilterColumns {
  readonly unit: string;
  readonly completion: string;
  readonly truth: string;
  readonly kinds: string;
}

const CASE_COLUMNS: FilterColumns = { unit: 'p.unit_id', completion: 'p.completion', truth: 'p.truth', kinds: 'p.pollution_kinds' };
/** A missing unit or truth is kept there as 0 or '', which no filter asks for. */
/**
 * A search's matches, each looked up by id in the narrow index of schema 21: the completion tested
 * there, not taken as a second key of the lookup (one lookup per match instead of one per match and
 * completion asked for).
 */
const MATCHED_COLUMNS: FilterColumns = { ...CASE_COLUMNS, completion: '+p.completion' };
const TALLY_COLUMNS: FilterColumns = { unit: 't.unit_key', completion: 't.completion', truth: 't.truth_key', kinds: 't.pollution_kinds' };

const SEARCHED = ['p.receipt_number', 'p.subject', 'p.problem', 'p.region'];

/**
 * The filters as SQL; a search goes through schema 17's bigram index (storage/search-index.ts).
 * `walk` keeps SQLite from reading the matches one by one (the unary plus), so that a page of many
 * matches is read along the sort's index.
 */
function filterOf(query: Query, columns: FilterColumns, match?: SearchMatch, walk = false) {
  const filter = sqlFilter();
  if (query.unitId !== undefined) filter.where(`${columns.unit} = $unitId`, { unitId: query.unitId });
  if (query.completions?.length)
    filter.where(`${columns.completion} IN (SELECT value FROM json_each($completions))`, { completions: JSON.stringify(query.completions) });
  if (query.truth) filter.where(`${columns.truth} = $truth`, { truth: query.truth });
  if (query.pollutionKind)
    filter.where(`EXISTS (SELECT 1 FROM json_each(${columns.kinds}) WHERE value = $pollutionKind)`, { pollutionKind: query.pollutionKind });
  if (query.batch !== undefined) filter.where('p.batch = $batch', { batch: query.batch });
  if (query.search && match) whereSearched(filter, { index: PETITION_SEARCH, id: walk ? '+p.id' : 'p.id', columns: SEARCHED }, match, query.search);
  return filter;
}

/** How many cases match: from the tally when only the columns it keeps are filtered on. */
function countOf(db: Reader, query: Query, match?: SearchMatch): number {
  if (query.search === undefined && query.batch === undefined) {
    const filter = filterOf(query, TALLY_COLUMNS);
    return db.get<{ n: number | null }>(`SELECT sum(t.cases) AS n FROM petition_tally t ${filter.clause}`, filter.params)?.n ?? 0;
  }
  if (match?.kind === 'index' && !match.confirm && query.pollutionKind === undefined) return countIndexed(db, query, match.expression);
  const filter = filterOf(query, CASE_COLUMNS, match);
  return db.get<{ n: number }>(`SELECT count(*) AS n FROM petition_cases p ${filter.clause}`, filter.params)?.n ?? 0;
}

/**
 * How many cases a search the index answers alone finds: counted in the index itself when nothing
 * else is filtered on (it holds exactly the cases there are), else each match's filters tested in
 * the narrow index of them under its id, the matches read in the order of their ids.
 */
function countIndexed(db: Reader, query: Query, expression: string): number {
  const filter = filterOf({ ...query, search: undefined }, MATCHED_COLUMNS);
  if (!filter.clause) return countMatching(PETITION_SEARCH, db, expression);
  const index = PETITION_SEARCH.name;
  filter.where(`${index} MATCH $match`, { match: expression });
  const from = `${index} JOIN petition_cases p INDEXED BY ${MATCH_FILTERS.name} ON p.id = ${index}.docid`;
  return db.get<{ n: number }>(`SELECT count(*) AS n FROM ${from} ${filter.clause}`, filter.params)?.n ?? 0;
}

/**
 * Whether the page is read along the sort's index, testing each case on the way, rather than
 * from the matches, sorted: along the index it reads about (offset + limit) × cases ÷ total of
 * them before the page is full, from the matches `total`. The largest id stands for the cases.
 */
function walksIndex(db: Reader, query: Query, total: number): boolean {
  const cases = db.get<{ n: number | null }>('SELECT max(id) AS n FROM petition_cases')?.n ?? 0;
  return total * total >= (query.offset + query.limit) * cases;
}

const orderOf = (query: Query): string => {
  const direction = query.descending ? 'DESC' : 'ASC';
  return `ORDER BY ${ORDER[query.sort]} ${direction}, p.id ${direction}`;
};

/** One page of the cases matching the filter, read as `read` says, and how many match. */
function pageOf<T>(db: Reader, input: PetitionQuery, read: PageColumns<T>): Result<PetitionPage<T>> {
  const valid = validate(petitionQuery, input);
  if (!valid.ok) return valid;
  const query = valid.value;
  const match = query.search ? searchMatch(PETITION_SEARCH, db, query.search) : undefined;
  const total = countOf(db, query, match);
  const filter = filterOf(query, CASE_COLUMNS, match, walksIndex(db, query, total));
  const rows = db.all<Row>(
    `SELECT ${read.columns}, u.name AS unit_name FROM petition_cases p LEFT JOIN units u ON u.id = p.unit_id ${filter.clause}
     ${orderOf(query)} LIMIT $limit OFFSET $offset`,
    { ...filter.params, limit: query.limit, offset: query.offset },
  );
  return ok({ rows: rows.map(read.of), total });
}

/**
 * The ids of every case the filter matches, in its order: what an export reads, a share at a time,
 * by id (`loadPetitionSummaries`). Pages read by OFFSET would each pass over every case before them.
 */
export function matchingPetitionIds(db: Reader, input: PetitionQuery): Result<number[]> {
  const valid = validate(petitionQuery, input);
  if (!valid.ok) return valid;
  const query = valid.value;
  const filter = filterOf(query, CASE_COLUMNS, query.search ? searchMatch(PETITION_SEARCH, db, query.search) : undefined);
  return ok(db.all<{ id: number }>(`SELECT p.id FROM petition_cases p ${filter.clause} ${orderOf(query)}`, filter.params).map((row) => row.id));
}

/** Whole cases with their unit's name, in the order of `ids` (an id not found is left out). */
export function loadPetitionSummaries(db: Reader, ids: readonly number[]): PetitionSummary[] {
  return db
    .all<Row>(
      `SELECT p.*, u.name AS unit_name FROM json_each(?) AS asked JOIN petition_cases p ON p.id = asked.value
       LEFT JOIN units u ON u.id = p.unit_id ORDER BY asked.key`,
      [JSON.stringify(ids)],
    )
    .map((row) => toPetition<PetitionSummary>(row));
}

/** One page of whole cases matching the filter, and how many match. */
export const listPetitions = (db: Reader, input: PetitionQuery = {}): Result<PetitionPage<PetitionSummary>> => pageOf(db, input, WHOLE_CASE);

/** One page of the petition list as it shows it: each case's columns there, not its long texts. */
export const listPetitionRows = (db: Reader, input: PetitionQuery = {}): Result<PetitionPage> => pageOf(db, input, LIST_ROW);

function checkPetition(tx: Tx, values: z.output<typeof petitionInput>, id: number | null): Result<void> {
  const known = checkReferences(tx, [
    ['unitId', 'units', values.unitId],
    ['inspectionId', 'inspections', values.inspectionId ?? null],
  ]);
  if (!known.ok) return known;
  const taken = tx.get('SELECT 1 AS x FROM petition_cases WHERE receipt_number = ? AND id <> ?', [values.receiptNumber, id ?? 0]);
  return taken ? invalid('receiptNumber', 'duplicate') : ok(undefined);
}

export const PETITION: RowRecordSpec<PetitionCase, typeof petitionInput> = {
  entity: 'petition_case',
  table: 'petition_cases',
  schema: petitionInput,
  load: loadPetition,
  json: JSON_COLUMNS,
  check: checkPetition,
  columns: (values) => ({
    ...values,
    pollutionKinds: JSON.stringify(values.pollutionKinds),
    extraColumns: values.extraColumns && JSON.stringify(values.extraColumns),
  }),
};

/** A case from values an import's plan has validated already; without building the whole service for each of its rows. */
export const createValidatedPetition = (ctx: LedgerContext, values: z.output<typeof petitionInput>): Result<number> =>
  ctx.write((tx) => createValidated(tx, PETITION, values));

/** Updates a case from values an import's plan validated: its changed columns alone, audited as `update` is. */
export const updateValidatedPetition = (ctx: LedgerContext, id: number, values: z.output<typeof petitionInput>): Result<number> =>
  ctx.write((tx) => updateValidated(tx, PETITION, id, values));

export function petitionService(ctx: LedgerContext) {
  return {
    list: (query?: PetitionQuery) => listPetitions(ctx.db, query),
    /** A page of the petition list as it shows it. */
    rows: (query?: PetitionQuery) => listPetitionRows(ctx.db, query),
    get: (id: number): Result<PetitionCase> => found('petition_case', id, loadPetition(ctx.db, id)),
    findByReceipt: (receiptNumber: string) => findPetitionByReceipt(ctx.db, receiptNumber),
    create: (input: PetitionInput) => saveRecord(ctx, PETITION, null, input),
    update: (id: number, input: PetitionInput) => saveRecord(ctx, PETITION, id, input),
    /** A case with evidence, or one that an accountability case names, keeps its history. */
    remove: (id: number) => removeUnlessUsed(ctx, 'petition_case', 'petition_cases', id, loadPetition, (db) => evidenceUses(db, 'petition_case', id)),
  };
}

export type PetitionService = ReturnType<typeof petitionService>;
