import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './bridge';
import { virtualDisplay } from './display';
import { electronProgram } from '../../scripts/electron-check';

const ROOT = join(import.meta.dirname, '..', '..');

const binary = electronProgram(join(ROOT, 'node_modules', 'electron'));

test.describe('the desktop app in Electron', () => {
  test.skip(
    binary === null,
    'No Electron binary on this machine: Electron downloads it on first start, and this machine cannot reach the download. The same screens are tested in Chromium through the bridge.',
  );

  test('starts hardened, talks to the core only through the contract, and makes no network request', async ({ workDir }) => {
    const display = await virtualDisplay();
    // The repository's root, as `electron .` starts it: the app's name (and its userData) are the package's, not Electron's.
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, `--user-data-dir=${join(workDir, 'user-data')}`],
      cwd: ROOT,
      env: display?.env,
    });
    const { name, productName } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; productName?: string };
    expect(await app.evaluate(({ app }) => app.getName())).toBe(productName ?? name);
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: '督办台账' })).toBeVisible();
    const exposure = await page.evaluate(() => ({
      keys: Object.keys((globalThis as unknown as { duban: object }).duban).sort(),
      node: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    // One function, the contract's channel: the page builds the typed API over it; the main process checks every call.
    expect(exposure).toEqual({ keys: ['invoke'], node: 'undefined', process: 'undefined' });
    const blocked = await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(blocked).toBe('blocked');
    const opened = await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.org/') === null);
    expect(opened).toBe(true);
    // The main process's own requests go through the same filter as the page's (the page's are stopped by its policy first).
    const fromMain = await app.evaluate(({ session }) =>
      session.defaultSession.fetch('https://example.org/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(fromMain).toBe('blocked');
    // Nor does the window navigate away from the app.
    await page
      .evaluate(() => (globalThis as unknown as { location: { assign(url: string): void } }).location.assign('https://example.org/'))
      .catch(() => 'navigated: the assertions below say so');
    await expect(page.getByRole('heading', { name: '督办台账' })).toBeVisible();
    expect(page.url()).toMatch(/^duban:\/\/app\//);
    await app.close();
    display?.stop();
  });
});
