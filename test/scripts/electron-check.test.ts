import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronProgram } from '../../scripts/electron-check';
import { useTempDir } from '../helpers/temp';

/** `npm start` checks for Electron's program before anything else; here there is none (it cannot be fetched). */
const ROOT = join(import.meta.dirname, '..', '..');
const tempDir = useTempDir();

function start(locale: string, cache: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/electron-check.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: locale, LC_ALL: locale, electron_config_cache: cache },
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** @electron/get keeps a download under the SHA-256 of its address's folder (its Cache.getCacheDirectory). */
const RELEASE_DIR = '63946acb59adc73ff164033f7dbb473beec0a930781be3b30181d4eb34ef3c3c';
const ZIP = `electron-v45.4.1-${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}.zip`;

describe.skipIf(electronProgram(join(ROOT, 'node_modules', 'electron')) !== null)('npm start without Electron’s program', () => {
  it('says in Chinese, in one sentence, which zip to put where and that the browser runs the app meanwhile, and fails without a trace', () => {
    const cache = tempDir();
    const { status, out } = start('zh_CN.UTF-8', cache);
    expect(status).not.toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toContain(ZIP);
    expect(out).toContain(join(cache, RELEASE_DIR));
    expect(out).toContain('npm run start:browser');
    expect(out).toMatch(/^没有找到 Electron 程序/);
    expect(out).not.toMatch(/Error|\bat /);
  });

  it('says it in English where the system speaks another language', () => {
    const { status, out } = start('de_DE.UTF-8', tempDir());
    expect(status).not.toBe(0);
    expect(out).toMatch(/^Electron’s program is not installed/);
    expect(out).toContain(ZIP);
  });
});

describe('looking for Electron’s program', () => {
  it('finds it where the electron package unpacked it, and nowhere else', () => {
    const electron = tempDir();
    expect(electronProgram(electron)).toBeNull();
    const program = process.platform === 'win32' ? 'electron.exe' : 'electron';
    writeFileSync(join(electron, 'path.txt'), program);
    expect(electronProgram(electron)).toBeNull();
    mkdirSync(join(electron, 'dist'));
    writeFileSync(join(electron, 'dist', program), '');
    expect(electronProgram(electron)).toBe(join(electron, 'dist', program));
  });
});
