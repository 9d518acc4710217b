import { describe, expect, it, vi } from 'vitest';

/** Electron cannot run here: the dialog answers with the button a test chooses, and says what it was asked. */
const shown = vi.hoisted(() => ({ answer: 0, options: null as null | { message: string; buttons: string[] } }));
vi.mock('electron', () => ({
  app: { getLocale: () => 'zh-CN' },
  dialog: {
    showMessageBoxSync: (_window: unknown, options: { message: string; buttons: string[] }) => {
      shown.options = options;
      return shown.answer;
    },
  },
}));

const { askBeforeUnload } = await import('../../src/main/unload');

/** A window whose page objects to being unloaded; the handler's answer is whether it may go anyway. */
function windowWithUnsavedWork() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  const window = { webContents: { on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener) } };
  askBeforeUnload(window as never);
  return () => {
    const event = { preventDefault: vi.fn() };
    listeners.get('will-prevent-unload')!(event);
    return event.preventDefault.mock.calls.length > 0;
  };
}

describe('closing the desktop window over unsaved work', () => {
  it('asks in the office’s words, and closes only when the user chooses to leave', () => {
    const unload = windowWithUnsavedWork();
    shown.answer = 1;
    expect(unload()).toBe(false);
    expect(shown.options).toMatchObject({ message: '还有没保存的内容，确定要离开吗？', buttons: ['离开', '留在这里'] });
    shown.answer = 0;
    expect(unload()).toBe(true);
  });
});
