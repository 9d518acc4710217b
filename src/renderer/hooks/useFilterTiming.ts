import { useEffect, useState } from 'react';

/** The lists whose search is timed; the names of their marks and measure follow from it. */
export type TimedList = 'tasks' | 'petitions';

const firedMark = (list: TimedList): string => `duban:${list}:search-fired`;
const paintedMark = (list: TimedList): string => `duban:${list}:rows-painted`;
/** What the bench and the tests read: from the debounced search firing to its rows painted. */
export const filterMeasure = (list: TimedList): string => `duban:${list}:filter`;

const waiting = new Set<TimedList>();

/** Called when a list's search box applies what was typed: the clock starts. */
export function markSearchFired(list: TimedList): void {
  performance.mark(firedMark(list));
  waiting.add(list);
}

/**
 * Whether the rows answering the current query (`settledKey`) are on screen: true after the render
 * that shows them, the next frame and the task after it (by then the browser has painted). A search
 * being timed stops its clock then. What else a list shows (counts, archived matches) is asked
 * after: asking it in the render that shows the rows would delay their frame.
 */
export function useRowsPainted(list: TimedList, settledKey: string | null): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => {
    if (settledKey === null) return;
    const timed = waiting.delete(list);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (timed) {
          performance.mark(paintedMark(list));
          performance.measure(filterMeasure(list), firedMark(list), paintedMark(list));
        }
        setPainted(settledKey);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [list, settledKey]);
  return settledKey !== null && painted === settledKey;
}
