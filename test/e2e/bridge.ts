import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page, type Request } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screens');

/** The core's worker from the source, which fails when a call asks it to (see the file). */
export const FAILING_CORE_WORKER = join(ROOT, 'test/helpers/failing-core-worker.mjs');

/** The built bridge (out/node/bridge.js) with a fresh configuration folder, and the address it prints. */
async function startBridge(configDir: string, { coreWorker, launchFile }: Options): Promise<{ url: string; process: ChildProcess }> {
  const args = [
    join(ROOT, 'out/node/bridge.js'),
    '--config-dir',
    configDir,
    ...(coreWorker ? ['--core-worker', coreWorker] : []),
    ...(launchFile ? ['--open', launchFile] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`the bridge exited (${code}) before printing its address; run npm run build first`)));
  });
  return { url, process: child };
}

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
    const bridge = await startBridge(join(workDir, 'config'), { coreWorker, launchFile });
    const requests: string[] = [];
    page.on('request', (request: Request) => requests.push(request.url()));
    await page.goto(bridge.url);
    await use({ page, url: bridge.url, requests });
    bridge.process.kill('SIGTERM');
    await new Promise((resolve) => bridge.process.once('exit', resolve));
  },
});

export { expect };

/** Saves a screenshot of the screen as a test artefact: test-results/screens/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  // From the top, so that the window's fixed parts (navigation, save buttons) stand where they belong.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
