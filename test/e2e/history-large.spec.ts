import { join } from 'node:path';
import { writeFixture, writeHistory } from '../../bench/fixtures';
import { ok } from '../../src/shared/result';
import { expect, test } from './bridge';
import { madeLedger } from './made-ledger';
import { openLedger, openScreen } from './steps';

const UNITS = 60;
const PETITIONS = 50_000;

/** A ledger of 50,000 cases with each record's creation in its change history: longer than one step of the chain's check. */
const ledgerWithLongHistory = (path: string): Promise<void> =>
  madeLedger(path, (ledger) =>
    ledger.context.write((tx) => {
      writeFixture(tx, { units: UNITS, tasks: 0, petitions: PETITIONS, progressReports: 0 }, '2026-01-05T09:00:00.000+08:00');
      writeHistory(tx);
      return ok(undefined);
    }),
  );

test('a long change history is checked step by step until the screens can say it is whole', async ({ app, workDir }) => {
  const { page } = app;
  const path = join(workDir, 'history.duban');
  await ledgerWithLongHistory(path);
  await openLedger(page, path);

  const entries = UNITS + PETITIONS;
  await openScreen(page, '操作记录');
  await expect(page.getByText(`已逐条核对全部 ${entries} 条操作记录`)).toBeVisible({ timeout: 20_000 });
  await openScreen(page, '设置');
  await expect(page.getByText(`操作记录共 ${entries} 条，前后连续，未见改动。`)).toBeVisible({ timeout: 20_000 });
});
