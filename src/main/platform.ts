import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { ioError } from '../core/storage/durable-fs';
import { dubanError } from '../shared/errors';
import { err, ok, type Result } from '../shared/result';
import type { PlatformHandlers } from '../contract/api';
import { pdfOfHtml, printHtml } from './printing';

const LEDGER_FILTER = [{ name: '督办台账 Duban ledger', extensions: ['duban'] }];
const WORKBOOK_FILTER: FileFilter = { name: 'Excel 工作簿 (*.xlsx)', extensions: ['xlsx'] };
/** What the save dialog offers, by the extension of the file saved. */
const SAVE_FILTERS: Record<string, FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  docx: { name: 'Word', extensions: ['docx'] },
  html: { name: 'HTML', extensions: ['html'] },
  xlsx: WORKBOOK_FILTER,
};
const filtersOf = (fileName: string): FileFilter[] => {
  const filter = SAVE_FILTERS[fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()];
  return filter ? [filter] : [];
};

async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    return err(dubanError('documents.print_failed', { detail: (error as Error).message }));
  }
}

/** A dialog belongs to the window that asked for it (modal to it), focused or not; without one it stands alone. */
const openDialog = (parent: BrowserWindow | null, options: OpenDialogOptions) =>
  parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
const saveDialog = (parent: BrowserWindow | null, options: SaveDialogOptions) =>
  parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);

/**
 * Files saved are readable by their owner only (the umask can only take away): letters and workbooks
 * name persons held accountable and petitioners. A file replaced keeps the permissions it had.
 */
const OWNER_ONLY = 0o600;

/**
 * Writes a file into a folder without replacing one already there (a unit's returned workbook may
 * bear the same name): 填报表.xlsx, then 填报表 (2).xlsx, and so on.
 */
function writeBeside(dir: string, fileName: string, bytes: Uint8Array): void {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  for (let n = 1; ; n++) {
    try {
      writeFileSync(join(dir, n === 1 ? fileName : `${stem} (${n})${extension}`), bytes, { flag: 'wx', mode: OWNER_ONLY });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * What only the desktop shell can do: the system's file and print dialogs, and writing the files
 * chosen there. `parent`: the window whose call this answers; `launchFile`: the ledger the app was
 * started with (src/main/launch-file.ts), or null.
 */
export function desktopPlatform(parent: BrowserWindow | null, launchFile: string | null = null): PlatformHandlers {
  return {
    info: () => ok({ shell: 'desktop', version: app.getVersion(), launchFile }),
    chooseLedgerPath: async (mode) => {
      if (mode === 'open') {
        const chosen = await openDialog(parent, { filters: LEDGER_FILTER, properties: ['openFile'] });
        return ok(chosen.canceled ? null : (chosen.filePaths[0] ?? null));
      }
      const chosen = await saveDialog(parent, {
        filters: LEDGER_FILTER,
        defaultPath: '督办台账.duban',
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return ok(chosen.canceled || !chosen.filePath ? null : chosen.filePath.endsWith('.duban') ? chosen.filePath : `${chosen.filePath}.duban`);
    },
    printDocuments: (html) => attempt(() => printHtml(html)),
    documentPdf: (html) => attempt(() => pdfOfHtml(html)),
    chooseWorkbooks: async ({ multiple }) => {
      const chosen = await openDialog(parent, { filters: [WORKBOOK_FILTER], properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] });
      return ok(chosen.canceled ? null : chosen.filePaths);
    },
    saveFiles: async (files) => {
      let target: string;
      if (files.length === 1) {
        const chosen = await saveDialog(parent, {
          filters: filtersOf(files[0]!.fileName),
          defaultPath: files[0]!.fileName,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        if (chosen.canceled || !chosen.filePath) return ok(null);
        target = chosen.filePath;
      } else {
        const chosen = await openDialog(parent, { properties: ['openDirectory', 'createDirectory'] });
        if (chosen.canceled || !chosen.filePaths[0]) return ok(null);
        target = chosen.filePaths[0];
      }
      try {
        if (files.length === 1) writeFileSync(target, files[0]!.bytes, { mode: OWNER_ONLY });
        else for (const file of files) writeBeside(target, file.fileName, file.bytes);
      } catch (error) {
        return err(ioError(error, target));
      }
      return ok(target);
    },
  };
}
