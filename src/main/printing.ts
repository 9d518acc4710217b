import { randomUUID } from 'node:crypto';
import { BrowserWindow, type WebContents } from 'electron';
import { layOutForPrint, PRINTED_PAGE } from '../shared/documents/print-page';
import { APP_ORIGIN } from './app-protocol';

/**
 * Printing a document page through Electron's own Chromium: the page is loaded in a hidden window
 * from a one-time address of the app's scheme (no script of its own, no request beyond it), laid
 * out as the command line's Chromium lays it out (print-page), then printed with the system dialog or to PDF.
 */
const pages = new Map<string, string>();

const PRINT_PREFIX = '/print/';

/** The page waiting at this path of the app's scheme, for the protocol handler. */
export const printPageAt = (pathname: string): string | undefined => pages.get(pathname);

/** What a document page may do: show its own styles and images, nothing else (no script: default-src 'none'). */
export const PRINT_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'";

/**
 * The print window: sandboxed, isolated, no Node, no preload. JavaScript stays on: the page is laid
 * out by executeJavaScript (fit-pages), which need not run in a page with JavaScript off (Electron's
 * WebFrameMain::ExecuteJavaScript asks Chromium to honour that setting). The page's own scripts are
 * refused by PRINT_PAGE_POLICY instead.
 */
export const PRINT_WINDOW_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
  devTools: false,
} as const;

/** Print media through the debugger protocol, the one way Electron emulates it (as Playwright does). */
const printPage = (contents: WebContents) => ({
  emulatePrintMedia: async () => {
    contents.debugger.attach();
    await contents.debugger.sendCommand('Emulation.setEmulatedMedia', { media: 'print' });
  },
  evaluate: (script: string) => contents.executeJavaScript(script),
});

async function inPrintWindow<T>(html: string, work: (contents: WebContents) => Promise<T>): Promise<T> {
  const pathname = `${PRINT_PREFIX}${randomUUID()}.html`;
  pages.set(pathname, html);
  const window = new BrowserWindow({
    show: false,
    webPreferences: PRINT_WINDOW_PREFERENCES,
  });
  try {
    await window.loadURL(`${APP_ORIGIN}${pathname}`);
    await layOutForPrint(printPage(window.webContents));
    return await work(window.webContents);
  } finally {
    pages.delete(pathname);
    window.destroy();
  }
}

/**
 * Electron words a cancelled print dialog "Print job canceled" (its Chromium patch, on every
 * platform); older versions said "cancelled". Any cancel is the user's choice, not a failure.
 */
const isCancel = (reason: string): boolean => /cancel/i.test(reason);

export function printHtml(html: string): Promise<'printed' | 'cancelled'> {
  return inPrintWindow(
    html,
    (contents) =>
      new Promise((resolve, reject) =>
        contents.print({ silent: false, printBackground: PRINTED_PAGE.printBackground, pageSize: PRINTED_PAGE.size }, (success, reason) =>
          success ? resolve('printed') : isCancel(reason) ? resolve('cancelled') : reject(new Error(reason)),
        ),
      ),
  );
}

export function pdfOfHtml(html: string): Promise<Uint8Array> {
  const { size, margins, printBackground, preferCSSPageSize } = PRINTED_PAGE;
  return inPrintWindow(html, async (contents) => new Uint8Array(await contents.printToPDF({ pageSize: size, margins, printBackground, preferCSSPageSize })));
}
