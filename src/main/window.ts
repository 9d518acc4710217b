import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { askBeforeUnload } from './unload';
import { hardenedWebPreferences } from './web-preferences';

export function createMainWindow(preloadFile: string, devServer: string | undefined): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '督办台账',
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(preloadFile, devServer !== undefined),
  });
  window.once('ready-to-show', () => window.show());
  askBeforeUnload(window);
  void window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}

export const preloadPath = (mainDir: string): string => join(mainDir, '..', 'preload', 'index.cjs');
