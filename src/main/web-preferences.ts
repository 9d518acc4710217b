import type { WebPreferences } from 'electron';

/**
 * The window's web preferences: the page is isolated from the preload, sandboxed, and has no Node.
 * A module of its own (a type import only) so that a plain Node test can hold it to these values.
 */
export function hardenedWebPreferences(preloadFile: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadFile,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    devTools,
  };
}
