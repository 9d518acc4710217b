import { app, session, type WebContents } from 'electron';

/*
 * The shell's security settings. The app is for air-gapped machines: no request leaves it, no page
 * but its own is shown, no permission is granted, nothing opens a window.
 */

/** The addresses the app may load: its own scheme, and the dev server while developing. */
export function isAllowedUrl(url: string, devServer: string | undefined): boolean {
  if (url.startsWith('duban://app/') || url.startsWith('devtools://')) return true;
  return devServer !== undefined && url.startsWith(devServer);
}

export function hardenSession(devServer: string | undefined): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !isAllowedUrl(details.url, devServer) }));
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setSpellCheckerEnabled(false);
}

/** Every web contents, now and later: no navigation away, no new windows, no webviews. */
export function guardWebContents(devServer: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // The address is the event's own (Electron 25+): the listener's second argument is deprecated.
    const guard = (event: Electron.Event<{ url: string }>) => {
      if (!isAllowedUrl(event.url, devServer)) event.preventDefault();
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
