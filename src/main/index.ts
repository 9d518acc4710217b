import { join } from 'node:path';
import { app, BrowserWindow, ipcMain } from 'electron';
import { startCoreWorker } from '../host/client';
import { contractRoutes } from '../host/routes';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerContract } from './ipc';
import { ledgerFileIn } from './launch-file';
import { runShell } from './lifecycle';
import { desktopPlatform } from './platform';
import { PRINT_PAGE_POLICY, printPageAt } from './printing';
import { guardWebContents, hardenSession } from './security';
import { createMainWindow, preloadPath } from './window';

/**
 * Duban's main process: one instance, a hardened session, the core in a worker thread, one window.
 * Everything the app does happens in the core or the renderer; this layer only connects them. A
 * worker that dies is restarted by the client, and the window hears of it in the answers to its calls.
 */
const mainDir = import.meta.dirname;
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  guardWebContents(devServer);
  const core = startCoreWorker(join(mainDir, 'core-worker.js'), app.getPath('userData'));
  const shell = runShell(app, core, () => createMainWindow(preloadPath(mainDir), devServer));

  void app.whenReady().then(() => {
    hardenSession(devServer);
    serveRenderer(join(mainDir, '..', 'renderer'), printPageAt, PRINT_PAGE_POLICY);
    const launchFile = ledgerFileIn(process.argv.slice(app.isPackaged ? 1 : 2));
    registerContract(ipcMain, (sender) => contractRoutes(desktopPlatform(BrowserWindow.fromWebContents(sender), launchFile), core.call), devServer);
    shell.openWindow();
  });
}
