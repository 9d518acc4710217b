import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCall } from '../../src/contract/check';
import { contractProxy } from '../../src/contract/proxy';
import { coreHandlers } from '../../src/host/handlers';
import { Ledger } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { ok, type Result } from '../../src/shared/result';
import { duban } from '../helpers/cli';
import { addTask, addUnits } from '../helpers/domain';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

/**
 * One rule decides which tasks a letter covers when nobody chose them: the open tasks the unit
 * leads, in number order. The issue page (through the contract), the template check's sample and
 * `duban letter --unit` must write the same letter for the same unit — here one with more open
 * tasks than any of the three used to take, overdue and not, beside tasks it must not cover.
 */
const tempDir = useTempDir('file');
const PASSWORD = '督办台账 默认任务 2026';
const DATE = '2026-11-24';
const OPEN = 60;

let ledgerPath: string;
let waterId: number;

/** Numbers as the office writes them, created out of order: number order is the rule's, not the insertion's. */
const openNumbers = Array.from({ length: OPEN }, (_, i) => String(OPEN - i));

beforeAll(async () => {
  ledgerPath = join(tempDir(), 'office.duban');
  const { ledger } = unwrap(await Ledger.create(ledgerPath, { password: PASSWORD, kdf: KDF_FLOOR }));
  const u = addUnits(ledger, ['自治区水利厅', '自治区林业和草原局']);
  waterId = u['自治区水利厅']!;
  for (const number of openNumbers) {
    // Every other task is overdue on the letter's date; the rest are not due yet.
    addTask(ledger, number, waterId, { deadline: { kind: 'date', date: Number(number) % 2 ? '2026-06-30' : '2027-06-30' } });
  }
  addTask(ledger, '90', waterId, { status: 'completed' });
  addTask(ledger, '91', u['自治区林业和草原局']!, { cooperatingUnitIds: [waterId] });
  ledger.close();
}, 120_000);

async function withLedger<T>(work: (ledger: Ledger) => Promise<T> | T): Promise<T> {
  const ledger = unwrap(await Ledger.open(ledgerPath, { password: PASSWORD }));
  try {
    return await work(ledger);
  } finally {
    ledger.close();
  }
}

/** The app's side of the contract over one open ledger, as the host runs it. */
/** The contract as the app calls it on this ledger: each call checked, then answered by the core's handlers. */
const appOf = (ledger: Ledger) => {
  const handlers = coreHandlers({ current: () => ok(ledger) } as never, () => ok(undefined)) as unknown as Record<
    string,
    Record<string, (...args: unknown[]) => unknown>
  >;
  return contractProxy(async (method, args) => {
    const call = checkCall(method, args);
    if (!call.ok) return call;
    const [ns, name] = method.split('.') as [string, string];
    return (await handlers[ns]![name]!(...call.value.args)) as Result<unknown>;
  });
};

const numbersOf = (ledger: Ledger, taskIds: readonly number[]): string[] => taskIds.map((id) => unwrap(ledger.tasks.get(id)).number);

const expected = Array.from({ length: OPEN }, (_, i) => String(i + 1));

describe('the tasks a letter covers by default', () => {
  it('are the same for the issue page and for duban letter: the open tasks the unit leads, in number order', async () => {
    const run = duban(
      ['letter', ledgerPath, '--password-stdin', '--date', DATE, '--type', 'supervision', '--unit', '自治区水利厅', '--out', join(tempDir(), 'cli.docx')],
      `${PASSWORD}\n`,
    );
    expect(run.status, run.stderr).toBe(0);
    await withLedger(async (ledger) => {
      const app = appOf(ledger);
      const chosen = unwrap(await app.documents.defaultTasks(waterId)).map((task) => task.id);
      const draft = { docType: 'supervision', recipientUnitId: waterId, taskIds: chosen, issuedOn: DATE, replyDue: '2026-12-04' };
      unwrap(await app.documents.issue(draft));
      const [cli, issued] = unwrap(ledger.documents.list({})).sort((a, b) => a.id - b.id);
      expect(numbersOf(ledger, cli!.taskIds)).toEqual(expected);
      expect(numbersOf(ledger, issued!.taskIds)).toEqual(numbersOf(ledger, cli!.taskIds));
    });
  }, 120_000);

  it('are the ones the template check fills a sample letter with', async () => {
    const source = ['标题：默认任务', '', '{{#任务}}', '【{{任务编号}}】', '{{/任务}}'].join('\n');
    await withLedger(async (ledger) => {
      const sample = { docType: 'supervision', recipientUnitId: waterId, taskIds: [], issuedOn: DATE, replyDue: '2026-12-04' };
      const checked = unwrap(await appOf(ledger).documents.checkTemplate({ source, format: 'letter', sample }));
      expect(checked.problem).toBeNull();
      expect([...checked.html!.matchAll(/【(\d+)】/g)].map((match) => match[1])).toEqual(expected);
    });
  });
});
