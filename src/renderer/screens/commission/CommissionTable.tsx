import type { ReactNode } from 'react';

/** One column: its heading, how its cells read, and whether they are numbers (right-aligned) or kept on one line. */
export interface Column<R> {
  readonly label: string;
  readonly cell: (row: R) => ReactNode;
  readonly kind?: 'number' | 'nowrap' | 'text' | 'heading';
  readonly className?: (row: R) => string;
}

const CLASSES = { number: 'commission-table__number', nowrap: 'commission-table__nowrap', text: 'commission-table__text', heading: '' } as const;

/**
 * The commission's plain tables (groups side by side, a group's rows, packages checked). A row may
 * instead be one message after its first cell (`spanned`), e.g. why a file cannot be read.
 */
export function CommissionTable<R>({
  label,
  columns,
  rows,
  rowKey,
  spanned,
}: {
  label: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string | number;
  spanned?: (row: R) => ReactNode | null;
}) {
  const classOf = (column: Column<R>, row?: R): string | undefined =>
    [column.kind ? CLASSES[column.kind] : '', row && column.className ? column.className(row) : ''].filter(Boolean).join(' ') || undefined;
  return (
    <table className="commission-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={classOf(column)}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const message = spanned?.(row) ?? null;
          const shown = message === null ? columns : columns.slice(0, 1);
          return (
            <tr key={rowKey(row, index)}>
              {shown.map((column) =>
                column.kind === 'heading' ? (
                  <th key={column.label} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.label} className={classOf(column, row)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
              {message !== null && (
                <td colSpan={columns.length - 1} className="commission-table__danger">
                  {message}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
