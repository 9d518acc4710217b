import { createHash, createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../src/core/ledger';
import { anchorFolder } from '../../src/core/storage/anchor';
import type { LedgerDatabase, Writer } from '../../src/core/storage/database';
import { auditActors, type AuditRow, CHAIN_PAGE, listAudit, verifyAuditChain } from '../../src/core/audit/audit-log';
import { CHAIN_STEP } from '../../src/core/audit/service';
import { migrate, SCHEMA_VERSION } from '../../src/core/schema/migrations';
import { LedgerDatabase as Database } from '../../src/core/storage/database';
import { ok } from '../../src/shared/result';
import { ledgerFactory, manualClock, TEST_PASSWORD } from '../helpers/ledger';
import { failure, unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

vi.mock('../../src/core/storage/kdf', async () => (await import('../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
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

/** `count` more entries in one transaction, as an import makes them. */
function appendEntries(count: number): void {
  unwrap(
    ledger.context.write((tx) => {
      for (let i = 0; i < count; i++) tx.audit({ action: 'create', entity: 'unit', entityId: 1_000 + i, before: null, after: { name: `第${i}单位` } });
      return ok(undefined);
    }),
  );
}

/** The chain's entries read from now on: how many in all, and the most any one read brought. */
function chainReads() {
  const all = vi.spyOn(ledger.store.db as LedgerDatabase, 'all');
  const reads = () =>
    all.mock.calls.flatMap(([sql], i) => (/FROM audit_log WHERE id > \?/.test(sql) ? [(all.mock.results[i]!.value as unknown[]).length] : []));
  return { rows: () => reads().reduce((a, b) => a + b, 0), most: () => Math.max(0, ...reads()), stop: () => all.mockRestore() };
}

describe('a long audit chain', () => {
  it('is read a page at a time, and an entry broken beyond the first page is found', async () => {
    await ledgerWithHistory();
    appendEntries(2 * CHAIN_PAGE + 10);
    const reads = chainReads();
    expect(unwrap(verifyAuditChain(ledger.context.db, ledger.store.auditKey)).entries).toBe(4 + 2 * CHAIN_PAGE + 10);
    expect(reads.rows()).toBe(4 + 2 * CHAIN_PAGE + 10);
    expect(reads.most()).toBe(CHAIN_PAGE);
    reads.stop();

    tamper("UPDATE audit_log SET actor = '李四' WHERE id = ?", [CHAIN_PAGE + 7]);
    expect(failure(verifyAuditChain(ledger.context.db, ledger.store.auditKey))).toEqual({ code: 'ledger.audit_broken', params: { id: CHAIN_PAGE + 7 } });
  });

  it('is walked on from where the ledger last found it whole, and from the first entry when that entry changed', async () => {
    await ledgerWithHistory();
    appendEntries(CHAIN_PAGE + 10);
    expect(unwrap(ledger.audit.verify()).entries).toBe(CHAIN_PAGE + 14);

    unwrap(ledger.units.create({ name: '自治区林草局', kind: 'supervised' }));
    unwrap(ledger.units.create({ name: '自治区生态环境厅', kind: 'supervised' }));
    const reads = chainReads();
    expect(unwrap(ledger.audit.verify()).entries).toBe(CHAIN_PAGE + 16);
    expect(reads.rows()).toBe(2);

    unwrap(ledger.units.create({ name: '自治区草原站', kind: 'supervised' }));
    tamper("UPDATE audit_log SET actor = '李四' WHERE id = ?", [CHAIN_PAGE + 17]);
    expect(failure(ledger.audit.verify())).toEqual({ code: 'ledger.audit_broken', params: { id: CHAIN_PAGE + 17 } });
    tamper("UPDATE audit_log SET actor = '张三' WHERE id = ?", [CHAIN_PAGE + 17]);
    expect(unwrap(ledger.audit.verify()).entries).toBe(CHAIN_PAGE + 17);

    // The entry it would walk on from carries another hash now: the walk starts again, and finds that entry broken.
    tamper("UPDATE audit_log SET actor = '李四', hash = ? WHERE id = ?", ['f'.repeat(64), CHAIN_PAGE + 17]);
    expect(failure(ledger.audit.verify())).toEqual({ code: 'ledger.audit_broken', params: { id: CHAIN_PAGE + 17 } });
    expect(reads.rows()).toBeGreaterThan(CHAIN_PAGE);
    reads.stop();
  });
});

describe("a province's audit chain", () => {
  it('is checked a step at a time, each step saying how far it got, and whole for the command line', async () => {
    await ledgerWithHistory();
    appendEntries(CHAIN_STEP + 10);
    const entries = CHAIN_STEP + 14;
    expect(unwrap(ledger.audit.verify())).toEqual({ entries, checked: CHAIN_STEP });
    tamper("UPDATE audit_log SET actor = '李四' WHERE id = ?", [CHAIN_STEP + 5]);
    expect(failure(ledger.audit.verify())).toEqual({ code: 'ledger.audit_broken', params: { id: CHAIN_STEP + 5 } });
    tamper("UPDATE audit_log SET actor = '张三' WHERE id = ?", [CHAIN_STEP + 5]);
    expect(unwrap(ledger.audit.verify())).toEqual({ entries, checked: CHAIN_STEP });
    expect(unwrap(ledger.audit.verify())).toEqual({ entries, checked: entries });
    expect(unwrap(ledger.verify()).auditEntries).toBe(entries);

    const path = ledger.store.path;
    ledger.close();
    ledger = unwrap(await Ledger.open(path, { password: TEST_PASSWORD }));
    expect(unwrap(ledger.verify()).auditEntries).toBe(entries);
  }, 60_000);

  it('is whole in one step when the step ends on its last entry', async () => {
    await ledgerWithHistory();
    appendEntries(CHAIN_STEP - 4);
    expect(unwrap(ledger.audit.verify())).toEqual({ entries: CHAIN_STEP, checked: CHAIN_STEP });
  }, 60_000);
});

describe('the history on the screen', () => {
  /** A ledger's schema with these entries in its history (no chain: only the lists read them). */
  async function history(entries: readonly { actor: string; entity: string }[]): Promise<Database> {
    const db = await Database.fromImage();
    db.transaction(
      (w) => {
        unwrap(migrate(w));
        entries.forEach(({ actor, entity }, i) =>
          w.run(
            "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES (?, '', ?, 'create', ?, ?, NULL, '{}', '', '')",
            [i + 1, actor, entity, i],
          ),
        );
        return ok(undefined);
      },
      () => ok(undefined),
    );
    return db;
  }

  it('names who changed the ledger, the first to change it first, leaving out changes made under no name', async () => {
    const db = await history(['王五', '', '张三', '王五', '赵六', '张三'].map((actor) => ({ actor, entity: 'unit' })));
    expect(auditActors(db)).toEqual(['王五', '张三', '赵六']);
  });

  it('reads a page of one kind of record, or of one person, newest first, from an index and without sorting', async () => {
    const db = await history(Array.from({ length: 50 }, (_, i) => ({ actor: i % 3 ? '王五' : '张三', entity: i % 2 ? 'unit' : 'petition_case' })));
    const asked = vi.spyOn(db, 'all');
    const units = listAudit(db, { entity: 'unit', limit: 5 });
    const zhang = listAudit(db, { actor: '张三', limit: 5 });
    expect(units.map((e) => e.id)).toEqual([50, 48, 46, 44, 42]);
    expect(zhang.map((e) => e.id)).toEqual([49, 46, 43, 40, 37]);
    for (const [sql, params] of asked.mock.calls.slice(0, 2)) {
      const plan = db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params).map((row) => row.detail);
      expect(plan.join(' | ')).toMatch(/USING (COVERING )?INDEX audit_log_(entity_order|actor)/);
      expect(plan.join(' | ')).not.toContain('TEMP B-TREE');
    }
  });
});

/** What someone who can run SQL on the ledger would do: alter an entry, then compute the whole chain again to fit. */
function rewriteHistory(tx: Writer, hash: () => ReturnType<typeof createHash> | ReturnType<typeof createHmac>) {
  tx.run("UPDATE audit_log SET actor = '李四' WHERE id = 1");
  let prev = '0'.repeat(64);
  let last = { id: 0, hash: prev };
  for (const row of tx.all<AuditRow>('SELECT * FROM audit_log ORDER BY id')) {
    const content = JSON.stringify([row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after]);
    const next = hash().update(prev).update('\n').update(content).digest('hex');
    tx.run('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?', [prev, next, row.id]);
    prev = next;
    last = { id: row.id, hash: next };
  }
  tx.run("UPDATE settings SET value = ? WHERE key = 'audit.head'", [JSON.stringify(last)]);
  return ok(undefined);
}

describe('the audit chain, rewritten', () => {
  it('by SQL with the plain SHA-256 a chain used to be: the keyed chain does not fit', async () => {
    await ledgerWithHistory();
    unwrap(ledger.context.write((tx) => rewriteHistory(tx, () => createHash('sha256'))));
    expect(failure(verifyAuditChain(ledger.context.db, ledger.store.auditKey)).code).toBe('ledger.audit_broken');
    expect(failure(ledger.verify()).code).toBe('ledger.audit_broken');
  });

  it('with the key, elsewhere (an insider with the password): this machine, having anchored the head, sees it', async () => {
    await ledgerWithHistory();
    const path = ledger.store.path;
    ledger.close();
    const here = anchorFolder(join(tempDir(), 'anchors'));
    unwrap(await Ledger.open(path, { password: TEST_PASSWORD }, { anchors: here })).close(); // seen here

    const elsewhere = unwrap(await Ledger.open(path, { password: TEST_PASSWORD }));
    const key = elsewhere.store.auditKey!;
    unwrap(elsewhere.context.write((tx) => rewriteHistory(tx, () => createHmac('sha256', key))));
    expect(unwrap(elsewhere.verify()).auditEntries).toBe(4); // the chain fits: only the anchor can tell
    elsewhere.close();

    ledger = unwrap(await Ledger.open(path, { password: TEST_PASSWORD }, { anchors: here }));
    expect(failure(ledger.audit.verify())).toMatchObject({ code: 'ledger.audit_rewritten', params: { id: 4 } });
    expect(failure(ledger.verify()).code).toBe('ledger.audit_rewritten');
  });
});
