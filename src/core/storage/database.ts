import initSqlJs, { type BindParams, type Database, type SqlJsStatic, type Statement as Prepared } from 'sql.js';
import type { Result } from '../../shared/result';
import { fileOf, givenRoom } from './file-room';
import type { JournalEntry, SqlParams, SqlValue, Statement } from './journal';
import { TEXT_GRAMS_FUNCTION, textGrams } from './text-grams';
import { settleWrite } from './write-hooks';

let engine: Promise<SqlJsStatic> | null = null;
let loaded: SqlJsStatic | null = null;

/** sql.js is loaded once per process (its WebAssembly module is large). */
export function loadSqlEngine(): Promise<SqlJsStatic> {
  engine ??= initSqlJs().then((sql) => {
    loaded = sql;
    return sql;
  });
  return engine;
}

/**
 * What a transaction changed, for making it durable: the statements it ran, or — once they grew past
 * the limit the caller set — only that it changed too much to be worth recording statement by
 * statement (the caller then saves the whole database instead).
 */
export type Changes = { readonly kind: 'statements'; readonly statements: readonly Statement[] } | { readonly kind: 'whole' };

const DDL = /^\s*(?:CREATE|ALTER|DROP)\b/i;
/** Statements kept prepared at most: the app's own queries are some hundreds; past that, variants made from data. */
export const MAX_PREPARED = 1_000;

/** About how many bytes a statement takes in a journal record; exact enough to decide when to stop. */
function recordedSize(sql: string, params: SqlParams | undefined): number {
  let size = sql.length + 8;
  for (const value of params === undefined ? [] : Array.isArray(params) ? params : Object.values(params))
    size += typeof value === 'string' ? value.length * 3 + 3 : 8;
  return size;
}

/** The buffer given as sql.js's file, as it stood before a transaction (see `settleFile`). */
interface FileMark {
  readonly counter: number;
  readonly changes: number;
}

export interface Reader {
  all<T>(sql: string, params?: SqlParams): T[];
  get<T>(sql: string, params?: SqlParams): T | undefined;
}

export interface RunResult {
  readonly changes: number;
  readonly lastId: number;
}

/** A statement's result, made for every write (tens of thousands in an import): its id read only when asked. */
class Ran implements RunResult {
  constructor(
    readonly changes: number,
    private readonly run: number,
    private readonly idAfter: (run: number) => number,
  ) {}

  get lastId(): number {
    return this.idAfter(this.run);
  }
}

/** Writes are only possible inside `LedgerDatabase.transaction`, where each one is recorded for the journal. */
export interface Writer extends Reader {
  run(sql: string, params?: SqlParams): RunResult;
  /** A write with a RETURNING clause: the rows as written, without reading them again. */
  returning<T>(sql: string, params?: SqlParams): T[];
}

const named = (key: string): string => (key.startsWith('$') ? key : `$${key}`);

/** `{ name: v }` is bound as `$name`, so SQL is written with `$name` placeholders. */
function bindable(params: SqlParams | undefined): BindParams | undefined {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return params as SqlValue[];
  const bound: Record<string, SqlValue> = {};
  for (const [key, value] of Object.entries(params)) bound[named(key)] = value;
  return bound;
}

/**
 * A statement's parameters as the journal record keeps them: a copy, made by builtins, never the
 * writer's own array or `bindable`'s object. A caller may reuse its array after the statement; and
 * V8 allocates straight into the old generation at a site whose sampled objects all lived on
 * (pretenuring): once the first statements of an import were kept here, every later row's
 * parameters — and the strings they hold — lived until a full collection (some 100 MB of garbage
 * over 50,000 rows).
 */
function recordedParams(params: SqlParams | undefined): SqlParams {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params.slice();
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [named(key), value]));
}

/** `CAST(?` and `AS TEXT)` around a positional parameter (spaces allowed). */
const CAST_OPEN = /CAST\(\s*$/i;
const CAST_CLOSE = /^\s*AS\s+TEXT\s*\)/i;

