import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { addUnits } from '../../helpers/domain';
import { ledgerFactory } from '../../helpers/ledger';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';
import { sheetBytes } from '../../helpers/workbooks';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const HEADER = [
  '受理编号',
  '反映问题',
  '被举报对象',
  '污染类型',
  '责任单位',
  '问责人数',
  '罚款（万元）',
  '办结情况',
  '办结时间',
  '交办时间',
  '问责情况',
  '备注',
  '督办人',
];
/** Texts that JSON escapes, or that are not plain ASCII, for the audit's doubly encoded JSON. */
const TEXTS = ['夜间施工"噪声"扰民', 'a\\b/c', '两行\n文字\t制表', '😀 四字节', '', ' 空格 ', '<tag>&amp;', '\u2028分隔'];
const KINDS = ['噪声', '水、固废', '大气', '土壤', '其他', ''];
const UNITS = ['甲市人民政府', '乙县人民政府', '丙县人民政府', null];
const DONE = ['已办结', '未办结', '阶段性办结'];

/** Cases of every kind of value: created, one given twice, one updating a case already in the ledger, one in error. */
function rows(): (string | number | Date | null)[][] {
  const lines: (string | number | Date | null)[][] = [HEADER];
  for (let i = 0; i < 60; i++) {
    lines.push([
      i === 59 ? 'X0900' : `X1${String(i % 57).padStart(3, '0')}`,
      i === 13 ? null : `${TEXTS[i % TEXTS.length]}问题${i}`,
      TEXTS[(i * 3) % TEXTS.length]!,
      KINDS[i % KINDS.length]!,
      UNITS[i % UNITS.length]!,
      i % 4 === 0 ? null : i % 5,
      i % 3 === 0 ? null : (i * 0.37) % 20,
      DONE[i % DONE.length]!,
      i % DONE.length === 0 ? new Date(Date.UTC(2026, 2, 1 + (i % 28))) : null,
      `2026年2月${1 + (i % 28)}日`,
      i % 6 === 0 ? `问责${i % 4}人，立案处罚${i % 3}家` : null,
      i % 2 === 0 ? TEXTS[(i * 5) % TEXTS.length]! : null,
      i % 7 === 0 ? `督办人${i}` : null,
    ]);
  }
  return lines;
}

const digest = (sql: string): string =>
  createHash('sha256')
    .update(JSON.stringify(ledger.context.db.all<Record<string, unknown>>(sql)))
    .digest('hex');

describe('what an import writes, byte for byte', () => {
  it('stores the cases and the audit entries as it always has (digests taken before the apply was made faster)', async () => {
    ledger = await newLedger({ clock: () => new Date('2026-03-02T09:30:00+08:00') });
    const units = addUnits(ledger, ['甲市人民政府']);
    unwrap(
      ledger.petitions.create({ receiptNumber: 'X0900', problem: '已有案件', pollutionKinds: ['soil'], unitId: units['甲市人民政府']!, completion: 'pending' }),
    );
    const preview = unwrap(
      await ledger.exchange.imports.preview({ fileName: '信访件.xlsx', bytes: new Uint8Array(await sheetBytes(rows())) }, { createUnits: true }),
    );
    expect(preview.counts).toMatchObject({ create: 56, update: 1, error: 3 });
    unwrap(ledger.exchange.imports.apply(preview.importId));
    expect(digest('SELECT * FROM petition_cases ORDER BY id')).toBe('b7dde22ea86a09c57bf90723b1be06620faa0e5d15fa8dbfe0e89d3c6cae4e9d');
    expect(digest('SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log ORDER BY id')).toBe(
      '9cd78a2ef16fbd51c7f1d529d8aa14698e3c7fb5fc56320b323100bcfcbe36ff',
    );
    expect(unwrap(ledger.audit.verify()).entries).toBe(ledger.context.db.all('SELECT id FROM audit_log').length);
  });
});
