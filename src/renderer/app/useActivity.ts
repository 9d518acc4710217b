import { useEffect } from 'react';
import type { DubanApi } from '../../contract/api';

const TOUCH_EVERY_MS = 30_000;

/** Tells the core the user is at work (keys, clicks, scrolling), at most every half minute. */
export function useActivity(api: DubanApi, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const onActivity = (): void => {
      const now = Date.now();
      if (now - last < TOUCH_EVERY_MS) return;
      last = now;
      void api.session.touch();
    };
    const events = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;
    for (const event of events) window.addEventListener(event, onActivity, { passive: true });
    return () => {
      for (const event of events) window.removeEventListener(event, onActivity);
    };
  }, [api, active]);
}
