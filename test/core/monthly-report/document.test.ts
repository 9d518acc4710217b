import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../../src/core/ledger';
import { migrate } from '../../../src/core/schema/migrations';
import { KDF_FLOOR } from '../../../src/core/storage/kdf';
import { LedgerStore } from '../../../src/core/storage/store';
import type { DocumentBlock } from '../../../src/core/documents/model';
import { TEMPLATE_FIELDS } from '../../../src/core/documents/template/fields';
import { ledgerFactory } from '../../helpers/ledger';
import { julyLedger } from '../../helpers/month-ledger';
import { ok } from '../../../src/shared/result';
import { unwrap } from '../../helpers/result';
import { useTempDir } from '../../helpers/temp';

vi.mock('../../../src/core/storage/kdf', async () => (await import('../../helpers/fast-kdf')).memoisedKdf());

const tempDir = useTempDir();
const newLedger = ledgerFactory(tempDir);
let ledger: Ledger;
afterEach(() => ledger?.close());

const JULY = { period: '2024-07', issuedOn: '2024-08-05' };
const textOf = (blocks: readonly DocumentBlock[]): string => blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.flat().join('|'))).join('\n');

describe('the monthly report (情况报告)', () => {
  it('is a built-in type with its own template, to the commission, titled with its month', async () => {
    ledger = await newLedger();
    julyLedger(ledger);
    const type = ledger.documents.types().find((t) => t.code === 'monthly_report');
    expect(type).toMatchObject({ name: '情况报告', builtin: true });
    const preview = unwrap(ledger.monthlyReport.preview(JULY));
    expect(preview.document).toMatchObject({ format: 'standard', title: '关于2024年7月整改督办工作情况的报告' });
    expect(preview.document.addressee).toMatch(/纪委监委/);
    expect(preview.recipient).toBe(preview.document.addressee);
  });

  it('writes the month’s figures into its sentences', async () => {
    ledger = await newLedger();
    julyLedger(ledger);
    const text = textOf(unwrap(ledger.monthlyReport.preview(JULY)).document.blocks);
    for (const words of [
      '一、总体情况',
      '整改任务5项',
      '已完成1项',
      '已销号1项',
      '逾期1项',
      '完成率40.0%',
      '本月销号1项',
      '实地督导2次',
      '“四不两直”1次',
      '会议1次',
      '发文1件',
      '进展报告3份',
      '第1项问题',
      '林草局',
      '四、下步打算',
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/undefined|NaN|、、|：。/);
  });

  it('is issued with a number of its own type, and kept in the register as it printed', async () => {
    ledger = await newLedger();
    julyLedger(ledger);
    const preview = unwrap(ledger.monthlyReport.preview(JULY));
    const issued = unwrap(ledger.monthlyReport.issue(JULY));
    expect(issued).toMatchObject({ docType: 'monthly_report', number: preview.document.number, recipientUnitId: null, replyDue: null });
    expect(issued.number).toMatch(/〔2024〕1号$/);
    expect(issued.content).toEqual(preview.document);
  });

  it('lists the month fields in the editor’s catalogue by their Chinese and English names', () => {
    expect(TEMPLATE_FIELDS).toContainEqual({ names: ['报告月份', 'reportMonth'], scope: 'document' });
    expect(TEMPLATE_FIELDS).toContainEqual({ names: ['未报送单位', 'unitsNotReported'], scope: 'document' });
  });

  it('fills the month fields in any template the editor tries, for the month before the sample’s date', async () => {
    ledger = await newLedger();
    const { eco } = julyLedger(ledger);
    const check = ledger.documents.checkTemplate({
      source: '标题：试填\n{{报告月份}}共有任务{{任务总数}}项，完成率{{完成率}}，未报送单位：{{未报送单位}}。',
      format: 'standard',
      sample: { docType: 'reminder', recipientUnitId: eco, issuedOn: '2024-08-05' },
    });
    expect(check.html).toContain('2024年7月共有任务5项，完成率40.0%，未报送单位：林草局。');
  });

  it('comes to a ledger written before it by a migration, beside a type of the office’s of the same name', async () => {
    const { store } = unwrap(await LedgerStore.create(join(tempDir(), 'old.duban'), { password: 'schema-test-password', kdf: KDF_FLOOR }));
    unwrap(store.write((w) => migrate(w, 8)));
    // The office had made a type of that name: it keeps it, and the shipped one says which it is.
    unwrap(
      store.write((w) => {
        w.run(
          "INSERT INTO document_types (code, name, number_pattern, template_id, created_at, updated_at) VALUES ('custom-4', '情况报告', '某报〔{YYYY}〕{N}号', 1, 'now', 'now')",
        );
        return ok(undefined);
      }),
    );
    unwrap(store.write((w) => migrate(w)));
    const row = store.db.get<{ name: string; source: string }>(
      "SELECT t.name, s.source FROM document_types t JOIN document_templates s ON s.id = t.template_id WHERE t.code = 'monthly_report'",
    );
    expect(row?.name).toBe('情况报告（整改督办工作月度情况报告）');
    expect(store.db.get<{ name: string }>("SELECT name FROM document_types WHERE code = 'custom-4'")?.name).toBe('情况报告');
    expect(row?.source).toContain('{{报告月份}}');
    store.close();
  });
});
