import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

/**
 * A table that stays fast at tens of thousands of rows: only the rows in view are in the page.
 * Keyboard: ↑ ↓ Home End move between rows, Enter opens one. Sorting is the caller's (it may be done
 * by the core): a sortable header reports clicks.
 */
export interface Column<T> {
  readonly key: string;
  readonly header: string;
  /** CSS grid track, e.g. '8em' or '2fr'. */
  readonly width: string;
  readonly render: (row: T) => ReactNode;
  readonly sortable?: boolean;
  readonly align?: 'start' | 'end' | 'center';
}

export interface Sort {
  readonly key: string;
  readonly direction: 'asc' | 'desc';
}

const ROW_HEIGHT = 40;
/** The header scrolls with the rows (sticky), so both always share one width and one column grid. */
const HEADER_HEIGHT = 40;

export function DataTable<T>({ columns, rows, rowKey, onOpen, sort, onSort, label, empty, height = 560 }: {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  onOpen?: (row: T) => void;
  sort?: Sort;
  onSort?: (sort: Sort) => void;
  label: string;
  empty: string;
  height?: number;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: HEADER_HEIGHT });
  const template = columns.map((c) => c.width).join(' ');

  const focusRow = (index: number): void => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: rows.length - 1, PageDown: active + 10, PageUp: active - 10 };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    } else if (event.key === 'Enter' && onOpen && rows[active]) {
      event.preventDefault();
      onOpen(rows[active]!);
    }
  };

  const header = (
    <div className="data-table__head" role="row" style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
      {columns.map((column) => {
        const sorted = sort?.key === column.key ? sort.direction : undefined;
        return (
          <div key={column.key} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} className={`data-table__cell data-table__cell--${column.align ?? 'start'}`}>
            {column.sortable && onSort ? (
              <button type="button" className="data-table__sort" onClick={() => onSort({ key: column.key, direction: sorted === 'asc' ? 'desc' : 'asc' })}>
                {column.header}
                <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
              </button>
            ) : (
              column.header
            )}
          </div>
        );
      })}
    </div>
  );

  return (
    <div className="data-table" role="grid" aria-label={label} aria-rowcount={rows.length + 1}>
      <div ref={scroller} className="data-table__body" style={{ maxHeight: height }} onKeyDown={onKeyDown}>
        {header}
        {rows.length === 0 ? (
          <div className="data-table__empty">{empty}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  tabIndex={item.index === active ? 0 : -1}
                  className="data-table__row"
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start - HEADER_HEIGHT}px)`, height: ROW_HEIGHT }}
                  onClick={() => {
                    setActive(item.index);
                    onOpen?.(row);
                  }}
                  onFocus={() => setActive(item.index)}
                >
                  {columns.map((column) => (
                    <div key={column.key} role="gridcell" className={`data-table__cell data-table__cell--${column.align ?? 'start'}`}>
                      {column.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
