#!/usr/bin/env node
// Every test of the project: build, type check, the conventions (lint), vitest (core, command line), Playwright (the app in Chromium).
// Ends with one line "N passed, N failed" summed over all runs, so a run that ran nothing shows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'test-results', 'summary');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env }).status;

let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (run(npm, ['run', 'build']) !== 0) problems.push('the build failed');
if (run(npm, ['run', 'typecheck']) !== 0) problems.push('the type check failed');
if (run(npm, ['run', 'lint']) !== 0) problems.push('the conventions (ESLint, import boundaries, Prettier) are not kept');

const vitestReport = join(reports, 'vitest.json');
run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A test file that failed to load counts as a failure even though none of its tests ran.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else {
  problems.push('vitest wrote no report');
}

/** Playwright's skipped tests with the reason each gives. */
function skippedTests(suites, path = []) {
  return (suites ?? []).flatMap((suite) => [
    ...skippedTests(suite.suites, [...path, suite.title]),
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.results.every((r) => r.status === 'skipped'))
        .map((t) => ({
          title: [...path, suite.title, spec.title].filter(Boolean).join(' › '),
          reason: t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given',
        })),
    ),
  ]);
}

if (existsSync(join(root, 'playwright.config.ts'))) {
  const playwrightReport = join(reports, 'playwright.json');
  spawnSync(npx, ['playwright', 'test', '--reporter=list,json'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  });
  if (existsSync(playwrightReport)) {
    const { stats, errors, suites } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected + (errors?.length ?? 0);
    skipped += stats.skipped;
    for (const { title, reason } of skippedTests(suites)) console.log(`skipped: ${title} — ${reason}`);
  } else {
    problems.push('playwright wrote no report');
  }
}

for (const problem of problems) console.log(`problem: ${problem}`);
if (skipped > 0) console.log(`${skipped} skipped (each says why above)`);
failed += problems.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
