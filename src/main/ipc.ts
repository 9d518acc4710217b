import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch, type Routes } from '../host/routes';
import { INVOKE_CHANNEL } from '../contract/channel';
import { dubanError } from '../shared/errors';
import { err } from '../shared/result';
import { isAllowedUrl } from './security';

/**
 * The contract's one channel. Calls are taken only from the app's own page; the method and its
 * arguments are checked against the contract here, in the main process, before they reach the core.
 * `routesFor`: the routes answering a page (its dialogs belong to its window).
 */
export function registerContract(ipcMain: IpcMain, routesFor: (sender: WebContents) => Routes, devServer: string | undefined): void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, args: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isAllowedUrl(url, devServer) || url.startsWith('devtools://')) return err(dubanError('bad_request', { detail: 'sender' }));
    return dispatch(routesFor(event.sender), method, args);
  });
}
