import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL } from '../contract/channel';

/**
 * Exposes one function to the page as `window.duban.invoke(method, args)`, over one IPC channel: the
 * main process checks every call against the contract; the page builds the typed API over it.
 */
contextBridge.exposeInMainWorld('duban', {
  invoke: (method: string, args: unknown[]) => ipcRenderer.invoke(INVOKE_CHANNEL, method, args),
});
