import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../../src/core/ledger';
import type { Reader } from '../../../src/core/storage/database';
import { ok } from '../../../src/shared/result';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory, TEST_PASSWORD } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

/**
 * Rows enough for megabytes of changed pages: more than SQLite's page cache holds, so pages of the
 * ledger as it was reach sql.js's file before the commit, and only the rollback journal has them back.
 */
const ROWS = 1_200;
const FAILING = 'R1100';
const PROBLEM = '企业夜间偷排废水，河道发黑发臭，周边居民多次反映未见整改。'.repeat(20);

const workbook = (completion: string, problem: string) =>
  sheetBytes([
    ['受理编号', '反映问题', '责任单位', '办结情况'],
    ...Array.from({ length: ROWS }, (_, i) => [`R${i}`, `${i} ${completion} ${problem}`, '甲市人民政府', completion]),
  ]);

async function importPetitions(completion: string, problem = PROBLEM) {
  const bytes = new Uint8Array(await workbook(completion, problem));
  return unwrap(await ledger.exchange.imports.preview({ fileName: '信访件.xlsx', bytes }, { kind: 'petitions' }));
}

const count = (sql: string) => ledger.context.db.get<{ n: number }>(sql)!.n;

describe('an import whose write fails in the middle', () => {
  it('leaves the ledger exactly as it was: in memory, on disk, and ready for the next change', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['甲市人民政府']);
    unwrap(ledger.exchange.imports.apply((await importPetitions('未办结')).importId));
    // SQLite itself refuses one row far into the next import: a statement failing inside the transaction.
    unwrap(
      ledger.context.write((tx) =>
        ok(tx.run(`CREATE TRIGGER refuse BEFORE UPDATE ON petition_cases WHEN OLD.receipt_number = '${FAILING}' BEGIN SELECT RAISE(ABORT, 'refused'); END`)),
      ),
    );
    const image = Buffer.from(ledger.store.plainImage());
    const stored = ledger.store.info();
    const preview = await importPetitions('已办结');
    expect(preview.counts.update).toBe(ROWS);

    expect(() => ledger.exchange.imports.apply(preview.importId)).toThrow('refused');

    expect(Buffer.from(ledger.store.plainImage()).equals(image)).toBe(true);
    expect(ledger.store.info()).toMatchObject({ generation: stored.generation, journalRecords: stored.journalRecords, journalBytes: stored.journalBytes });
    unwrap(ledger.petitions.create({ receiptNumber: 'A1', problem: '导入失败之后', pollutionKinds: ['air'] }));
    const completed = "SELECT count(*) AS n FROM petition_cases WHERE completion = 'completed'";
    expect([count('SELECT count(*) AS n FROM petition_cases'), count(completed)]).toEqual([ROWS + 1, 0]);
    unwrap(ledger.verify());
    const path = ledger.store.path;
    ledger.close();
    ledger = unwrap(await Ledger.open(path, { password: TEST_PASSWORD }));
    expect([count('SELECT count(*) AS n FROM petition_cases'), count(completed)]).toEqual([ROWS + 1, 0]);
    unwrap(ledger.verify());
  });

  it('leaves the indexes it built after its rows as they were, and builds them whole when it lands', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['甲市人民政府']);
    const indexes = (db: Reader) => db.all("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'petition_cases' ORDER BY name");
    const schema = indexes(ledger.context.db);
    unwrap(
      ledger.context.write((tx) =>
        ok(tx.run(`CREATE TRIGGER refuse BEFORE INSERT ON petition_cases WHEN NEW.receipt_number = '${FAILING}' BEGIN SELECT RAISE(ABORT, 'refused'); END`)),
      ),
    );
    const image = Buffer.from(ledger.store.plainImage());
    // Short texts: the import is journalled statement by statement, the indexes' dropping and building among them.
    const refused = await importPetitions('未办结', '偷排');
    expect(refused.counts.create).toBe(ROWS);

    expect(() => ledger.exchange.imports.apply(refused.importId)).toThrow('refused');

    expect(Buffer.from(ledger.store.plainImage()).equals(image)).toBe(true);
    unwrap(ledger.context.write((tx) => ok(tx.run('DROP TRIGGER refuse'))));
    const journalled = ledger.store.info().journalRecords;
    unwrap(ledger.exchange.imports.apply((await importPetitions('未办结', '偷排')).importId));
    expect(ledger.store.info().journalRecords).toBe(journalled + 1);
    expect(count('SELECT count(*) AS n FROM petition_cases')).toBe(ROWS);
    expect(indexes(ledger.context.db)).toEqual(schema);
    expect(ledger.context.db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    unwrap(ledger.verify());
    // Another opener replays the journal onto the file's last snapshot: the same rows, the same indexes.
    const reader = unwrap(await Ledger.open(ledger.store.path, { password: TEST_PASSWORD }, { readOnly: true }));
    expect(indexes(reader.context.db)).toEqual(schema);
    expect(reader.context.db.get<{ n: number }>('SELECT count(*) AS n FROM petition_cases')!.n).toBe(ROWS);
    reader.close();
  });
});
