import type { Page } from '@playwright/test';

/**
 * The durations (ms) the list screen measured from its debounced search firing to its rows painted
 * (src/renderer/hooks/useFilterTiming.ts), read from the page's performance timeline.
 */
export async function filterMeasures(page: Page, list: 'tasks' | 'petitions'): Promise<number[]> {
  return page.evaluate((name) => performance.getEntriesByName(name, 'measure').map((entry) => entry.duration), `duban:${list}:filter`);
}
