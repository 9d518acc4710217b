import type { ReactNode } from 'react';

/** A short state word in a coloured frame (推进中, 已销号, 滞后); the tone carries no meaning alone. */
export type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger' | 'done';

export function Tag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`tag tag--${tone}`}>{children}</span>;
}
