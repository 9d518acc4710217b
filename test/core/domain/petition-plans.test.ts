import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { listPetitions } from '../../../src/core/petitions/service';
import type { PetitionPage, PetitionQuery } from '../../../src/core/petitions/model';
import { ledgerFactory } from '../../helpers/ledger';
import { plansOf, recordedReads } from '../../helpers/plans';
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
const listPlans = (l: Ledger, query: PetitionQuery): string[] => plansOf(l.context.db, (reader) => unwrap(listPetitions(reader, query)));

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

/** How SQLite counts the matches of `query`: each line of the count's plan. */
function countPlan(l: Ledger, query: PetitionQuery): string[] {
  const counts = recordedReads(l.context.db, (reader) => unwrap(listPetitions(reader, query))).filter(([sql]) => sql.startsWith('SELECT count(*)'));
  expect(counts).toHaveLength(1);
  const [sql, params] = counts[0]!;
  return l.context.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((row) => row.detail);
}

describe('the count of a searched petition list', () => {
  it('tests each match’s filters in the narrow index of filtered columns, one lookup by id a match, not in the cases', async () => {
    ledger = await newLedger();
    for (const query of [
      { search: '异味', completions: ['pending', 'stage_completed'] },
      { search: '砂石场', unitId: 1, truth: 'true', batch: 2 },
    ] satisfies PetitionQuery[]) {
      const plan = countPlan(ledger, query).join('\n');
      expect(plan, JSON.stringify(query)).toContain('COVERING INDEX petition_cases_match_filters (id=?)');
      expect(plan, JSON.stringify(query)).not.toContain('INTEGER PRIMARY KEY');
    }
  });

  it('counts a search filtered on nothing else in the search index alone', async () => {
    ledger = await newLedger();
    const plan = countPlan(ledger, { search: '异味' }).join('\n');
    expect(plan).toContain('petition_search');
    expect(plan).not.toMatch(/petition_cases|INTEGER PRIMARY KEY/);
  });

  it('reads the cases when a filter or the search needs more of them than the index holds', async () => {
    ledger = await newLedger();
    expect(countPlan(ledger, { search: '异味', pollutionKind: 'water' }).join('\n')).not.toContain('petition_cases_match_filters');
    expect(countPlan(ledger, { search: '异' }).join('\n')).not.toContain('petition_cases_match_filters');
  });
});

describe('a whole receipt number searched among cases that share its prefix', () => {
  it('asks the index for its rarest bigrams only, and finds exactly its case', async () => {
    ledger = await newLedger();
    unwrap(
      ledger.store.write((w) => {
        for (let n = 1; n <= 400; n++) {
          w.run(
            `INSERT INTO petition_cases (receipt_number, subject, problem, region, pollution_kinds, completion, created_at, updated_at)
             VALUES (?, '某公司', '夜间排放异味', '河西村', '["other"]', 'pending', '2026-12-01', '2026-12-01')`,
            [`D1500002023${String(n).padStart(8, '0')}`],
          );
        }
        return { ok: true, value: undefined };
      }),
    );
    let page: PetitionPage | undefined;
    const reads = recordedReads(ledger.context.db, (reader) => {
      page = unwrap(listPetitions(reader, { search: 'D150000202300000345' }));
    });
    const asked = reads.filter(([sql]) => sql.includes('MATCH $match')).map(([, params]) => (params as Record<string, unknown>).match);
    expect(page!.rows.map((row) => row.receiptNumber)).toEqual(['D150000202300000345']);
    expect(page!.total).toBe(1);
    // Three bigrams, each quoted on its own: not the phrase of all eighteen, most of them in every case.
    for (const expression of asked) expect(expression).toMatch(/^"[^ "]+" "[^ "]+" "[^ "]+"$/);
    expect(asked.length).toBeGreaterThan(0);
  });
});
