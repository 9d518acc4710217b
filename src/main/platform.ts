import { app, BrowserWindow, dialog } from 'electron';
import { ok } from '../shared/result';
import type { PlatformHandlers } from '../core/host/routes';

const LEDGER_FILTER = [{ name: '督办台账 Duban ledger', extensions: ['duban'] }];

/** What only the desktop shell can do: the system's file dialogs. */
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
  };
}
