/**
 * On a connected machine: fetches into DIR what the installers' offline build needs (offline-plan.ts),
 * checks each file against the SHA-256 pinned for it, and writes DIR/SHA256SUMS.
 * Run: npm run dist:prepare-offline DIR
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sha256Of, sumsText } from './offline-bundle';
import { offlinePlan, type OfflineFile, SUMS_FILE } from './offline-plan';

const root = join(import.meta.dirname, '..', '..');
const [dirArgument] = process.argv.slice(2);
if (!dirArgument) {
  console.error('usage: npm run dist:prepare-offline DIR');
  process.exit(2);
}
const dir = resolve(dirArgument);
const plan = offlinePlan(root, { platform: process.platform, arch: process.arch });
if (!plan.ok) {
  console.error(`duban: ${plan.reason}`);
  process.exit(1);
}

/** Fetches one file unless a good copy is there already; refuses one whose SHA-256 is not the pinned one. */
async function fetchFile(file: OfflineFile): Promise<void> {
  const target = join(dir, file.path);
  if (existsSync(target) && sha256Of(target) === file.sha256) return console.log(`have    ${file.path}`);
  console.log(`fetch   ${file.url}`);
  const response = await fetch(file.url).catch((error: Error) => {
    throw new Error(`${file.url} could not be fetched (${(error.cause as Error | undefined)?.message ?? error.message}); is this machine connected?`);
  });
  if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== file.sha256) throw new Error(`${file.url}: SHA-256 ${actual}, expected ${file.sha256}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.part`, bytes);
  renameSync(`${target}.part`, target);
}

try {
  for (const file of plan.files) await fetchFile(file);
} catch (error) {
  console.error(`duban: ${(error as Error).message}`);
  process.exit(1);
}
writeFileSync(join(dir, SUMS_FILE), sumsText(plan.files));
console.log(`${plan.files.length} files in ${dir}, listed in ${SUMS_FILE}. Copy the whole folder to the build machine.`);
