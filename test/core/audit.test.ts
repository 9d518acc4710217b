import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../src/core/ledger';
import { listAudit, verifyAuditChain } from '../../src/core/audit/audit-log';
import { SCHEMA_VERSION } from '../../src/core/schema/migrations';
import { ok } from '../../src/shared/result';
import { ledgerFactory, manualClock } from '../helpers/ledger';
import { failure, unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

vi.mock('../../src/core/storage/kdf', async () => (await import('../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

async function ledgerWithHistory() {
  const time = manualClock('2026-11-24T09:00:00+08:00');
  ledger = await newLedger({ clock: time.clock, actor: '张三' });
  const unit = unwrap(ledger.units.create({ name: '自治区水利厅', kind: 'supervised' }));
  time.set('2026-11-24T10:30:00+08:00');
  unwrap(ledger.units.update(unit.id, { name: '自治区水利厅', kind: 'resident' }));
  unwrap(ledger.units.create({ name: '自治区农牧厅', kind: 'supervised' }));
  unwrap(ledger.units.remove(unit.id));
  return unit.id;
}

const tamper = (sql: string, params: (string | number)[] = []) => unwrap(ledger.context.write((tx) => ok(tx.run(sql, params))));

describe('the audit log', () => {
  it('records who changed what and when, with the entity before and after', async () => {
    const unitId = await ledgerWithHistory();
    const entries = listAudit(ledger.context.db, { entity: 'unit', entityId: unitId });
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    const [, update, create] = entries;
    expect(create).toMatchObject({ actor: '张三', at: expect.stringMatching(/^2026-11-24T\d\d:00:00\.000[+-]\d\d:\d\d$/), before: null });
    expect(update!.before).toMatchObject({ kind: 'supervised' });
    expect(update!.after).toMatchObject({ kind: 'resident' });
    expect(entries[0]!.after).toBeNull();
    expect(unwrap(verifyAuditChain(ledger.context.db, ledger.store.auditKey)).entries).toBe(4);
    expect(unwrap(ledger.verify())).toMatchObject({ auditEntries: 4, schemaVersion: SCHEMA_VERSION });
  });

  it('shows an entry altered in place', async () => {
    await ledgerWithHistory();
    tamper("UPDATE audit_log SET actor = '李四' WHERE id = 2");
    expect(failure(verifyAuditChain(ledger.context.db, ledger.store.auditKey))).toEqual({ code: 'ledger.audit_broken', params: { id: 2 } });
  });

  it('shows an entry removed from the middle', async () => {
    await ledgerWithHistory();
    tamper('DELETE FROM audit_log WHERE id = 3');
    expect(failure(verifyAuditChain(ledger.context.db, ledger.store.auditKey))).toEqual({ code: 'ledger.audit_broken', params: { id: 4 } });
  });

  it('shows entries removed from the end', async () => {
    await ledgerWithHistory();
    tamper('DELETE FROM audit_log WHERE id >= 3');
    expect(failure(verifyAuditChain(ledger.context.db, ledger.store.auditKey)).code).toBe('ledger.audit_broken');
  });
});
