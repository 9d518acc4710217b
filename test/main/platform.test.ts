import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { permissionsOf, unixModes, useUmask } from '../helpers/file-mode';
import { unwrap } from '../helpers/result';
import { useTempDir } from '../helpers/temp';

/** Electron cannot run here: its dialogs answer with the paths a test chooses. */
const chosen = vi.hoisted(() => ({ file: '', folder: '' }));
vi.mock('electron', () => ({
  app: { getVersion: () => 'test' },
  BrowserWindow: { getFocusedWindow: () => null },
  dialog: {
    showSaveDialog: async () => ({ canceled: false, filePath: chosen.file }),
    showOpenDialog: async () => ({ canceled: false, filePaths: [chosen.folder] }),
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
    expect(unwrap(await desktopPlatform().saveFiles([{ fileName: '提醒函.docx', bytes }]))).toBe(chosen.file);
    expect(permissionsOf(chosen.file)).toBe('600');
  });

  it('creates the files saved into a folder the same way, beside one already there', async () => {
    chosen.folder = tempDir();
    writeFileSync(join(chosen.folder, '填报表.xlsx'), 'an earlier one');
    const files = ['填报表.xlsx', '督办单.pdf'].map((fileName) => ({ fileName, bytes }));
    unwrap(await desktopPlatform().saveFiles(files));
    const written = readdirSync(chosen.folder)
      .filter((name) => name !== '填报表.xlsx')
      .sort();
    expect(written.map((name) => [name, permissionsOf(join(chosen.folder, name))])).toEqual([
      ['填报表 (2).xlsx', '600'],
      ['督办单.pdf', '600'],
    ]);
  });
});
