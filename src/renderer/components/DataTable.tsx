import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * A table that stays fast at tens of thousands of rows: only the rows in view are in the page.
 * Keyboard: ↑ ↓ Home End PageUp PageDown move between rows, Enter opens one. Sorting is the
 * caller's (it may be done by the core): a sortable header reports clicks.
 *
 * The rows are either all given (`rows`), or read page by page (`count`, `rowAt` and `onRange`,
 * which hears which rows are in view so that the caller can fetch them; a row not yet fetched shows
 * as a placeholder).
 */
export interface Column<T> {
  readonly key: string;
  readonly header: string;
  /** CSS grid track, e.g. '8rem' or 'minmax(12rem, 2fr)'. */
  readonly width: string;
  readonly render: (row: T) => ReactNode;
  readonly sortable?: boolean;
  readonly align?: 'start' | 'end' | 'center';
  /** The cell's full text as a tooltip, for columns whose text may be cut. */
  readonly title?: (row: T) => string;
  /** Shown in the header instead of `header` (which still names the column): a check box to select all. */
  readonly headerCell?: ReactNode;
}

export interface Sort {
  readonly key: string;
  readonly direction: 'asc' | 'desc';
}

export interface TableProps<T> {
  columns: readonly Column<T>[];
  rowKey: (row: T) => string | number;
  onOpen?: (row: T) => void;
  sort?: Sort;
  onSort?: (sort: Sort) => void;
  label: string;
  empty: ReactNode;
  /** Highest the table grows before it scrolls; `fill` takes the height its container gives it. */
  height?: number | 'fill';
  /** Marks rows (overdue, closed) with a modifier class: data-table__row--<mark>. */
  rowMark?: (row: T) => string | undefined;
}

type Rows<T> = { rows: readonly T[] } | { count: number; rowAt: (index: number) => T | undefined; onRange: (first: number, last: number) => void };

const ROW_HEIGHT = 40;
/**
 * Rows drawn beyond each edge of the view: a wheel step (about 100 px) scrolls onto rows already
 * drawn, while a search draws only a few rows more than it shows (each costs its cells' render and layout).
 */
const OVERSCAN = 4;
/** The header scrolls with the rows (sticky), so both always share one width and one column grid. */
const HEADER_HEIGHT = 40;

export function DataTable<T>(props: TableProps<T> & Rows<T>) {
  const { columns, rowKey, onOpen, sort, onSort, label, empty, height = 560, rowMark } = props;
  const count = 'rows' in props ? props.rows.length : props.count;
  const rowAt = 'rows' in props ? (index: number) => props.rows[index] : props.rowAt;
  const onRange = 'rows' in props ? undefined : props.onRange;

  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // TanStack Virtual's virtualizer changes inside, so no compiler may memoize around it: known upstream (TanStack/virtual#1119), not a fault here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
  });
  const template = columns.map((c) => c.width).join(' ');
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) onRange?.(first, last);
  }, [first, last, onRange]);

  const current = Math.min(active, Math.max(0, count - 1));

  const focusRow = (index: number): void => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLInputElement) return;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: count - 1,
      PageDown: current + 10,
      PageUp: current - 10,
    };
    const row = rowAt(current);
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]!);
    } else if (event.key === 'Enter' && onOpen && row) {
      event.preventDefault();
      onOpen(row);
    }
  };

  const header = (
    <div className="data-table__head" role="row" style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
      {columns.map((column) => {
        const sorted = sort?.key === column.key ? sort.direction : undefined;
        return (
          <div
            key={column.key}
            role="columnheader"
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
            className={`data-table__cell data-table__cell--${column.align ?? 'start'}`}
          >
            {column.headerCell ??
              (column.sortable && onSort ? (
                <button type="button" className="data-table__sort" onClick={() => onSort({ key: column.key, direction: sorted === 'asc' ? 'desc' : 'asc' })}>
                  {column.header}
                  <span aria-hidden="true" className="data-table__sort-mark">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                  </span>
                </button>
              ) : (
                column.header
              ))}
          </div>
        );
      })}
    </div>
  );

  return (
    <div className={`data-table${height === 'fill' ? ' data-table--fill' : ''}`} role="grid" aria-label={label} aria-rowcount={count + 1}>
      <div ref={scroller} className="data-table__body" style={height === 'fill' ? undefined : { maxHeight: height }} onKeyDown={onKeyDown}>
        {header}
        {count === 0 ? (
          <div className="data-table__empty">{empty}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <TableRow
                  key={row ? rowKey(row) : `pending-${item.index}`}
                  row={row}
                  index={item.index}
                  top={item.start - HEADER_HEIGHT}
                  columns={columns}
                  template={template}
                  mark={row ? rowMark?.(row) : undefined}
                  current={item.index === current}
                  onOpen={onOpen}
                  onActivate={setActive}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

interface RowProps<T> {
  readonly row: T | undefined;
  readonly index: number;
  /** Its place below the header, in px. */
  readonly top: number;
  readonly columns: readonly Column<T>[];
  readonly template: string;
  readonly mark: string | undefined;
  /** The row the keyboard moves from (the one in the tab order). */
  readonly current: boolean;
  readonly onOpen: ((row: T) => void) | undefined;
  readonly onActivate: (index: number) => void;
}

/**
 * One row, drawn again only when what it shows changes (its row, the columns, its place): the
 * screen around a table renders often (counts arriving, a search being typed), its rows need not.
 * A row not yet read shows as a placeholder.
 */
const TableRow = memo(function TableRow<T>({ row, index, top, columns, template, mark, current, onOpen, onActivate }: RowProps<T>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy={row ? undefined : true}
      data-index={index}
      tabIndex={current ? 0 : -1}
      className={`data-table__row${mark ? ` data-table__row--${mark}` : ''}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => {
        onActivate(index);
        if (row) onOpen?.(row);
      }}
      onFocus={() => onActivate(index)}
    >
      {columns.map((column) => (
        <div
          key={column.key}
          role="gridcell"
          className={`data-table__cell data-table__cell--${column.align ?? 'start'}`}
          title={row && column.title ? column.title(row) : undefined}
        >
          {row ? column.render(row) : <span className="data-table__placeholder" />}
        </div>
      ))}
    </div>
  );
}) as <T>(props: RowProps<T> & { key?: string | number }) => ReactNode;
