import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';

/**
 * electron-builder's configuration of the installers: Windows NSIS x64 (per user, no administrator)
 * and Debian packages for x64 and arm64 (UOS, Kylin). `npm run dist` builds with it; test/installers reads it.
 *
 * The app's name stays package.json's `name` ("duban"): Electron derives userData from it (no
 * `productName` in package.json, no `extraMetadata`), so the desktop app and the `duban` command line
 * share one settings folder (src/cli/config-dir.ts). `productName` names the program's folder and
 * executable only (Duban.exe, /opt/Duban). `appId` names the Windows install (its uninstall entry
 * and taskbar identity) and must never change once offices have installed.
 */
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));

/** The Electron the installers carry: the one the project is developed against. */
export const ELECTRON_VERSION: string = manifest.devDependencies.electron;

export const WINDOWS_ARCHES = ['x64'] as const;
export const LINUX_ARCHES = ['x64', 'arm64'] as const;

/** The packages the `duban` command line needs and the desktop app does not: its Chromium printer and its password prompt. */
export const COMMAND_LINE_ONLY = ['playwright-core', 'read', 'mute-stream'] as const;

/** The renderer's packages (and theirs): bundled into out/renderer, never loaded from node_modules. */
export const BUNDLED_IN_RENDERER = [
  'react',
  'react-dom',
  'scheduler',
  'react-i18next',
  'html-parse-stringify',
  'void-elements',
  'react-router',
  'cookie',
  'set-cookie-parser',
  '@tanstack',
  'echarts',
  'zrender',
] as const;

/** What sql.js ships besides its Node build and WebAssembly: browser, asm.js, debug and worker builds, archives. */
const SQL_JS_UNUSED = ['dist/sql-asm*', 'dist/sql-wasm-browser*', 'dist/sql-wasm-debug*', 'dist/sql-wasm-inline*', 'dist/worker.*', 'dist/*.zip', 'logo.svg'];

/** electron-builder's tool versions the offline plan fetches: its default NSIS, and the Wine bundle it pins (see offline-plan.ts). */
export const TOOLSETS = { nsis: '0.0.0', wine: '1.0.1' } as const;

export const builderConfig = {
  appId: 'cn.duban.ledger',
  productName: 'Duban',
  electronVersion: ELECTRON_VERSION,
  toolsets: TOOLSETS,
  directories: { output: 'release', buildResources: 'resources' },
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    ...[...COMMAND_LINE_ONLY, ...BUNDLED_IN_RENDERER].map((name) => `!**/node_modules/${name}/**`),
    ...SQL_JS_UNUSED.map((pattern) => `!**/node_modules/sql.js/${pattern}`),
  ],
  // Not guessed: electron-builder would unpack any package holding an extension-less binary file (jszip has one).
  asar: { smartUnpack: false },
  /**
   * Unverified here (Electron cannot run): an ES-module worker thread started from inside app.asar,
   * and sql.js reading its WebAssembly from there. Both are unpacked; Electron redirects reads of an
   * unpacked file, so their paths (and the worker's imports from app.asar/node_modules) stay the same.
   */
  asarUnpack: ['out/main/core-worker.js', 'out/main/chunks/**', 'node_modules/sql.js/dist/sql-wasm.wasm'],
  // Electron checks the asar's integrity on Windows (and macOS) only; on Linux the .deb's files are root's.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    grantFileProtocolExtraPrivileges: false,
  },
  fileAssociations: [{ ext: 'duban', name: 'Duban ledger', description: '督办台账文件', mimeType: 'application/x-duban-ledger', role: 'Editor' }],
  win: {
    target: [{ target: 'nsis', arch: [...WINDOWS_ARCHES] }],
    icon: 'resources/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createStartMenuShortcut: true,
    createDesktopShortcut: true,
    shortcutName: '督办台账',
    uninstallDisplayName: '督办台账 ${version}',
    // Ledgers live wherever the office saved them; userData holds the preferences, the demo ledger and each ledger's anchor.
    deleteAppDataOnUninstall: false,
    language: '2052',
    installerLanguages: ['zh_CN'],
    multiLanguageInstaller: false,
    artifactName: 'Duban-${version}-setup-${arch}.${ext}',
  },
  linux: {
    target: [{ target: 'deb', arch: [...LINUX_ARCHES] }],
    icon: 'resources/icon.png',
    executableName: 'duban',
    category: 'Office',
    maintainer: 'Duban <duban@localhost>',
    synopsis: '督办台账',
    description: '派驻纪检监察组的政治监督台账',
    desktop: { entry: { Name: '督办台账', Comment: '政治监督台账', StartupWMClass: 'duban' } },
  },
} satisfies Configuration;
