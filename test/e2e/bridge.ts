import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { spawnBuiltBridge } from '../../bench/built-bridge';

const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screens');

/** The core's worker from the source, which fails when a call asks it to (see the file). */
export const FAILING_CORE_WORKER = join(ROOT, 'test/helpers/failing-core-worker.mjs');

interface Options {
  /** The core's worker the bridge starts, when not the built one. */
  coreWorker: string | undefined;
  /** A ledger file the app is started with, as a .duban double-clicked in the file manager starts the desktop app. */
  launchFile: string | undefined;
}

interface Fixtures {
  /** A folder for ledgers and the app's preferences, removed afterwards. */
  workDir: string;
  /** The app, opened in the page; every request the page makes is recorded. */
  app: { page: Page; url: string; requests: string[] };
}

export const test = base.extend<Options & Fixtures>({
  coreWorker: [undefined, { option: true }],
  launchFile: [undefined, { option: true }],
  workDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page, workDir, coreWorker, launchFile }, use) => {
    const bridge = await spawnBuiltBridge(join(workDir, 'config'), [
      ...(coreWorker ? ['--core-worker', coreWorker] : []),
      ...(launchFile ? ['--open', launchFile] : []),
    ]);
    const requests: string[] = [];
    page.on('request', (request: Request) => requests.push(request.url()));
    await page.goto(bridge.url);
    await use({ page, url: bridge.url, requests });
    bridge.child.kill('SIGTERM');
    await new Promise((resolve) => bridge.child.once('exit', resolve));
  },
});

export { expect };

/** Saves a screenshot of the screen as a test artefact: test-results/screens/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  // From the top, so that the window's fixed parts (navigation, save buttons) stand where they belong.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
