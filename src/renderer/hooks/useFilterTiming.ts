import { useEffect } from 'react';

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
 * Stops the clock once the rows answering the current query are on screen: after the render that
 * shows them, the next frame and the task after it (by then the browser has painted).
 */
export function useFilterTiming(list: TimedList, settledKey: string | null): void {
  useEffect(() => {
    if (settledKey === null || !waiting.has(list)) return;
    waiting.delete(list);
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark(paintedMark(list));
        performance.measure(filterMeasure(list), firedMark(list), paintedMark(list));
      }),
    );
  }, [list, settledKey]);
}
