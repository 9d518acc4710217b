import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { runShell } from '../../src/main/lifecycle';

/** Electron cannot run here: the app and its window are event emitters with the few methods the shell uses. */
class FakeWindow extends EventEmitter {
  destroyed = false;
  readonly focus = vi.fn(() => this.touch());
  readonly restore = vi.fn(() => this.touch());
  isMinimized = () => this.touch(true);
  isDestroyed = () => this.destroyed;
  /** A destroyed window throws when touched, as Electron's does ("Object has been destroyed"). */
  private touch<T>(value?: T): T | undefined {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    return value;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  readonly quit = vi.fn(() => {
    const event = { preventDefault: vi.fn() };
    this.emit('before-quit', event);
    return event;
  });
}

function startShell() {
  const app = new FakeApp();
  const windows: FakeWindow[] = [];
  let finishShutdown: () => void = () => {};
  const core = {
    call: vi.fn(async () => ({ ok: true as const, value: undefined })),
    shutdown: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finishShutdown = resolve;
        }),
    ),
  };
  const shell = runShell(app as never, core, () => {
    const window = new FakeWindow();
    windows.push(window);
    return window as never;
  });
  shell.openWindow();
  return { app, windows, core, finishShutdown: () => finishShutdown() };
}

const session = (window: FakeWindow, kind: 'query-session-end' | 'session-end') => {
  const event = { reasons: ['logoff'], preventDefault: vi.fn() };
  window.emit(kind, event);
  return event;
};

describe('the desktop shell’s window', () => {
  it('is brought forward when the program is started again', () => {
    const { app, windows } = startShell();
    app.emit('second-instance');
    expect(windows[0]!.focus).toHaveBeenCalled();
  });

  it('is forgotten once closed: a later start of the program does not touch it', () => {
    const { app, windows } = startShell();
    windows[0]!.close();
    expect(() => app.emit('second-instance')).not.toThrow();
  });
});

describe('Windows ending the session (log off, shut down)', () => {
  it('locks the ledger when asked whether the session may end: its last snapshot written, its lock let go, Windows not held up', () => {
    const { windows, core } = startShell();
    expect(session(windows[0]!, 'query-session-end').preventDefault).not.toHaveBeenCalled();
    expect(core.call).toHaveBeenCalledWith('session.lock', []);
    // The user may still cancel the log off: the program stays, the ledger waits for the password.
    expect(core.shutdown).not.toHaveBeenCalled();
  });

  it('ends the core when the session ends, Windows ending the program right after', () => {
    const { windows, core } = startShell();
    session(windows[0]!, 'query-session-end');
    session(windows[0]!, 'session-end');
    expect(core.shutdown).toHaveBeenCalledTimes(1);
  });
});

describe('quitting', () => {
  it('waits for the ledger’s last snapshot, then quits', async () => {
    const { app, core, finishShutdown } = startShell();
    expect(app.quit().preventDefault).toHaveBeenCalled();
    expect(core.shutdown).toHaveBeenCalledTimes(1);
    finishShutdown();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
  });
});
