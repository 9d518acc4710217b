import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface Choosable {
  readonly key: string;
  readonly header: string;
  /** Always shown (the task's number and problem): offered greyed, not to be hidden. */
  readonly fixed?: boolean;
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