/** The indexes of the positional parameters written `CAST(? AS TEXT)`; quoted text and names are skipped. */
function castSlots(sql: string): readonly number[] {
  if (!/CAST\(/i.test(sql)) return [];
  const slots: number[] = [];
  let slot = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      i = end < 0 ? sql.length : end;
    } else if (c === '?') {
      if (CAST_OPEN.test(sql.slice(Math.max(0, i - 16), i)) && CAST_CLOSE.test(sql.slice(i + 1, i + 16))) slots.push(slot);
      slot++;
    }
  }
  return slots;
}

const utf8 = new TextEncoder();
/** The bytes of the strings being bound, one buffer for all: sql.js copies each value as it binds it. */
let textBytes = new Uint8Array(64 * 1024);
/** Any surrogate, found quickly; in a Unicode pattern a surrogate matches only when it stands alone, not half of a pair. */
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = (text: string): boolean => !SURROGATE.test(text) || !LONE_SURROGATE.test(text);

/**
 * sql.js turns each string it binds into UTF-8 in JavaScript, one character at a time, twice (to
 * measure, then to write): an import's strings spent a fifth of its time there. A string in a slot
 * written `CAST(? AS TEXT)` is bound as its bytes instead, encoded natively, and SQLite's cast makes
 * them the very same text. A string with a lone surrogate is bound as it is: sql.js writes the
 * surrogate's code unit where the standard encoder writes U+FFFD.
 */
function withTextBytes(values: SqlValue[], slots: readonly number[]): BindParams {
  const bound: (SqlValue | Uint8Array)[] = values.slice();
  let room = 0;
  for (const slot of slots) room += typeof values[slot] === 'string' ? (values[slot] as string).length * 3 : 0;
  if (textBytes.length < room) textBytes = new Uint8Array(Math.max(room, textBytes.length * 2));
  let used = 0;
  for (const slot of slots) {
    const value = values[slot];
    if (typeof value !== 'string' || !wellFormed(value)) continue;
    const { written } = utf8.encodeInto(value, textBytes.subarray(used));
    bound[slot] = textBytes.subarray(used, used + written);
    used += written;
  }
  return bound;
}

/** sql.js gives a function as many arguments as its `length` says; -1 is SQLite's "any number". */
function anyArity<F extends (...args: never[]) => unknown>(fn: F): F {
  return Object.defineProperty(fn, 'length', { value: -1 });
}

export class LedgerDatabase implements Reader {
  private readonly prepared = new Map<string, Prepared>();
  /** Each prepared statement's `CAST(? AS TEXT)` slots (see `withTextBytes`). */
  private readonly textSlots = new Map<Prepared, readonly number[]>();
  /** Each prepared query's column names, read once: asking for them with every row costs more than the row. */
  private readonly columns = new Map<Prepared, readonly string[]>();
  private recording = false;
  /** Statements run so far, so that a RunResult knows whether its lastId can still be read. */
  private runs = 0;

  /**
   * The buffer sql.js was given as its file (file-room.ts), while it still is its file: a snapshot is
   * sealed from it rather than from a copy. Null once sql.js may have moved to another buffer.
   */
  private file: Uint8Array | null;

  constructor(
    private readonly db: Database,
    file: Uint8Array | null = null,
  ) {
    this.file = file;
    db.run('PRAGMA foreign_keys = ON');
    // Nothing else opens sql.js's file. Left shared, SQLite asks the file system for a hot journal
    // before every statement outside a transaction, a path lookup in sql.js's JavaScript: more than
    // half the time of a batch of letters composed from thousands of reads (docs/performance.md).
    // Held, it would keep its rollback journal's file from one write to the next: cut to nothing at
    // each commit, the journal's memory goes back (in WebAssembly memory it would not).
    db.run('PRAGMA locking_mode = EXCLUSIVE');
    db.run('PRAGMA journal_mode = TRUNCATE');
    // A large transaction's pages spill to sql.js's file as SQLite's page cache fills (its default):
    // with room given to the file (file-room.ts) that costs little, and the cache stays small.
    db.create_function(
      TEXT_GRAMS_FUNCTION,
      anyArity((...texts: SqlValue[]) => textGrams(...texts.map((text) => (text === null ? null : String(text))))),
    );
  }

  static async fromImage(image?: Uint8Array): Promise<LedgerDatabase> {
    await loadSqlEngine();
    return LedgerDatabase.fromImageNow(image);
  }

