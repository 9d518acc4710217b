import type { App, BrowserWindow } from 'electron';
import type { CoreClient } from '../host/client';

export interface Shell {
  /** Opens the app's one window, once the app is ready. */
  openWindow(): void;
}

/**
 * The life of the desktop app around its window: a second start brings the window forward (never
 * one already destroyed); quitting waits for the ledger's last snapshot (the core gives up on a
 * worker that hangs); and Windows ending the session, which sends no `before-quit`, is heard from
 * the window.
 */
export function runShell(app: App, core: Pick<CoreClient, 'call' | 'shutdown'>, createWindow: () => BrowserWindow): Shell {
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void core.shutdown().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());

  /**
   * Asked whether the session may end (log off, shut down), the ledger is locked at once: its last
   * snapshot written and its lock let go, so that nothing is lost and nothing keeps the next start
   * out. The user may still cancel the log off: the ledger then waits for the password. Once the
   * session ends Windows ends the program right after the event (Electron's WM_ENDSESSION): the
   * core is told to stop, with no time to wait for it.
   */
  function watchSession(opened: BrowserWindow): void {
    opened.on('query-session-end', () => void core.call('session.lock', []));
    opened.on('session-end', () => void core.shutdown());
  }

  return {
    openWindow: () => {
      const opened = createWindow();
      opened.on('closed', () => {
        window = null;
      });
      watchSession(opened);
      window = opened;
    },
  };
}
