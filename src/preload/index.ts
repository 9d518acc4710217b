import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL } from '../contract/methods';
import { contractProxy } from '../contract/proxy';

/** Exposes exactly the contract to the page as `window.duban`, over one IPC channel. */
contextBridge.exposeInMainWorld(
  'duban',
  contractProxy((method, args) => ipcRenderer.invoke(INVOKE_CHANNEL, method, args)),
);
