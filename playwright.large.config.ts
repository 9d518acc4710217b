import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The timed runs on the large ledger (`npm run bench -- large`): kept out of `npm test`, whose
 * Playwright run reads playwright.config.ts and its folder test/e2e only.
 */
export default defineConfig({
  ...base,
  testDir: 'test/e2e-large',
  outputDir: 'test-results/e2e-large',
  timeout: 900_000,
});
