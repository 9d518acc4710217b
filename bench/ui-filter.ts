import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Figure, median, round } from './figures';

const ROOT = join(import.meta.dirname, '..');
const FIGURES = join(ROOT, 'test-results', 'e2e-large', 'ui-filter.json');

/**
 * ui_filter_ms: the task and petition lists searched in Chromium on the large ledger, timed by the
 * screens' own performance marks (test/e2e-large/ui-filter.spec.ts, run against the built bridge).
 */
export function uiFilterFigures(): Figure[] {
  if (!existsSync(join(ROOT, 'out', 'node', 'bridge.js'))) throw new Error('ui_filter_ms needs the built app: run npm run build first');
  rmSync(FIGURES, { force: true });
  const run = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.large.config.ts'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, 'inherit'],
    env: { ...process.env, DUBAN_UI_FIGURES: FIGURES },
  });
  if (run.status !== 0 || !existsSync(FIGURES)) throw new Error('the large ledger’s browser run failed (test-results/e2e-large)');
  const { tasks, petitions } = JSON.parse(readFileSync(FIGURES, 'utf8')) as Record<'tasks' | 'petitions', number[]>;
  return [
    { name: 'ui_filter_ms', value: round(Math.max(median(tasks), median(petitions)), 0), unit: 'ms' },
    { name: 'ui_filter_ms_tasks', value: round(median(tasks), 0), unit: 'ms' },
    { name: 'ui_filter_ms_petitions', value: round(median(petitions), 0), unit: 'ms' },
  ];
}
