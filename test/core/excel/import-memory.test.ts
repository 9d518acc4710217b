import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LedgerContext } from '../../../src/core/context';
import type { Ledger } from '../../../src/core/ledger';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

/** Each workbook read, held weakly: whether anything still holds it once the collector has run. */
const read: WeakRef<object>[] = [];
vi.mock('../../../src/core/excel/read/source', async (original) => {
  const source = await original<typeof import('../../../src/core/excel/read/source')>();
  return {
    ...source,
    loadWorkbook: async (...args: Parameters<typeof source.loadWorkbook>) => {
      const loaded = await source.loadWorkbook(...args);
      if (loaded.ok) read.push(new WeakRef(loaded.value.workbook.sheets[0]!));
      return loaded;
    },
  };
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const workbook = () =>
  sheetBytes([['受理编号', '反映问题', '责任单位'], ...Array.from({ length: 50 }, (_, i) => [`M${i}`, `第${i}件：夜间偷排废水`, '甲市人民政府'])]);

/** Whether the sheet read is still held when the import's transaction begins. */
function sheetHeldWhileWriting(importId: string): { held: boolean; created: number } {
  const context = ledger.context as { write: LedgerContext['write'] };
  const write = context.write;
  let held = false;
  context.write = (work) => {
    gc();
    held = read.at(-1)!.deref() !== undefined;
    return write(work);
  };
  try {
    const { created } = unwrap(ledger.exchange.imports.apply(importId));
    return { held, created };
  } finally {
    context.write = write;
  }
}

describe('an import being applied', () => {
  // A 50,000-row workbook is some 43 MB of cells: kept while the rows are written, the collector sizes the heap for it and more.
  it('has let the workbook it read go before its rows are written', async () => {
    ledger = await newLedger();
    addUnits(ledger, ['甲市人民政府']);
    const preview = unwrap(await ledger.exchange.imports.preview({ fileName: '信访件.xlsx', bytes: new Uint8Array(await workbook()) }, { kind: 'petitions' }));
    expect([preview.kind, preview.counts.create]).toEqual(['petitions', 50]);
    // WeakRefs made in a task keep their target until it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(sheetHeldWhileWriting(preview.importId)).toEqual({ held: false, created: 50 });
  });
});
