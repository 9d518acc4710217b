import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './bridge';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Where Electron's binary is, found as its package finds it (ELECTRON_OVERRIDE_DIST_PATH, or
 * node_modules/electron/dist) but without requiring the package: that would try to download it.
 */
function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('the desktop app in Electron', () => {
  test.skip(
    binary === null,
    'No Electron binary on this machine: Electron downloads it on first start, and this machine cannot reach the download. The same screens are tested in Chromium through the bridge.',
  );

  test('starts hardened, talks to the core only through the contract, and makes no network request', async ({ workDir }) => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'out/main/index.js'), `--user-data-dir=${join(workDir, 'user-data')}`],
      cwd: ROOT,
    });
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
    await app.close();
  });
});
