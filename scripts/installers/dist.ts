/**
 * Builds the installers into release/ with their SHA256SUMS: the app (npm run build), then
 * electron-builder with config.ts. With `--offline DIR` (a folder made by dist:prepare-offline), the folder is checked
 * first and everything electron-builder would fetch is taken from it.
 * Run: npm run dist [-- --offline DIR] [-- --win | --linux]
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { builderConfig } from './config';
import { checkBundle, describeProblem, sha256Of, sumsText } from './offline-bundle';
import { ELECTRON_FOLDER, offlinePlan, SUMS_FILE, TOOLS_FOLDER } from './offline-plan';

const root = join(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { offline: { type: 'string' }, win: { type: 'boolean' }, linux: { type: 'boolean' } } });

/** electronDist for an offline build, after checking the folder; exits with each problem named when it cannot be used. */
function offlineElectron(dir: string): string {
  const plan = offlinePlan(root, { platform: process.platform, arch: process.arch });
  if (!plan.ok) {
    console.error(`duban: ${plan.reason}`);
    process.exit(1);
  }
  const problems = checkBundle(dir, plan.files);
  if (problems.length > 0) {
    console.error(`duban: the offline folder ${dir} cannot be used:`);
    for (const problem of problems) console.error(`  ${describeProblem(problem)}`);
    process.exit(1);
  }
  // electron-builder takes its tools from this cache (checked against the SHA-256 it pins) before any download.
  process.env.ELECTRON_BUILDER_CACHE = join(dir, TOOLS_FOLDER);
  return join(dir, ELECTRON_FOLDER);
}

const electronDist = values.offline === undefined ? undefined : offlineElectron(resolve(values.offline));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

const { build } = await import('electron-builder');
const both = !values.win && !values.linux;
const artifacts = await build({
  projectDir: root,
  config: { ...builderConfig, ...(electronDist ? { electronDist } : {}) },
  // No target names: the configuration's targets, with their architectures.
  win: both || values.win ? [] : undefined,
  linux: both || values.linux ? [] : undefined,
  publish: 'never',
});

// The installers' sums, for the office to check what it was given (docs/install.md §2).
const installers = artifacts.filter((path) => /\.(exe|deb)$/.test(path));
const output = join(root, builderConfig.directories.output);
writeFileSync(join(output, SUMS_FILE), sumsText(installers.map((path) => ({ path: basename(path), sha256: sha256Of(path) }))));
console.log(`${installers.map((path) => basename(path)).join(', ')} and ${SUMS_FILE} in ${output}`);
