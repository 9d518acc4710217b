import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { listAudit } from '../../../src/core/audit/audit-log';
import { ledgerFactory } from '../../helpers/ledger';
import { failure, unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { ok } from '../../../src/shared/result';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const EPB = { name: '自治区生态环境厅', kind: 'supervised' as const, contacts: [{ name: '王建国', position: '办公室主任', phone: '0471-6941001' }] };

describe('units', () => {
  it('creates a unit with its contacts, and finds it by name or short name', async () => {
    ledger = await newLedger();
    const unit = unwrap(ledger.units.create({ ...EPB, shortName: '生态环境厅' }));
    expect(unit).toMatchObject({ name: '自治区生态环境厅', kind: 'supervised', archived: false, contacts: [{ name: '王建国', phone: '0471-6941001' }] });
    expect(ledger.units.findByName(' 自治区 生态环境厅 ')?.id).toBe(unit.id);
    expect(ledger.units.findByName('生态环境厅')?.id).toBe(unit.id);
    expect(ledger.units.findByName('水利厅')).toBeUndefined();
  });

  it('says in field terms what is wrong with the input', async () => {
    ledger = await newLedger();
    const error = failure(ledger.units.create({ name: '  ', kind: 'ministry' as never, contacts: [{ name: '李', phone: 'abc' }] }));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'required' },
        { field: 'kind', code: 'invalid_choice' },
        { field: 'contacts.0.phone', code: 'invalid_phone' },
      ]),
    );
    expect(failure(ledger.units.create({ name: '单'.repeat(101), kind: 'city' })).fields).toEqual([{ field: 'name', code: 'too_long', params: { max: 100 } }]);
  });

  it('refuses a second unit of the same name', async () => {
    ledger = await newLedger();
    unwrap(ledger.units.create(EPB));
    expect(failure(ledger.units.create(EPB)).fields).toEqual([{ field: 'name', code: 'duplicate' }]);
  });

  it('updates a unit, replacing its contacts, and records before and after', async () => {
    ledger = await newLedger();
    const unit = unwrap(ledger.units.create(EPB));
    const updated = unwrap(ledger.units.update(unit.id, { ...EPB, address: '新华大街124号', contacts: [{ name: '赵文静', phone: '0471-6941007' }] }));
    expect(updated.contacts).toEqual([{ name: '赵文静', position: '', phone: '0471-6941007' }]);
    const [change] = listAudit(ledger.context.db, { entity: 'unit', entityId: unit.id });
    expect(change).toMatchObject({ action: 'update', actor: '测试员' });
    expect((change!.before as { contacts: unknown[] }).contacts).toHaveLength(1);
    expect((change!.after as { address: string }).address).toBe('新华大街124号');
  });

  it('deletes an unused unit but refuses one that something refers to', async () => {
    ledger = await newLedger();
    const unused = unwrap(ledger.units.create({ name: '自治区水利厅', kind: 'supervised' }));
    unwrap(ledger.units.remove(unused.id));
    expect(failure(ledger.units.get(unused.id)).code).toBe('not_found');
    const used = unwrap(ledger.units.create(EPB));
    unwrap(
      ledger.context.write((tx) =>
        ok(
          tx.run('INSERT INTO meetings (held_on, kind, title, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
            '2026-11-01',
            'office',
            '厅务会',
            used.id,
            tx.at,
            tx.at,
          ]),
        ),
      ),
    );
    expect(failure(ledger.units.remove(used.id))).toMatchObject({ code: 'in_use', params: { uses: 'meetings:1' } });
  });

  it('lists active units in their order, archived ones only when asked', async () => {
    ledger = await newLedger();
    unwrap(ledger.units.create({ name: '东川市人民政府', kind: 'city' }));
    unwrap(ledger.units.create({ name: '自治区林业和草原局', kind: 'supervised' }));
    unwrap(ledger.units.create({ name: '自治区发展改革委', kind: 'resident' }));
    unwrap(ledger.units.create({ name: '已撤并单位', kind: 'supervised', archived: true }));
    expect(ledger.units.list().map((u) => u.name)).toEqual(['自治区发展改革委', '自治区林业和草原局', '东川市人民政府']);
    expect(ledger.units.list({ includeArchived: true })).toHaveLength(4);
    expect(ledger.units.list({ kind: 'city' }).map((u) => u.name)).toEqual(['东川市人民政府']);
  });
});
