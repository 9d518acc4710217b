import { createPackageFromFiles, listPackage } from '@electron/asar';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFiles, dependencyClosure, packageDir } from '../../scripts/installers/app-files';
import { builderConfig } from '../../scripts/installers/config';
import { fileFilter } from '../../scripts/installers/glob';
import { type RuntimeFiles, runtimeFiles } from '../../scripts/installers/runtime-files';
import { useTempDir } from '../helpers/temp';

/**
 * The built out/ packed into app.asar as electron-builder would (its `files` filter over the project
 * and the production dependencies), then checked against what the built bundles load at run time.
 */
const root = join(import.meta.dirname, '..', '..');
const tempDir = useTempDir('file');
let entries: Set<string>;
let runtime: RuntimeFiles;

/** The package folders in the archive: node_modules/<name> or node_modules/@scope/<name>, nested or not. */
const packagedPackages = (): Set<string> =>
  new Set(
    [...entries].filter((entry) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(entry)).map((entry) => entry.replace(/\/package\.json$/, '')),
  );

beforeAll(async () => {
  expect(existsSync(join(root, 'out', 'main', 'index.js')), 'the app is built first: npm run build').toBe(true);
  runtime = runtimeFiles(root);
  const archive = join(tempDir(), 'app.asar');
  await createPackageFromFiles(
    root,
    archive,
    appFiles(root, builderConfig.files).map((file) => join(root, file)),
  );
  entries = new Set(listPackage(archive, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, '')));
}, 120_000);

describe('app.asar, packed from the built app with the installers’ files filter', () => {
  it('holds every file the main process, the worker, the preload and the renderer load', () => {
    const { files } = runtime;
    expect(files).toEqual(
      expect.arrayContaining([
        'out/main/index.js',
        'out/main/core-worker.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'node_modules/sql.js/dist/sql-wasm.wasm',
      ]),
    );
    expect(files.filter((file) => !entries.has(file))).toEqual([]);
  });

  it('holds the packages the main process and the worker import, with theirs, and no other', () => {
    const needed = dependencyClosure(root, runtime.packages).map((dir) => relative(root, dir).replace(/\\/g, '/'));
    expect([...needed].filter((dir) => !entries.has(`${dir}/package.json`))).toEqual([]);
    expect([...packagedPackages()].filter((dir) => !needed.includes(dir))).toEqual([]);
  });

  it('holds nothing from the sources, tests, benchmarks or the command line', () => {
    const strays = [...entries].filter(
      (entry) => /^(src|test|bench|scripts|docs|out\/node)\//.test(entry) || /node_modules\/(playwright-core|read)\//.test(entry),
    );
    expect(strays).toEqual([]);
    expect(packageDir('playwright-core', root)).not.toBeNull(); // installed for the command line, left out here
  });

  it('unpacks the worker, the chunks it imports and the WebAssembly sql.js reads, and nothing else of the app', () => {
    const unpacked = fileFilter(builderConfig.asarUnpack);
    const workerChunks = runtime.files.filter((file) => file.startsWith('out/main/chunks/'));
    expect(workerChunks.length).toBeGreaterThan(0);
    for (const file of ['out/main/core-worker.js', 'node_modules/sql.js/dist/sql-wasm.wasm', ...workerChunks]) expect(unpacked(file), file).toBe(true);
    expect([...entries].filter((entry) => unpacked(entry) && !entry.startsWith('out/main/'))).toEqual(['node_modules/sql.js/dist/sql-wasm.wasm']);
  });
});
