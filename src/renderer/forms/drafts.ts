import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useApi } from '../api/ApiContext';

/** A form's draft found in the ledger as the form opened: the user restores it or lets it go. */
export interface DraftOffer {
  readonly savedAt: string;
  restore(): void;
  discard(): void;
}

export const sameValues = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Long enough not to write on every keystroke, short enough that a reload loses at most a word. */
const WRITE_DELAY_MS = 500;

/**
 * What the user types in a form, kept in the ledger (encrypted with it, never in the page's storage)
 * under `key` — the form and the record it was typed in — as they type; offered back when the form
 * opens again (after a reload, a lock or a restart). `changed` says the values differ from what the
 * form opened with: only then is there anything to keep.
 */
export function useDraft<V>(key: string | undefined, values: V, changed: boolean, restore: (values: V) => void) {
  const api = useApi();
  const [offer, setOffer] = useState<{ readonly savedAt: string; readonly values: V } | null>(null);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; values: V } | null>(null);
  const kept = useRef(false);
  const opened = useRef(values);

  const write = useCallback(
    (draftKey: string, next: V) => {
      pending.current = null;
      kept.current = true;
      void api.drafts.put(draftKey, next);
    },
    [api],
  );
  const flush = () => {
    if (key && pending.current) {
      clearTimeout(pending.current.timer);
      write(key, pending.current.values);
    }
  };
  const drop = () => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    setOffer(null);
    if (key && kept.current) void api.drafts.drop(key);
    kept.current = false;
  };

  // A draft that only repeats what the form opened with is let go; any other is offered.
  const found = useEffectEvent((draft: { readonly savedAt: string; readonly values: unknown }) => {
    kept.current = true;
    if (sameValues(draft.values, opened.current)) drop();
    else setOffer({ savedAt: draft.savedAt, values: draft.values as V });
  });
  useEffect(() => {
    if (!key) return;
    let current = true;
    void api.drafts.get(key).then((draft) => {
      if (current && draft.ok && draft.value) found(draft.value);
    });
    return () => {
      current = false;
    };
  }, [api, key]);

  // While a draft is offered, what is typed does not overwrite it: the user has not chosen yet.
  useEffect(() => {
    if (!key || offer) return;
    if (pending.current) clearTimeout(pending.current.timer);
    if (!changed) {
      pending.current = null;
      return;
    }
    pending.current = { timer: setTimeout(() => write(key, values), WRITE_DELAY_MS), values };
  }, [key, values, changed, offer, write]);

  // Leaving the form (another screen, a lock) or the page keeps what was typed last.
  const leave = useEffectEvent(flush);
  useEffect(() => {
    const onHide = () => leave();
    addEventListener('pagehide', onHide);
    return () => {
      removeEventListener('pagehide', onHide);
      leave();
    };
  }, []);

  const offered: DraftOffer | null = offer && {
    savedAt: offer.savedAt,
    restore: () => {
      setOffer(null);
      restore(offer.values);
    },
    discard: drop,
  };
  return { offer: offered, drop };
}
