import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { permissionsOf, unixModes, useUmask } from '../helpers/file-mode';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

/** Electron cannot run here: its dialogs answer with the paths a test chooses. */
const chosen = vi.hoisted(() => ({ file: '', folder: '', parents: [] as unknown[] }));
vi.mock('electron', () => ({
  app: { getVersion: () => 'test' },
  BrowserWindow: { getFocusedWindow: () => null },
  dialog: {
    showSaveDialog: async (...args: unknown[]) => {
      chosen.parents.push(args.length === 2 ? args[0] : null);
      return { canceled: false, filePath: chosen.file };
    },
    showOpenDialog: async (...args: unknown[]) => {
      chosen.parents.push(args.length === 2 ? args[0] : null);
      return { canceled: false, filePaths: [chosen.folder] };
    },
  },
  protocol: {},
}));

const { desktopPlatform } = await import('../../src/main/platform');

const tempDir = useTempDir();
const bytes = new TextEncoder().encode('提醒函');

describe.skipIf(!unixModes)('the desktop app saving what the user saves through a dialog', () => {
  useUmask(0o022);

  it('creates the file readable by its owner only', async () => {
    chosen.file = join(tempDir(), '提醒函.docx');
    expect(unwrap(await desktopPlatform(null).saveFiles([{ fileName: '提醒函.docx', bytes }]))).toBe(chosen.file);
    expect(permissionsOf(chosen.file)).toBe('600');
  });

  it('creates the files saved into a folder the same way, beside one already there', async () => {
    chosen.folder = tempDir();
    writeFileSync(join(chosen.folder, '填报表.xlsx'), 'an earlier one');
    const files = ['填报表.xlsx', '督办单.pdf'].map((fileName) => ({ fileName, bytes }));
    unwrap(await desktopPlatform(null).saveFiles(files));
    const written = readdirSync(chosen.folder)
      .filter((name) => name !== '填报表.xlsx')
      .sort();
    expect(written.map((name) => [name, permissionsOf(join(chosen.folder, name))])).toEqual([
      ['填报表 (2).xlsx', '600'],
      ['督办单.pdf', '600'],
    ]);
  });
});

describe('the desktop app’s dialogs', () => {
  it('belong to the window that asked for them, focused or not', async () => {
    const asking = { id: 'the window that asked' };
    chosen.parents = [];
    chosen.file = join(tempDir(), '督办台账.duban');
    chosen.folder = tempDir();
    const platform = desktopPlatform(asking as never);
    await platform.chooseLedgerPath('open');
    await platform.chooseLedgerPath('create');
    await platform.chooseWorkbooks({ multiple: true });
    expect(chosen.parents).toEqual([asking, asking, asking]);
  });
});
