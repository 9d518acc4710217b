import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../src/core/demo/seed';
import { Ledger } from '../../src/core/ledger';
import { KDF_FLOOR } from '../../src/core/storage/kdf';
import { unwrap } from './result';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILT = join(ROOT, 'out', 'node', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * How to start the command line: the build `npm run build` made (as `bin/duban.js` runs it, and in a
 * fraction of the time), unless a source file is newer than it — then from source through tsx.
 */
const command: readonly string[] =
  existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'resources')))
    ? [BUILT]
    : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

/** The command line's settings (its anchors) go here, not into the settings of whoever runs the tests. */
const CONFIG_DIR = mkdtempSync(join(tmpdir(), 'duban-cli-config-'));

/** Runs the `duban` command line in a child process, with `input` on standard input. */
export function duban(args: string[], input = '', env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [...command, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', DUBAN_LANG: '', DUBAN_CONFIG_DIR: CONFIG_DIR, ...env },
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A ledger for the command line to open, made here rather than by `duban init` (which is tested on
 * its own): at the KDF's floor instead of calibrated, it opens in a third of the time. Its recovery key.
 */
export async function ledgerFile(path: string, password: string, options: { demo?: boolean } = {}): Promise<string> {
  const { ledger, recoveryKey } = unwrap(await Ledger.create(path, { password, kdf: KDF_FLOOR, actor: 'test' }));
  if (options.demo) unwrap(seedDemo(ledger));
  unwrap(ledger.close());
  return recoveryKey;
}
