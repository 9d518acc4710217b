import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Ledger } from '../../src/core/ledger';
import { migrate, SCHEMA_VERSION, schemaVersionOf } from '../../src/core/schema/migrations';
import { seedSigningKey } from '../../src/core/rollup/signing-key';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { LedgerStore } from '../../src/core/storage/store';
import { ok } from '../../src/shared/result';
import { failure, unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

vi.mock('../../src/core/storage/kdf', async () => (await import('../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const PASSWORD = 'schema-test-password';

/**
 * A ledger as the last release wrote it (schema 5, before petition words and unit groups), with data
 * in it: its single pollution kind is carried over into the list of kinds.
 */
const RELEASED = 5;
async function previousVersionLedger(): Promise<string> {
  const path = join(tempDir(), 'old.duban');
  const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
  unwrap(store.write((w) => migrate(w, RELEASED)));
  unwrap(
    store.write((w) => {
      const at = '2026-01-05T09:00:00.000+08:00';
      w.run("INSERT INTO units (name, kind, created_at, updated_at) VALUES ('自治区生态环境厅', 'supervised', ?, ?)", [at, at]);
      w.run(
        "INSERT INTO tasks (number, problem, deadline_kind, status, created_at, updated_at) VALUES ('1', '入河排污口整治滞后', 'ongoing', 'in_progress', ?, ?)",
        [at, at],
      );
      w.run("INSERT INTO task_units (task_id, unit_id, role) VALUES (1, 1, 'lead')");
      w.run(
        "INSERT INTO petition_cases (receipt_number, problem, pollution_kind, completion, created_at, updated_at) VALUES ('D1', '噪声扰民', 'noise', 'pending', ?, ?)",
        [at, at],
      );
      return ok(undefined);
    }),
  );
  unwrap(store.close());
  return path;
}

describe('schema migrations', () => {
  it('bring a ledger of the previous version up to date, keeping its data', async () => {
    const path = await previousVersionLedger();
    const ledger = unwrap(await Ledger.open(path, { password: PASSWORD }));
    expect(schemaVersionOf(ledger.context.db)).toBe(SCHEMA_VERSION);
    expect(ledger.units.list().map((u) => u.name)).toEqual(['自治区生态环境厅']);
    expect(ledger.context.db.get('SELECT problem FROM tasks')).toEqual({ problem: '入河排污口整治滞后' });
    // The tables of the new version are there and usable.
    expect(ledger.petitions.findByReceipt('D1')).toMatchObject({ pollutionKinds: ['noise'], accountability: '', extraColumns: [] });
    expect(ledger.unitGroups.list()).toEqual([]);
    const key = unwrap(ledger.rollup.signingKey()).fingerprint;
    unwrap(ledger.close());
    const reopened = unwrap(await Ledger.open(path, { password: PASSWORD }));
    expect(unwrap(reopened.rollup.signingKey()).fingerprint).toBe(key);
    unwrap(reopened.close());
    const again = unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true }));
    expect(schemaVersionOf(again.db)).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('keep the signing key a ledger of version 11 made on first need', async () => {
    const path = join(tempDir(), 'keyed.duban');
    const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
    unwrap(store.write((w) => migrate(w, 11)));
    unwrap(store.write((w) => ok(seedSigningKey(w))));
    const made = store.db.get<{ value: string }>("SELECT value FROM settings WHERE key = 'report.signingKey'");
    unwrap(store.close());
    const ledger = unwrap(await Ledger.open(path, { password: PASSWORD }));
    expect(ledger.context.db.get("SELECT value FROM settings WHERE key = 'report.signingKey'")).toEqual(made);
    unwrap(ledger.close());
  });

  it('number the shipped 通报’s overdue tasks （一）（二） under 二、 where a template still holds the shipped lines', async () => {
    const path = join(tempDir(), 'notice.duban');
    const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
    unwrap(store.write((w) => migrate(w, 17)));
    const shipped = '二、存在的问题\n{{#逾期任务}}\n（{{序号}}）{{整改任务}}。整改时限为{{整改时限}}。\n{{/逾期任务}}';
    const reworded = '二、存在的问题\n{{#逾期任务}}\n（{{序号}}）{{整改任务}}，请抓紧。\n{{/逾期任务}}';
    unwrap(
      store.write((w) => {
        const at = '2026-01-05T09:00:00.000+08:00';
        for (const [name, source] of [
          ['通报', shipped],
          ['改过的通报', reworded],
        ])
          w.run("INSERT INTO document_templates (name, format, source, created_at, updated_at) VALUES (?, 'standard', ?, ?, ?)", [name!, source!, at, at]);
        return ok(undefined);
      }),
    );
    unwrap(store.close());
    const ledger = unwrap(await Ledger.open(path, { password: PASSWORD }));
    const source = (name: string) => ledger.context.db.get<{ source: string }>('SELECT source FROM document_templates WHERE name = ?', [name])?.source;
    expect(source('通报')).toBe('二、存在的问题\n{{#逾期任务}}\n（{{中文序号}}）{{整改任务}}。整改时限为{{整改时限}}。\n{{/逾期任务}}');
    expect(source('改过的通报')).toBe(reworded);
    unwrap(ledger.close());
  });

  it('upgrade a ledger opened read-only in memory only, leaving the file as it was', async () => {
    const path = await previousVersionLedger();
    const reader = unwrap(await Ledger.open(path, { password: PASSWORD }, { readOnly: true }));
    expect(schemaVersionOf(reader.context.db)).toBe(SCHEMA_VERSION);
    reader.close();
    const raw = unwrap(await LedgerStore.open(path, { password: PASSWORD }, { readOnly: true }));
    expect(schemaVersionOf(raw.db)).toBe(RELEASED);
    raw.close();
  });

  it('refuse a ledger written by a newer version of Duban, changing nothing', async () => {
    const path = join(tempDir(), 'newer.duban');
    const { store } = unwrap(await LedgerStore.create(path, { password: PASSWORD, kdf: KDF_FLOOR }));
    unwrap(store.write((w) => migrate(w)));
    unwrap(store.write((w) => ok(w.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`))));
    unwrap(store.close());
    expect(failure(await Ledger.open(path, { password: PASSWORD }))).toEqual({
      code: 'ledger.newer_schema',
      params: { version: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION },
    });
    // The refusal released the lock: the file can be opened again.
    expect(failure(await Ledger.open(path, { password: PASSWORD })).code).toBe('ledger.newer_schema');
  });
});
