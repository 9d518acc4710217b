import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isStringList, useStoredState } from '../hooks/useStoredState';

export interface Choosable {
  readonly key: string;
  readonly header: string;
  /** Always shown (the task's number and problem): offered greyed, not to be hidden. */
  readonly fixed?: boolean;
}

type ChooserProps = Parameters<typeof ColumnChooser>[0];

/**
 * The columns a table shows, kept under `storageKey` between sessions: the fixed ones always, the
 * others as chosen; and what the chooser offering them is given.
 */
export function useChosenColumns<C extends { readonly key: string; readonly header: string }>(
  storageKey: string,
  columns: readonly C[],
  fixed: ReadonlySet<string>,
  initial: readonly string[],
): { shownColumns: C[]; chooser: ChooserProps } {
  const [shown, setShown] = useStoredState<readonly string[]>(storageKey, initial, isStringList);
  const shownColumns = useMemo(() => columns.filter((c) => fixed.has(c.key) || shown.includes(c.key)), [columns, fixed, shown]);
  const choosable = useMemo(() => columns.map((c) => ({ key: c.key, header: c.header, fixed: fixed.has(c.key) })), [columns, fixed]);
  return { shownColumns, chooser: { columns: choosable, shown, onChange: setShown } };
}

/** Which columns a table shows: a drop-down of check boxes; Esc closes it. */
export function ColumnChooser({ columns, shown, onChange }: { columns: readonly Choosable[]; shown: readonly string[]; onChange: (shown: string[]) => void }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const toggle = (key: string, on: boolean): void => onChange(columns.map((c) => c.key).filter((k) => (k === key ? on : shown.includes(k))));
  return (
    <details
      ref={menu}
      className="menu"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !menu.current?.open) return;
        e.preventDefault();
        menu.current.open = false;
        menu.current.querySelector('summary')?.focus();
      }}
    >
      <summary className="button">{t('columns.choose')}</summary>
      <div className="menu__panel" role="group" aria-label={t('columns.choose')}>
        {columns.map((column) => (
          <label key={column.key} className="field--check">
            <input
              type="checkbox"
              checked={column.fixed || shown.includes(column.key)}
              disabled={column.fixed}
              onChange={(e) => toggle(column.key, e.target.checked)}
            />
            {column.header}
          </label>
        ))}
      </div>
    </details>
  );
}
