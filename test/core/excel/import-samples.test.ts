import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const WORKBOOKS = join(import.meta.dirname, '..', '..', 'fixtures', 'workbooks');
const sample = (name: string) => ({ path: join(WORKBOOKS, name) });
const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

describe('the sample workbooks, as LibreOffice wrote them', () => {
  it('units.xlsx: 13 units with their kinds and contacts', async () => {
    ledger = await newLedger();
    const { preview, result } = unwrap(await ledger.exchange.imports.importFile(sample('units.xlsx'), {}, false));
    expect(preview.kind).toBe('units');
    expect(preview.counts).toMatchObject({ create: 13, update: 0, error: 0, skip: 0 });
    expect(result).toMatchObject({ created: 13 });
    const units = ledger.units.list();
    expect(units).toHaveLength(13);
    expect(units.find((u) => u.name === '青山盟行政公署')).toMatchObject({ kind: 'city', contacts: [{ name: '何振华', phone: '0482-5110005' }] });
    expect(units.find((u) => u.name === '自治区生态环境厅')).toMatchObject({ kind: 'supervised', address: '呼和浩特市新华大街124号' });
  });

  it('rectification-tasks.xlsx: the 14 tasks, under a merged title and a subtitle row', async () => {
    ledger = await newLedger();
    unwrap(await ledger.exchange.imports.importFile(sample('units.xlsx'), {}, false));
    const first = unwrap(await ledger.exchange.imports.preview(sample('rectification-tasks.xlsx')));
    expect(first).toMatchObject({ kind: 'tasks', headerRows: [3] });
    console.log(JSON.stringify(first.units, null, 1), JSON.stringify(first.rows.filter((r) => r.action === 'error'), null, 1), first.counts);
  });
});
