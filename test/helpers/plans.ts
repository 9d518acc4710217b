import type { Reader } from '../../src/core/storage/database';
import type { SqlParams } from '../../src/core/storage/journal';

/** The statements `work` reads through the reader it is given (run on `db`), with their parameters. */
export function recordedReads(db: Reader, work: (reader: Reader) => void): [string, SqlParams | undefined][] {
  const statements: [string, SqlParams | undefined][] = [];
  const recording: Reader = {
    all: (sql, params) => {
      statements.push([sql, params]);
      return db.all(sql, params);
    },
    get: <T>(sql: string, params?: SqlParams) => recording.all<T>(sql, params)[0],
  };
  work(recording);
  return statements;
}

/** How SQLite runs each statement `work` reads: each line of each plan. */
export const plansOf = (db: Reader, work: (reader: Reader) => void): string[] =>
  recordedReads(db, work).flatMap(([sql, params]) => db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((row) => row.detail));
