import { defineConfig } from 'vitest/config';

/**
 * Two groups: first everything else, then the tests that drive Chromium and LibreOffice to print and
 * read back documents. On two cores, running them beside the key-derivation tests starves both.
 */
const PRINTING = [
  'test/cli/letter.test.ts',
  'test/core/documents/print.test.ts',
  'test/core/documents/injection.test.ts',
  'test/core/documents/docx.test.ts',
  'test/core/documents/colophon.test.ts',
  'test/core/documents/signoff.test.ts',
  'test/core/documents/docx-layout.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Key derivation is memory-hard (128 MiB each): two test files at once is what two cores carry.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'core', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'node_modules/**', ...PRINTING] } },
      { extends: true, test: { name: 'printing', include: PRINTING, sequence: { groupOrder: 1 } } },
    ],
  },
});
