import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AuditChange, RecordJson } from '../../../src/core/audit/model';
import type { Tx } from '../../../src/core/context';
import { createValidated, fromRowWithJson, type Row, type RowRecordSpec } from '../../../src/core/records';
import type { SqlValue } from '../../../src/core/storage/journal';
import { makeDate } from '../../../src/shared/dates';
import { ok } from '../../../src/shared/result';
import { databaseWith } from '../../helpers/database';

/** A table of every kind of column, two of them JSON, one of those with a default JSON writes otherwise ('[ ]'). */
const TABLE = `CREATE TABLE r (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  some_count INTEGER DEFAULT 0,
  amount REAL,
  kinds TEXT NOT NULL DEFAULT '[ ]',
  extras TEXT DEFAULT NULL,
  note,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
)`;

interface Values {
  title?: string;
  someCount?: SqlValue;
  amount?: number | null;
  kinds?: unknown[];
  extras?: unknown;
  note?: SqlValue;
}

const SPEC: RowRecordSpec<unknown, z.ZodType<Values>> = {
  entity: 'petition_case',
  table: 'r',
  schema: z.any(),
  load: () => undefined,
  json: ['extras', 'kinds'],
  columns: (values) => ({
    ...values,
    kinds: values.kinds && JSON.stringify(values.kinds),
    extras: values.extras === undefined ? undefined : JSON.stringify(values.extras),
  }),
};

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('"引号"\\\n', '\u2028', '12', '😀'));
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 1e21, 0.1));
const json = fc.jsonValue();
const values: fc.Arbitrary<Values> = fc.record(
  {
    title: text,
    someCount: fc.oneof(number, text, fc.constant(null)),
    amount: fc.oneof(number, fc.constant(null)),
    kinds: fc.array(json),
    extras: json,
    note: fc.oneof(text, number, fc.constant(null)),
  },
  { requiredKeys: [] },
);

describe('a record created from validated values', () => {
  it('is audited as the JSON of the record its stored row reads as, byte for byte, whether the row was foreseen or read back', async () => {
    const db = await databaseWith(TABLE);
    fc.assert(
      fc.property(values, (given) => {
        const changes: AuditChange[] = [];
        let id = 0;
        db.transaction(
          (writer) => {
            const tx: Tx = { ...writer, at: '2026-03-02 09:30:00', today: makeDate(2026, 3, 2)!, audit: (change) => changes.push(change) };
            id = (createValidated(tx, SPEC, given) as { value: number }).value;
            return ok(undefined);
          },
          () => ok(undefined),
        );
        const row = db.get<Row>('SELECT * FROM r WHERE id = ?', [id])!;
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatchObject({ action: 'create', entity: 'petition_case', entityId: id, before: null });
        expect((changes[0]!.after as RecordJson).text).toBe(JSON.stringify(fromRowWithJson(row, SPEC.json)));
      }),
      { numRuns: 500 },
    );
    db.close();
  });
});
