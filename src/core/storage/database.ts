import initSqlJs, { type BindParams, type Database, type SqlJsStatic, type Statement as Prepared } from 'sql.js';
import type { Result } from '../../shared/result';
import type { JournalEntry, SqlParams, SqlValue, Statement } from './journal';

let engine: Promise<SqlJsStatic> | null = null;

/** sql.js is loaded once per process (its WebAssembly module is large). */
export const loadSqlEngine = (): Promise<SqlJsStatic> => (engine ??= initSqlJs());

export interface Reader {
  all<T>(sql: string, params?: SqlParams): T[];
  get<T>(sql: string, params?: SqlParams): T | undefined;
}

export interface RunResult {
  readonly changes: number;
  readonly lastId: number;
}

/** Writes are only possible inside `LedgerDatabase.transaction`, where each one is recorded for the journal. */
export interface Writer extends Reader {
  run(sql: string, params?: SqlParams): RunResult;
}

/** `{ name: v }` is bound as `$name`, so SQL is written with `$name` placeholders. */
function bindable(params: SqlParams | undefined): BindParams | undefined {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return params as SqlValue[];
  const named: Record<string, SqlValue> = {};
  for (const [key, value] of Object.entries(params)) named[key.startsWith('$') ? key : `$${key}`] = value;
  return named;
}

export class LedgerDatabase implements Reader {
  private readonly prepared = new Map<string, Prepared>();
  private recording: Statement[] | null = null;

  constructor(private readonly db: Database) {
    db.run('PRAGMA foreign_keys = ON');
    // sql.js keeps the database as a file in an in-memory file system: spilling dirty pages to it in
    // the middle of a transaction makes a large one (an import of 50,000 rows) several times slower.
    // Memory is spent the same either way; the cache shrinks back once the transaction ends.
    db.run('PRAGMA cache_spill = OFF');
  }

  static async fromImage(image?: Uint8Array): Promise<LedgerDatabase> {
    const sql = await loadSqlEngine();
    return new LedgerDatabase(image ? new sql.Database(image) : new sql.Database());
  }

  private statement(sql: string): Prepared {
    let stmt = this.prepared.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.prepared.set(sql, stmt);
    }
    return stmt;
  }

  all<T>(sql: string, params?: SqlParams): T[] {
    const stmt = this.statement(sql);
    try {
      stmt.bind(bindable(params));
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.reset();
    }
  }

  get<T>(sql: string, params?: SqlParams): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  private execute(sql: string, params: SqlParams | undefined): RunResult {
    const stmt = this.statement(sql);
    try {
      stmt.run(bindable(params));
    } finally {
      stmt.reset();
    }
    const changes = this.db.getRowsModified();
    const lastId = this.get<{ id: number }>('SELECT last_insert_rowid() AS id')?.id ?? 0;
    return { changes, lastId };
  }

  /**
   * Runs `work` in one SQLite transaction. When it succeeds and wrote anything, `persist` receives
   * the statements it ran and must make them durable; only then is the transaction committed in
   * memory. If `work` fails, throws, or `persist` fails, everything is rolled back.
   */
  transaction<T>(work: (writer: Writer) => Result<T>, persist: (statements: readonly Statement[]) => Result<void>): Result<T> {
    if (this.recording) throw new Error('nested ledger transaction');
    const recorded: Statement[] = [];
    this.recording = recorded;
    this.db.run('BEGIN');
    try {
      const writer: Writer = {
        all: (sql, params) => this.all(sql, params),
        get: (sql, params) => this.get(sql, params),
        run: (sql, params) => {
          const result = this.execute(sql, params);
          recorded.push([sql, (bindable(params) ?? []) as SqlParams]);
          return result;
        },
      };
      const result = work(writer);
      const outcome = result.ok && recorded.length > 0 ? persist(recorded) : result;
      if (!outcome.ok) {
        this.db.run('ROLLBACK');
        return outcome;
      }
      this.db.run('COMMIT');
      return result;
    } catch (error) {
      this.db.run('ROLLBACK');
      throw error;
    } finally {
      this.recording = null;
    }
  }

  /** Re-runs a committed journal entry; false if it does not apply (the journal does not belong here). */
  replay(entry: JournalEntry): boolean {
    this.db.run('BEGIN');
    try {
      for (const [sql, params] of entry.statements) this.execute(sql, params);
      this.db.run('COMMIT');
      return true;
    } catch {
      this.db.run('ROLLBACK');
      return false;
    }
  }

  /** A consistent image of the whole database (SQLite's backup API: prepared statements survive). */
  image(): Uint8Array {
    return this.db.export();
  }

  /** Runs a statement outside any journalled transaction: only for opening steps such as PRAGMAs. */
  pragma(sql: string): void {
    this.db.run(sql);
  }

  close(): void {
    for (const stmt of this.prepared.values()) stmt.free();
    this.prepared.clear();
    this.db.close();
  }
}