  /** The same, once the engine is loaded (as it is wherever a database is open): for reverting in the middle of a write. */
  static fromImageNow(image?: Uint8Array): LedgerDatabase {
    if (!loaded) throw new Error('sql.js is not loaded yet');
    if (!image?.length) return new LedgerDatabase(new loaded.Database());
    const given = givenRoom(image);
    return new LedgerDatabase(new loaded.Database(given), fileOf(given));
  }

  /**
   * The statement prepared once and kept; past `MAX_PREPARED` the one prepared first is let go (to be
   * prepared again if asked for): SQL made from data (the columns an update changes) would otherwise
   * keep a statement in SQLite's memory for every variant ever run. Kept in the order prepared, not
   * of use: reordering at each use cost more than preparing again. None is let go while in use: a
   * statement is bound, stepped and reset before another is asked for.
   */
  private statement(sql: string): Prepared {
    let stmt = this.prepared.get(sql);
    if (!stmt) {
      if (this.prepared.size >= MAX_PREPARED) this.forget(this.prepared.keys().next().value!);
      stmt = this.db.prepare(sql);
      this.prepared.set(sql, stmt);
      this.textSlots.set(stmt, castSlots(sql));
    }
    return stmt;
  }

  private forget(sql: string): void {
    const stmt = this.prepared.get(sql)!;
    this.prepared.delete(sql);
    this.textSlots.delete(stmt);
    this.columns.delete(stmt);
    stmt.free();
  }

  /** How many statements are kept prepared (for tests of the bound). */
  get preparedCount(): number {
    return this.prepared.size;
  }

  private bound(stmt: Prepared, params: SqlParams | undefined): BindParams | undefined {
    const slots = this.textSlots.get(stmt)!;
    return slots.length > 0 && Array.isArray(params) ? withTextBytes(params as SqlValue[], slots) : bindable(params);
  }

  all<T>(sql: string, params?: SqlParams): T[] {
    const stmt = this.statement(sql);
    try {
      stmt.bind(this.bound(stmt, params));
      const rows: T[] = [];
      if (!stmt.step()) return rows;
      let names = this.columns.get(stmt);
      if (!names) {
        names = stmt.getColumnNames();
        this.columns.set(stmt, names);
      }
      do {
        const values = stmt.get();
        const row: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
        rows.push(row as T);
      } while (stmt.step());
      return rows;
    } finally {
      stmt.reset();
    }
  }

  get<T>(sql: string, params?: SqlParams): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  private execute(sql: string, params: SqlParams | undefined): RunResult {
    // A changed schema can change what `SELECT *` returns: column names are read again.
    if (DDL.test(sql)) this.columns.clear();
    const stmt = this.statement(sql);
    try {
      stmt.run(this.bound(stmt, params));
    } finally {
      stmt.reset();
    }
    return new Ran(this.db.getRowsModified(), ++this.runs, this.lastIdAfter);
  }

  /** The new row's id costs a query of its own: asked for only by those who read it, right away. */
  private readonly lastIdAfter = (run: number): number => {
    if (run !== this.runs) throw new Error('lastId read after another statement ran');
    return this.get<{ id: number }>('SELECT last_insert_rowid() AS id')?.id ?? 0;
  };

