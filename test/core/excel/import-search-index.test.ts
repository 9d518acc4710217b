import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { ok } from '../../../src/shared/result';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const CASES = 10;

/** The inspectors' ledger as sent each month: the same cases, their handling moved on. */
const workbook = (problem: (i: number) => string, completion: string) =>
  sheetBytes([
    ['受理编号', '被举报对象', '反映问题', '行政区域', '责任单位', '办结情况'],
    ...Array.from({ length: CASES }, (_, i) => [`R${i}`, `恒达砂石场${i}`, problem(i), '河西村', '甲市人民政府', completion]),
  ]);

async function importPetitions(problem: (i: number) => string, completion: string) {
  const bytes = new Uint8Array(await workbook(problem, completion));
  const preview = unwrap(await ledger.exchange.imports.preview({ fileName: '信访件.xlsx', bytes }, { kind: 'petitions' }));
  return unwrap(ledger.exchange.imports.apply(preview.importId));
}

/** The search index's segments as FTS4 keeps them: every write to the index adds one. */
const segments = () => ledger.context.db.all('SELECT level, idx, start_block, end_block, root FROM petition_search_segdir ORDER BY level, idx');
const found = (search: string) => unwrap(ledger.petitions.list({ search, limit: 100 })).total;

/**
 * An import updates cases by setting every column, their text included. FTS4 takes a case's old
 * bigrams out one statement at a time, each a segment of its own, and a ledger of 200,000 cases
 * paid about a millisecond a case for it (docs/performance.md).
 */
describe('an import updating cases the search index holds', () => {
  it('leaves the index alone when the cases say what they said', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['甲市人民政府']);
    expect((await importPetitions((i) => `夜间排放异味${i}`, '未办结')).created).toBe(CASES);
    const before = segments();

    expect((await importPetitions((i) => `夜间排放异味${i}`, '已办结')).updated).toBe(CASES);

    expect(segments()).toEqual(before);
    expect([found('排放异味'), found('恒达砂石场3'), found('河西村')]).toEqual([CASES, 1, CASES]);
  });

  it('takes the cases whose text changed out of the index together, and finds them by their new text only', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['甲市人民政府']);
    await importPetitions((i) => `夜间排放异味${i}`, '未办结');
    const before = segments().length;

    expect((await importPetitions((i) => `白天粉尘扰民${i}`, '已办结')).updated).toBe(CASES);

    // One segment for the old bigrams taken out, one for the new put in; one a case before.
    expect(segments().length - before).toBeLessThanOrEqual(2);
    expect([found('排放异味'), found('粉尘扰民'), found('粉尘扰民7')]).toEqual([0, CASES, 1]);
    unwrap(ledger.context.write((tx) => ok(tx.run("INSERT INTO petition_search (petition_search) VALUES ('integrity-check')"))));
  });
});
