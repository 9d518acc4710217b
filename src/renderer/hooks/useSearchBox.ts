import { useEffect, useEffectEvent, useState } from 'react';

/** Long enough not to search on every keystroke. */
const SEARCH_PAUSE_MS = 300;

/**
 * A search box over an applied search (a filter in the address): what is typed is applied once the
 * typing pauses, and the box follows the applied search when it changes elsewhere (back button, links).
 */
export function useSearchBox(applied: string, apply: (search: string) => void): [typed: string, type: (search: string) => void] {
  const [typed, setTyped] = useState(applied);
  const [followed, setFollowed] = useState(applied);
  if (followed !== applied) {
    setFollowed(applied);
    setTyped(applied);
  }
  const applyTyped = useEffectEvent(apply);
  useEffect(() => {
    if (typed === applied) return;
    const timer = setTimeout(() => applyTyped(typed), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, applied]);
  return [typed, setTyped];
}