  /**
   * Runs `work` in one SQLite transaction. When it succeeds and wrote anything, `persist` receives
   * what it changed and must make that durable; only then is the transaction committed in memory.
   * If `work` fails, throws, or `persist` fails, everything is rolled back. Statements are recorded
   * up to about `recordLimit` bytes; past it, `persist` is told that the whole database changed.
   */
  transaction<T>(work: (writer: Writer) => Result<T>, persist: (changes: Changes) => Result<void>, recordLimit = Infinity): Result<T> {
    if (this.recording) throw new Error('nested ledger transaction');
    let recorded: Statement[] | null = [];
    let recordedBytes = 0;
    let wrote = false;
    this.recording = true;
    const mark = this.fileMark();
    this.db.run('BEGIN');
    try {
      const record = (sql: string, params: SqlParams | undefined): void => {
        wrote = true;
        if (!recorded) return;
        recordedBytes += recordedSize(sql, params);
        // Past the limit the statements are dropped at once: a large import must not hold them all.
        if (recordedBytes > recordLimit) recorded = null;
        else recorded.push([sql, recordedParams(params)]);
      };
      const writer: Writer = {
        all: (sql, params) => this.all(sql, params),
        get: (sql, params) => this.get(sql, params),
        run: (sql, params) => {
          const result = this.execute(sql, params);
          record(sql, params);
          return result;
        },
        returning: <R>(sql: string, params?: SqlParams) => {
          const rows = this.all<R>(sql, params);
          this.runs++; // an earlier write's lastId is no longer the last
          record(sql, params);
          return rows;
        },
      };
      const result = work(writer);
      if (result.ok && wrote) settleWrite(writer);
      const changes: Changes = recorded ? { kind: 'statements', statements: recorded } : { kind: 'whole' };
      const outcome = result.ok && wrote ? persist(changes) : result;
      if (!outcome.ok) {
        this.db.run('ROLLBACK');
        this.settleFile(mark, false);
        return outcome;
      }
      this.db.run('COMMIT');
      this.settleFile(mark, true);
      return result;
    } catch (error) {
      this.db.run('ROLLBACK');
      this.settleFile(mark, false);
      throw error;
    } finally {
      this.recording = false;
    }
  }

  /** Re-runs a committed journal entry; false if it does not apply (the journal does not belong here). */
  replay(entry: JournalEntry): boolean {
    const mark = this.fileMark();
    this.db.run('BEGIN');
    try {
      for (const [sql, params] of entry.statements) this.execute(sql, params);
      this.db.run('COMMIT');
      this.settleFile(mark, true);
      return true;
    } catch {
      this.db.run('ROLLBACK');
      this.settleFile(mark, false);
      return false;
    }
  }

  /** A consistent image of the whole database (SQLite's backup API: prepared statements survive). */
  image(): Uint8Array {
    return this.db.export();
  }

  /**
   * Lends `use` the whole database's bytes for as long as it runs: sql.js's own file when it is still
   * the buffer given (no copy of a database of a hundred megabytes), else a copy, wiped after.
   */
  withImage<T>(use: (image: Uint8Array) => T): T {
    const own = this.ownFile();
    if (own) return use(own);
    const copy = this.image();
    try {
      return use(copy);
    } finally {
      copy.fill(0);
    }
  }

  /** Where the buffer given stands before a transaction: its change counter, and how many rows had changed. */
  private fileMark(): FileMark | null {
    if (!this.file) return null;
    return { counter: new DataView(this.file.buffer, this.file.byteOffset).getUint32(24), changes: this.totalChanges() };
  }

  private totalChanges(): number {
    return this.get<{ n: number }>('SELECT total_changes() AS n')!.n;
  }

  /**
   * After a commit: one that changed rows counts up the file's change counter (bytes 24–27); if the
   * buffer given did not see it, sql.js writes into another one (the file outgrew the room). A
   * rollback of changed rows may have cut the file short (sql.js then copies it to a new buffer).
   */
  private settleFile(mark: FileMark | null, committed: boolean): void {
    if (!mark || this.totalChanges() === mark.changes) return;
    if (!committed || this.fileMark()!.counter === mark.counter) this.file = null;
  }

  /** The database as the buffer given holds it, if sql.js still writes there and it holds all of it. */
  private ownFile(): Uint8Array | null {
    if (!this.file) return null;
    const { pages, size } = this.get<{ pages: number; size: number }>(
      'SELECT c.page_count AS pages, s.page_size AS size FROM pragma_page_count() c, pragma_page_size() s',
    )!;
    const length = pages * size;
    const header = new DataView(this.file.buffer, this.file.byteOffset);
    return length <= this.file.length && header.getUint32(28) === pages ? this.file.subarray(0, length) : null;
  }

  /** Runs a statement outside any journalled transaction: only for opening steps such as PRAGMAs. */
  pragma(sql: string): void {
    this.db.run(sql);
  }

  close(): void {
    for (const stmt of this.prepared.values()) stmt.free();
    this.prepared.clear();
    this.textSlots.clear();
    this.db.close();
  }
}
