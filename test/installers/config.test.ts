import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDirOf } from '../../src/cli/config-dir';
import { builderConfig, ELECTRON_VERSION } from '../../scripts/installers/config';
import { fileFilter } from '../../scripts/installers/glob';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const keep = fileFilter(builderConfig.files);

/** An image's size from its header: a PNG's IHDR, or the largest entry of an ICO's directory (0 stands for 256). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => bytes.readUInt8(6 + 16 * i) || 256);
}

describe('the installers electron-builder makes', () => {
  it('are configured as electron-builder itself accepts (its schema check, run before any build)', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(structuredClone(builderConfig), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('are an NSIS installer for Windows x64 and Debian packages for x64 and arm64', () => {
    expect(builderConfig.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(builderConfig.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(ELECTRON_VERSION).toBe(JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version);
  });

  it('install for the user alone, with no administrator, a Start-menu entry, and an uninstaller that keeps the app data', () => {
    expect(builderConfig.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
      shortcutName: '督办台账',
    });
  });

  it('open .duban files with the app', () => {
    expect(builderConfig.fileAssociations).toEqual([expect.objectContaining({ ext: 'duban', mimeType: 'application/x-duban-ledger' })]);
  });

  it('keep the app name the command line uses, so both keep their settings in one folder', () => {
    expect(builderConfig.appId).toBe('cn.duban.ledger');
    expect(manifest.productName).toBeUndefined(); // Electron would name userData after it
    expect(builderConfig).not.toHaveProperty('extraMetadata');
    expect(configDirOf({ XDG_CONFIG_HOME: '/cfg', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toMatch(new RegExp(`[\\\\/]${manifest.name}$`));
  });

  it('hold the built app and package.json, nothing of the sources, tests or benchmarks, nor the command line only', () => {
    const kept = ['package.json', 'out/main/index.js', 'out/main/core-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
    const left = ['out/node/cli.js', 'out/node/bridge.js', 'src/main/index.ts', 'test/installers/config.test.ts', 'bench/run.ts', 'resources/icon.svg'];
    const leftDependencies = ['playwright-core/package.json', 'read/package.json', 'sql.js/dist/sql-asm.js', 'sql.js/dist/sql-wasm-browser.wasm'];
    expect(kept.filter(keep)).toEqual(kept);
    expect([...left, ...leftDependencies.map((file) => `node_modules/${file}`)].filter(keep)).toEqual([]);
  });

  it('unpack only the worker and the WebAssembly sql.js reads', () => {
    expect(builderConfig.asar).toEqual({ smartUnpack: false });
    expect(builderConfig.asarUnpack).toEqual(['out/main/core-worker.js', 'out/main/chunks/**', 'node_modules/sql.js/dist/sql-wasm.wasm']);
  });

  it('burn the fuses: no running as Node, no NODE_OPTIONS or --inspect, encrypted cookies, the app only from its checked asar', () => {
    const fuses = Object.entries(builderConfig.electronFuses);
    const burnt = (value: boolean): string[] => fuses.filter(([, on]) => on === value).map(([name]) => name);
    expect(burnt(false)).toEqual(['runAsNode', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'grantFileProtocolExtraPrivileges']);
    expect(burnt(true)).toEqual(['enableCookieEncryption', 'onlyLoadAppFromAsar', 'enableEmbeddedAsarIntegrityValidation']);
  });

  it('carry an icon: a 512×512 PNG for Linux and an ICO up to 256×256 for Windows', () => {
    expect(pngSize(readFileSync(join(root, builderConfig.linux.icon)))).toEqual({ width: 512, height: 512 });
    expect(icoSizes(readFileSync(join(root, builderConfig.win.icon)))).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
