import type { Page } from '@playwright/test';

/**
 * Counts how often a table row already on screen is rendered again, through the hook React offers
 * its developer tools (it calls it after every commit, in the production build too): a row of the
 * body (the header aside) whose element got new props in a commit was rendered again. Installed before the app starts (a reload).
 */
export async function watchRowRenders(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Fiber {
      type: unknown;
      memoizedProps: { role?: string; 'data-index'?: number } | null;
      stateNode: unknown;
      child: Fiber | null;
      sibling: Fiber | null;
    }
    const seen = new WeakMap<object, unknown>();
    const state = { rerenders: 0 };
    const walk = (fiber: Fiber | null): void => {
      for (let at = fiber; at; at = at.sibling) {
        if (at.type === 'div' && at.memoizedProps?.role === 'row' && at.memoizedProps['data-index'] !== undefined && at.stateNode) {
          const node = at.stateNode as object;
          if (seen.has(node) && seen.get(node) !== at.memoizedProps) state.rerenders++;
          seen.set(node, at.memoizedProps);
        }
        walk(at.child);
      }
    };
    Object.assign(globalThis, {
      __rowRenders: state,
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        supportsFiber: true,
        inject: () => 1,
        onCommitFiberRoot: (_id: number, root: { current: Fiber }) => walk(root.current),
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
        checkDCE: () => undefined,
      },
    });
  });
  await page.reload();
}

/** How many times, so far, a row on screen was rendered again (`watchRowRenders`). */
export async function rowRerenders(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { __rowRenders: { rerenders: number } }).__rowRenders.rerenders);
}

/** Holds the page's calls of one method of the contract until `release` is called. */
export async function holdCalls(page: Page, method: string): Promise<{ release: () => void }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api', async (route) => {
    const called = (JSON.parse(route.request().postData() ?? '{}') as { method?: string }).method;
    if (called === method) await released;
    await route.continue();
  });
  return { release };
}
