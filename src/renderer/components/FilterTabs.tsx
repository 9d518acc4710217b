import type { ReactNode } from 'react';

export interface FilterTab<K extends string> {
  readonly key: K;
  readonly label: string;
  /** How many rows it holds, beside its label; none when not given. */
  readonly count?: ReactNode;
}

/** A row of tabs over a list, one of them chosen (all, or a status, a state, a result). */
export function FilterTabs<K extends string>({
  label,
  tabs,
  chosen,
  onChoose,
}: {
  label: string;
  tabs: readonly FilterTab<K>[];
  chosen: K | undefined;
  onChoose: (key: K) => void;
}) {
  return (
    <div className="status-tabs" role="group" aria-label={label}>
      {tabs.map((tab) => {
        const pressed = tab.key === chosen;
        return (
          <button
            key={tab.key}
            type="button"
            className={`status-tab${pressed ? ' status-tab--active' : ''}`}
            aria-pressed={pressed}
            onClick={() => onChoose(tab.key)}
          >
            {tab.label}
            {tab.count !== undefined && <span className="status-tab__count">{tab.count}</span>}
          </button>
        );
      })}
    </div>
  );
}
