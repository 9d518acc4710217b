import { writeFile } from 'node:fs/promises';
import { app, BrowserWindow, dialog, type FileFilter } from 'electron';
import { dubanError } from '../shared/errors';
import { err, ok, type Result } from '../shared/result';
import type { PlatformHandlers } from '../core/host/routes';
import { pdfOfHtml, printHtml } from './printing';

const LEDGER_FILTER = [{ name: '督办台账 Duban ledger', extensions: ['duban'] }];
const FILE_FILTERS: Record<'pdf' | 'docx' | 'html', FileFilter> = { pdf: { name: 'PDF', extensions: ['pdf'] }, docx: { name: 'Word', extensions: ['docx'] }, html: { name: 'HTML', extensions: ['html'] } };

async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    return err(dubanError('documents.print_failed', { detail: (error as Error).message }));
  }
}

/** What only the desktop shell can do: the system's file and print dialogs. */
export function desktopPlatform(): PlatformHandlers {
  return {
    info: () => ok({ shell: 'desktop', version: app.getVersion() }),
    chooseLedgerPath: async (mode) => {
      const window = BrowserWindow.getFocusedWindow() ?? undefined;
      if (mode === 'open') {
        const chosen = await (window ? dialog.showOpenDialog(window, { filters: LEDGER_FILTER, properties: ['openFile'] }) : dialog.showOpenDialog({ filters: LEDGER_FILTER, properties: ['openFile'] }));
        return ok(chosen.canceled ? null : (chosen.filePaths[0] ?? null));
      }
      const options = { filters: LEDGER_FILTER, defaultPath: '督办台账.duban', properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const chosen = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return ok(chosen.canceled || !chosen.filePath ? null : chosen.filePath.endsWith('.duban') ? chosen.filePath : `${chosen.filePath}.duban`);
    },
    printDocuments: (html) => attempt(() => printHtml(html)),
    documentPdf: (html) => attempt(() => pdfOfHtml(html)),
    saveFile: ({ bytes, fileName, kind }) =>
      attempt(async () => {
        const window = BrowserWindow.getFocusedWindow() ?? undefined;
        const options = { defaultPath: fileName, filters: [FILE_FILTERS[kind]], properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
        const chosen = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
        if (chosen.canceled || !chosen.filePath) return null;
        await writeFile(chosen.filePath, bytes);
        return chosen.filePath;
      }),
  };
}
