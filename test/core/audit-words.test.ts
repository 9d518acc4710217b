import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditLine, AuditValue } from '../../src/core/audit/model';
import { seedDemo } from '../../src/core/demo/seed';
import type { EntityName } from '../../src/core/entities';
import type { Ledger } from '../../src/core/ledger';
import { LANGUAGES } from '../../src/shared/i18n/setup';
import { addTask, addUnits } from '../helpers/domain';
import { ledgerFactory, manualClock } from '../helpers/ledger';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

vi.mock('../../src/core/storage/kdf', async () => (await import('../helpers/fast-kdf')).memoisedKdf());

/**
 * The change history in the office's words (issue 9, point 14): codes as words, records referred to
 * by their names (read by the core), settings as fields, each field once, never JSON.
 */
const newLedger = ledgerFactory(useTempDir());
let ledger: Ledger;
afterEach(() => ledger?.close());

const lines = (entity?: EntityName): AuditLine[] => ledger.audit.list({ ...(entity ? { entity } : {}), limit: 1000 });
const field = (line: AuditLine, name: string) => line.changes.find((c) => c.field === name);
const text = (v: string): AuditValue => ({ t: 'text', v });

async function ledgerWithLetter() {
  ledger = await newLedger();
  const u = addUnits(ledger, ['自治区水利厅', '自治区住房和城乡建设厅']);
  const river = addTask(ledger, '2', u['自治区水利厅']!, { problem: '入河排污口排查整治进展滞后' });
  const sewage = addTask(ledger, '3', u['自治区水利厅']!, { problem: '部分城镇污水处理厂超标排放' });
  const letter = unwrap(
    ledger.documents.issue({
      docType: 'reminder',
      recipientUnitId: u['自治区水利厅']!,
      taskIds: [river.id, sewage.id],
      issuedOn: '2026-11-24',
      replyDue: '2026-12-04',
    }),
  );
  return { u, river, sewage, letter };
}

describe('the change history in words', () => {
  it('names a letter by its number and recipient, its type and state in words, its tasks by number and problem, and the recipient once', async () => {
    const { letter } = await ledgerWithLetter();
    const [issued] = lines('document');
    expect(issued!.subject).toEqual({ t: 'group', v: [text(letter.number), text('自治区水利厅')] });
    expect(field(issued!, 'docType')!.after).toEqual(text('提醒函'));
    expect(field(issued!, 'state')).toMatchObject({ label: 'documents:fields.state', after: { t: 'word', k: 'common:enums.documentState.issued' } });
    expect(field(issued!, 'taskIds')!.after).toEqual({ t: 'list', v: [text('2 入河排污口排查整治进展滞后'), text('3 部分城镇污水处理厂超标排放')] });
    expect(field(issued!, 'templateId')!.after).toMatchObject({ t: 'text' });
    expect(issued!.changes.map((c) => c.field)).not.toContain('recipientUnitId');
    expect(issued!.changes.filter((c) => c.label === 'documents:fields.recipient')).toHaveLength(1);
  });

  it('names the record changed, and a record referred to, even once it is deleted', async () => {
    const { u, river } = await ledgerWithLetter();
    const spare = addTask(ledger, '9', u['自治区住房和城乡建设厅']!, { problem: '城市黑臭水体治理不彻底' });
    unwrap(ledger.tasks.update(river.id, { ...river, parentId: spare.id }));
    unwrap(ledger.tasks.update(river.id, { ...river, parentId: null }));
    unwrap(ledger.tasks.remove(spare.id));
    const [removed, back] = lines('task');
    expect(back!.subject).toEqual(text('2 入河排污口排查整治进展滞后'));
    expect(field(back!, 'parentId')!.before).toEqual(text('9 城市黑臭水体治理不彻底'));
    expect(removed!.subject).toEqual(text('9 城市黑臭水体治理不彻底'));
    expect(field(removed!, 'leadUnitIds')!.before).toEqual({ t: 'list', v: [text('自治区住房和城乡建设厅')] });
  });

  it("words the office's settings field by field, and a remembered column mapping as columns and fields", async () => {
    await ledgerWithLetter();
    const office = ledger.documents.office();
    unwrap(ledger.documents.setOffice({ ...office, replyDays: 15, contact: '王干事' }));
    const [changed] = lines('settings');
    expect(changed!.subject).toEqual({ t: 'word', k: 'audit:settings.office' });
    expect(changed!.changes).toEqual([
      { field: 'contact', label: 'documents:office.contact', before: { t: 'empty' }, after: text('王干事') },
      { field: 'replyDays', label: 'documents:office.replyDays', before: { t: 'number', v: office.replyDays }, after: { t: 'number', v: 15 } },
    ]);
    unwrap(
      ledger.context.write((tx) => {
        tx.audit({
          action: 'create',
          entity: 'settings',
          entityId: null,
          before: null,
          after: { key: 'excel.mapping.tasks.0123', value: { 主办处室: 'leadUnits', 序号: null } },
        });
        return { ok: true, value: undefined };
      }),
    );
    const [mapping] = lines('settings');
    expect(mapping!.subject).toEqual({
      t: 'group',
      v: [
        { t: 'word', k: 'audit:settings.mapping' },
        { t: 'word', k: 'exchange:kinds.tasks' },
      ],
    });
    expect(mapping!.changes).toEqual([
      {
        field: 'columns',
        label: 'audit:settings.columns',
        before: { t: 'empty' },
        after: {
          t: 'list',
          v: [
            { t: 'group', v: [text('主办处室'), { t: 'word', k: 'exchange:fields.tasks.leadUnits' }] },
            { t: 'group', v: [text('序号'), { t: 'word', k: 'audit:settings.notImported' }] },
          ],
        },
      },
    ]);
  });

  it('knows every field the demo ledger and a letter record, and has the words for every label and code it uses, in both languages', async () => {
    ledger = await newLedger({ clock: manualClock('2026-11-25T09:00:00+08:00').clock });
    unwrap(seedDemo(ledger));
    unwrap(ledger.documents.issue({ docType: 'reminder', recipientUnitId: 9, taskIds: [3], issuedOn: '2026-11-20', replyDue: '2026-12-05' }));
    unwrap(ledger.documents.setOffice({ ...ledger.documents.office(), replyDays: 15 }));
    const all = lines();
    expect(all.flatMap((line) => line.changes.filter((c) => c.label === null).map((c) => `${line.entity}.${c.field}`))).toEqual([]);
    const keys = new Set<string>();
    const collect = (value: AuditValue): void => {
      if (value.t === 'word') keys.add(value.k);
      if (value.t === 'list' || value.t === 'group') value.v.forEach(collect);
    };
    for (const line of all) {
      collect(line.subject);
      for (const change of line.changes) {
        keys.add(change.label!);
        collect(change.before);
        collect(change.after);
      }
    }
    expect(keys.size).toBeGreaterThan(80);
    const missing = LANGUAGES.flatMap((language) =>
      [...keys]
        .filter((key) => {
          const [ns, path] = key.split(':') as [string, string];
          const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/shared/i18n/locales', language, `${ns}.json`), 'utf8')) as Record<
            string,
            unknown
          >;
          return typeof path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue) !== 'string';
        })
        .map((key) => `${language} ${key}`),
    );
    expect(missing).toEqual([]);
    // No value reads as JSON.
    expect(JSON.stringify(all.map((line) => line.changes.map((c) => [c.before, c.after])))).not.toMatch(/"v":"[[{]/);
  });
});
