import type { Page } from '@playwright/test';
import { expect, snap, test } from './bridge';
import { call, openDemo } from './steps';

/**
 * Every screen of the demo ledger, saved as test-results/screens/<look>-<nn>-<screen>.png to be
 * looked at: in Chinese at 100 %, in Chinese at 125 % on a smaller window (a 1600 × 900 laptop
 * scaled to 125 %), and in English. No screen may log an error (a Content-Security-Policy refusal
 * would).
 */
const LOOKS = [
  { name: 'zh', language: 'zh-CN', scale: 1, viewport: { width: 1366, height: 860 } },
  { name: 'zh-125', language: 'zh-CN', scale: 1.25, viewport: { width: 1280, height: 720 } },
  { name: 'en', language: 'en', scale: 1, viewport: { width: 1366, height: 860 } },
] as const;

/** The list screens, and whether their first row opens a record page worth a picture too. */
const SCREENS: readonly { path: string; name: string; openFirst?: string }[] = [
  { path: '/', name: 'dashboard' },
  { path: '/tasks', name: 'ledger', openFirst: 'task' },
  { path: '/tasks/new', name: 'task-form' },
  { path: '/progress', name: 'progress' },
  { path: '/petitions', name: 'petitions', openFirst: 'petition' },
  { path: '/visits', name: 'visits', openFirst: 'visit' },
  { path: '/accountability', name: 'accountability', openFirst: 'accountability-case' },
  { path: '/meetings', name: 'meetings', openFirst: 'meeting' },
  { path: '/exchange', name: 'exchange' },
  { path: '/sources', name: 'sources' },
  { path: '/units', name: 'units' },
  { path: '/audit', name: 'audit' },
  { path: '/settings', name: 'settings' },
];

/** Waits until a screen has read what it shows: its heading is up and no row is still a placeholder. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
}

for (const look of LOOKS) {
  test.describe(look.name, () => {
    test.use({ deviceScaleFactor: look.scale, viewport: look.viewport });

    test(`every screen of the demo ledger (${look.name})`, async ({ app }) => {
      const { page } = app;
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(String(error)));
      await openDemo(page);
      if (look.language !== 'zh-CN') {
        await call(page, 'session.setPreferences', { language: look.language });
        await page.reload();
      }
      const origin = new URL(app.url).origin;
      let n = 40;
      for (const screen of SCREENS) {
        await page.goto(`${origin}/#${screen.path}`);
        await settled(page);
        await snap(page, `${look.name}-${n++}-${screen.name}`);
        if (screen.openFirst) {
          await page.locator('[role="row"][data-index="0"]').first().click();
          await expect(page).toHaveURL(/#\/[a-z]+\/\d+/);
          await settled(page);
          await snap(page, `${look.name}-${n++}-${screen.openFirst}`);
        }
      }
      expect(errors).toEqual([]);
    });
  });
}
