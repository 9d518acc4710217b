import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { listPetitions } from '../../../src/core/petitions/service';
import type { PetitionQuery } from '../../../src/core/petitions/model';
import type { Reader } from '../../../src/core/storage/database';
import type { SqlParams } from '../../../src/core/storage/journal';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

/** How SQLite would run the petition list's page sorted by `column`: a walk of an index, or a sort of every case. */
function planOf(l: Ledger, column: string): string {
  const plan = l.context.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT * FROM petition_cases p ORDER BY p.${column} DESC, p.id DESC LIMIT 100`);
  return plan.map((row) => row.detail).join('\n');
}

/** The plans of the statements the list runs for `query`, each line of each plan. */
function listPlans(l: Ledger, query: PetitionQuery): string[] {
  const db = l.context.db;
  const statements: [string, SqlParams | undefined][] = [];
  const recording: Reader = {
    all: (sql, params) => {
      statements.push([sql, params]);
      return db.all(sql, params);
    },
    get: <T>(sql: string, params?: SqlParams) => recording.all<T>(sql, params)[0],
  };
  unwrap(listPetitions(recording, query));
  return statements.flatMap(([sql, params]) => db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((row) => row.detail));
}

describe('the petition list of 200,000 cases', () => {
  it('reads a page sorted by hand-over date or by last change from an index, never sorting every case', async () => {
    ledger = await newLedger();
    for (const column of ['handed_over_on', 'updated_at', 'receipt_number', 'batch']) {
      expect(planOf(ledger, column)).not.toContain('TEMP B-TREE');
    }
  });

  it('searches two characters or more in the search index, and counts without reading every case', async () => {
    ledger = await newLedger();
    for (const query of [
      { search: '异味', completions: ['pending', 'stage_completed'] },
      { search: '2026-001', sort: 'handedOverOn', descending: true },
      { completions: ['completed'], truth: 'true', pollutionKind: 'water' },
      { unitId: 1 },
      { batch: 2, sort: 'updatedAt' },
    ] satisfies PetitionQuery[]) {
      const plans = listPlans(ledger, query);
      expect(plans, JSON.stringify(query)).not.toContain('SCAN p');
      if (query.search) expect(plans.join('\n')).toContain('petition_search');
    }
  });
});
