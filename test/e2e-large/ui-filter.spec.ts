import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { LEDGER_LARGE } from '../../bench/fixtures';
import { cachedLedger } from '../../bench/large-ledger';
import { BENCH_PASSWORD } from '../../bench/storage';
import { expect, snap, test } from '../e2e/bridge';
import { filterMeasures } from '../e2e/filter-timing';
import { openLedger } from '../e2e/steps';

/** Where the bench reads the figures (bench/ui-filter.ts). */
export const UI_FIGURES = process.env.DUBAN_UI_FIGURES ?? join(import.meta.dirname, '..', '..', 'test-results', 'e2e-large', 'ui-filter.json');

/** Words a person looks for, each found in some of the rows and not in others. */
const SEARCHES = { tasks: ['排污口', '尾矿库', '河西村'], petitions: ['异味', '砂石场', '恒达'] } as const;

async function timeSearches(page: Page, list: 'tasks' | 'petitions', route: string): Promise<number[]> {
  await page.goto(`${new URL(page.url()).origin}/#/${route}`);
  await expect(page.locator('[role="row"][data-index="0"]')).toBeVisible({ timeout: 120_000 });
  for (const [i, word] of SEARCHES[list].entries()) {
    await page.getByRole('searchbox').fill(word);
    await expect.poll(() => filterMeasures(page, list), { timeout: 120_000 }).toHaveLength(i + 1);
  }
  return filterMeasures(page, list);
}

test('searching the large ledger: from the search firing to the rows painted', async ({ app, workDir }) => {
  const { page } = app;
  const path = join(workDir, 'large.duban');
  // A copy: the app opens ledgers to write, and the cached one stays as the generator made it.
  copyFileSync((await cachedLedger('large', LEDGER_LARGE)).path, path);
  await openLedger(page, path, { password: BENCH_PASSWORD, timeout: 300_000 });

  const figures = { tasks: await timeSearches(page, 'tasks', 'tasks'), petitions: await timeSearches(page, 'petitions', 'petitions') };
  await snap(page, 'large-petitions-searched');
  mkdirSync(dirname(UI_FIGURES), { recursive: true });
  writeFileSync(UI_FIGURES, JSON.stringify(figures));
});
