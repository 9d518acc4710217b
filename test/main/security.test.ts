import { describe, expect, it, vi } from 'vitest';

/** Electron cannot run here: the app hands the test the listeners the shell puts on every web contents. */
const created = vi.hoisted(() => ({ listener: null as null | ((event: unknown, contents: unknown) => void) }));
vi.mock('electron', () => ({
  app: {
    on: (_name: string, listener: (event: unknown, contents: unknown) => void) => {
      created.listener = listener;
    },
  },
  session: {},
}));

const { guardWebContents } = await import('../../src/main/security');

type Navigation = { url: string; preventDefault(): void };

/** A web contents guarded by the shell; `navigate` says whether a navigation was let through. */
function guardedContents() {
  const listeners = new Map<string, (event: Navigation, url?: string) => void>();
  const contents = { on: (name: string, listener: (event: Navigation, url?: string) => void) => listeners.set(name, listener), setWindowOpenHandler: () => {} };
  guardWebContents(undefined);
  created.listener!({}, contents);
  return (kind: 'will-navigate' | 'will-redirect', url: string, deprecatedUrl?: string): boolean => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(kind)!(event, deprecatedUrl);
    return event.preventDefault.mock.calls.length === 0;
  };
}

describe('the desktop shell’s navigation guard', () => {
  it.each(['will-navigate', 'will-redirect'] as const)('judges %s by the event’s own address (Electron 45’s event.url)', (kind) => {
    const navigate = guardedContents();
    expect(navigate(kind, 'https://example.org/', 'duban://app/index.html')).toBe(false);
    expect(navigate(kind, 'duban://app/index.html')).toBe(true);
  });
});
