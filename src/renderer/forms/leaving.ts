import { useEffect } from 'react';

/**
 * While a form holds unsaved work, closing or reloading the window asks first: the browser's own
 * question here, and in the desktop app the main process's dialog (src/main/unload.ts).
 */
export function useAskBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older engines ask only when a value is set; its words are the browser's own.
      event.returnValue = '';
    };
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
