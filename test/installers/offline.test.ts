import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builderConfig } from '../../scripts/installers/config';
import { checkBundle, sha256Of, sumsText } from '../../scripts/installers/offline-bundle';
import { offlinePlan, type OfflineFile } from '../../scripts/installers/offline-plan';
import { useTempDir } from '../helpers/temp';

const root = join(import.meta.dirname, '..', '..');
const tempDir = useTempDir();
const LINUX_X64 = { platform: 'linux', arch: 'x64' } as const;
const planned = (): readonly OfflineFile[] => {
  const plan = offlinePlan(root, LINUX_X64);
  if (!plan.ok) throw new Error(plan.reason);
  return plan.files;
};
/** app-builder-lib's toolset sources, where electron-builder names and pins what it downloads. */
const builderSource = ['toolsets/7zip.js', 'toolsets/windows.js', 'toolsets/wine.js', 'toolsets/linux.js']
  .map((file) => readFileSync(join(root, 'node_modules', 'app-builder-lib', 'out', file), 'utf8'))
  .join('\n');

/** A folder laid out as the plan says, with made-up contents and a plan pinning their sums. */
function fakeBundle(): { dir: string; plan: OfflineFile[] } {
  const dir = tempDir();
  const plan = planned().map((file, i) => {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `content ${i}`);
    return { ...file, sha256: sha256Of(path) };
  });
  writeFileSync(join(dir, 'SHA256SUMS'), sumsText(plan));
  return { dir, plan };
}

describe('the offline build: what a connected machine fetches', () => {
  it('is Electron for each target and the tools electron-builder downloads for NSIS and .deb, each where electron-builder looks for it', () => {
    expect(planned().map((file) => file.path)).toEqual([
      'electron/electron-v45.4.1-win32-x64.zip',
      'electron/electron-v45.4.1-linux-x64.zip',
      'electron/electron-v45.4.1-linux-arm64.zip',
      'tools/7zip@1.0.0/7zip-linux-x64.tar.gz',
      'tools/nsis-3.0.4.1/nsis-3.0.4.1.7z',
      'tools/nsis-resources-3.4.1/nsis-resources-3.4.1.7z',
      'tools/wine@1.0.1/wine-11.0-linux-x86_64.tar.xz',
      'tools/fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-amd64.7z',
    ]);
    expect(planned().map((file) => file.url)).toEqual([
      'https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-win32-x64.zip',
      'https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip',
      'https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-arm64.zip',
      'https://github.com/electron-userland/electron-builder-binaries/releases/download/7zip@1.0.0/7zip-linux-x64.tar.gz',
      'https://github.com/electron-userland/electron-builder-binaries/releases/download/nsis-3.0.4.1/nsis-3.0.4.1.7z',
      'https://github.com/electron-userland/electron-builder-binaries/releases/download/nsis-resources-3.4.1/nsis-resources-3.4.1.7z',
      'https://github.com/electron-userland/electron-builder-binaries/releases/download/wine@1.0.1/wine-11.0-linux-x86_64.tar.xz',
      'https://github.com/electron-userland/electron-builder-binaries/releases/download/fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-amd64.7z',
    ]);
    expect(builderConfig.toolsets).toEqual({ nsis: '0.0.0', wine: '1.0.1' });
  });

  it('pins each file to the SHA-256 Electron and electron-builder themselves record, so an upgrade of either shows here', () => {
    const electronSums = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'checksums.json'), 'utf8'));
    for (const file of planned()) {
      const name = file.path.split('/').pop()!;
      if (file.path.startsWith('electron/')) expect(file.sha256, name).toBe(electronSums[name]);
      else expect(builderSource, name).toMatch(new RegExp(`"${name.replace(/[.]/g, '\\.')}"\\s*[:,]\\s*"${file.sha256}"`));
    }
  });

  it('is refused on a build machine other than Linux x64, saying why', () => {
    expect(offlinePlan(root, { platform: 'win32', arch: 'x64' })).toEqual({
      ok: false,
      reason: 'the offline build runs on Linux x64; this machine is win32 x64',
    });
  });
});

describe('the offline build: the folder it is given', () => {
  it('is used when every file is there with its sum', () => {
    const { dir, plan } = fakeBundle();
    expect(checkBundle(dir, plan)).toEqual([]);
  });

  it('is refused with each missing, altered or unlisted file named, or without SHA256SUMS', () => {
    const { dir, plan } = fakeBundle();
    rmSync(join(dir, plan[1]!.path));
    writeFileSync(join(dir, plan[3]!.path), 'tampered');
    writeFileSync(join(dir, 'SHA256SUMS'), sumsText(plan.filter((_, i) => i !== 5)));
    expect(checkBundle(dir, plan)).toEqual([
      { kind: 'missing', path: plan[1]!.path },
      { kind: 'altered', path: plan[3]!.path },
      { kind: 'unlisted', path: plan[5]!.path },
    ]);
    rmSync(join(dir, 'SHA256SUMS'));
    expect(checkBundle(dir, plan)).toEqual([{ kind: 'no-sums' }]);
  });

  it('is refused when a file and SHA256SUMS were both replaced: the plan pins what the file must be', () => {
    const { dir, plan } = fakeBundle();
    writeFileSync(join(dir, plan[0]!.path), 'another build of Electron');
    writeFileSync(join(dir, 'SHA256SUMS'), sumsText([{ path: plan[0]!.path, sha256: sha256Of(join(dir, plan[0]!.path)) }, ...plan.slice(1)]));
    expect(checkBundle(dir, plan)).toEqual([{ kind: 'altered', path: plan[0]!.path }]);
  });

  it('stops `npm run dist -- --offline DIR` before it builds anything, naming what is wrong', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'electron'));
    writeFileSync(join(dir, 'SHA256SUMS'), '');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'installers', 'dist.ts'), '--offline', dir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`the offline folder ${dir} cannot be used`);
    expect(run.stderr).toContain('electron/electron-v45.4.1-win32-x64.zip is missing');
    expect(run.stdout).not.toContain('electron-vite');
  });
});
