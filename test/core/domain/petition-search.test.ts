import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../../src/core/ledger';
import { PETITION_SEARCH } from '../../../src/core/petitions/search';
import { migrate } from '../../../src/core/schema/migrations';
import type { Writer } from '../../../src/core/storage/database';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { LedgerStore } from '../../../src/core/storage/store';
import { ok } from '../../../src/shared/result';
import { type Edit, editRows, edits, likeCondition, searchesIn, text } from '../../helpers/bigram-search';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
let ledger: Ledger;
beforeAll(async () => {
  ledger = await newLedger();
});
afterAll(() => ledger.close());

interface Case {
  readonly receiptNumber: string;
  readonly subject: string;
  readonly problem: string;
  readonly region: string;
}

const cases = fc.uniqueArray(fc.record({ receiptNumber: text, subject: text, problem: text, region: text }), {
  maxLength: 12,
  selector: (c) => c.receiptNumber,
});

/** Searches: anything typed, and pieces of what the cases say. */
const searches = (written: readonly Case[]) => searchesIn(written.flatMap((c) => [c.receiptNumber, c.problem, c.region]));

function insert(w: Writer, written: readonly Case[]): void {
  for (const c of written) {
    w.run(
      `INSERT INTO petition_cases (receipt_number, subject, problem, region, pollution_kinds, completion, created_at, updated_at)
       VALUES (?, ?, ?, ?, '["other"]', 'pending', '2026-12-01', '2026-12-01')`,
      [c.receiptNumber, c.subject, c.problem, c.region],
    );
  }
}

/** The cases, then the edits: in the same write (the cases not indexed yet) or in the next (indexed). */
function write(written: readonly Case[], changes: readonly Edit[], apart: boolean): void {
  if (apart) unwrap(ledger.store.write((w) => ok(insert(w, written))));
  unwrap(
    ledger.store.write((w) => {
      if (!apart) insert(w, written);
      return ok(editRows(w, PETITION_SEARCH, changes));
    }),
  );
}

/** What the list found before the search index: LIKE over the four columns. */
function likeSearch(search: string): number[] {
  const like = likeCondition(['receipt_number', 'subject', 'problem', 'region'], search);
  return ledger.context.db.all<{ id: number }>(`SELECT id FROM petition_cases WHERE ${like.sql} ORDER BY receipt_number, id`, like.params).map((row) => row.id);
}

describe('the petition search', () => {
  it('finds exactly the cases that LIKE finds, whatever the cases say and whatever is searched', () => {
    fc.assert(
      fc.property(
        cases.chain((written) => fc.tuple(fc.constant(written), edits, fc.boolean(), searches(written))),
        ([written, changes, apart, typed]) => {
          write(written, changes, apart);
          try {
            for (const search of typed) {
              const page = unwrap(ledger.petitions.list({ search, limit: 1000 }));
              const expected = likeSearch(search.trim());
              expect(
                page.rows.map((row) => row.id),
                JSON.stringify(search),
              ).toEqual(expected);
              expect(page.total).toBe(expected.length);
            }
          } finally {
            unwrap(ledger.store.write((w) => ok(w.run('DELETE FROM petition_cases'))));
          }
        },
      ),
      { numRuns: 150 },
    );
    // The index holds what its content says, no more: the deleted and changed cases' old bigrams are gone.
    unwrap(ledger.store.write((w) => ok(w.run("INSERT INTO petition_search (petition_search) VALUES ('integrity-check')"))));
  });

  it('finds no search that runs from the end of one column into the next', () => {
    // The receipt number ends with 恒达 and the subject begins with 达砂: their bigrams 恒达 and 达砂 follow each other.
    write([{ receiptNumber: 'D1恒达', subject: '达砂石场', problem: '异味', region: '' }], [], false);
    try {
      expect(unwrap(ledger.petitions.list({ search: '恒达砂' })).total).toBe(0);
      expect(unwrap(ledger.petitions.list({ search: '达砂石' })).total).toBe(1);
    } finally {
      unwrap(ledger.store.write((w) => ok(w.run('DELETE FROM petition_cases'))));
    }
  });

  it('finds the cases of a ledger written before the search index was kept', async () => {
    const path = join(tempDir(), 'v15.duban');
    const { store } = unwrap(await LedgerStore.create(path, { password: 'search-test-password', kdf: KDF_FLOOR }));
    unwrap(store.write((w) => migrate(w, 15)));
    unwrap(store.write((w) => ok(insert(w, [{ receiptNumber: 'D2026-001', subject: '恒达砂石场', problem: '夜间排放异味', region: '河西村' }]))));
    unwrap(store.close());
    const old = unwrap(await Ledger.open(path, { password: 'search-test-password' }));
    try {
      for (const search of ['2026-001', '恒达', '异味', '河西村']) expect(unwrap(old.petitions.list({ search })).total, search).toBe(1);
    } finally {
      old.close();
    }
  });
});
