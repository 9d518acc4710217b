import type { ReactNode } from 'react';
import type { PagedRows } from '../hooks/usePagedRows';
import { DataTable, type TableProps } from './DataTable';

/** A table of rows read page by page as it scrolls (`usePagedRows`); `loading` shows until the first page comes. */
export function PagedTable<T>({ rows, loading, empty, ...table }: TableProps<T> & { rows: PagedRows<T>; loading: ReactNode }) {
  return <DataTable {...table} count={rows.total ?? 0} rowAt={rows.rowAt} onRange={rows.onRange} empty={rows.total === null ? loading : empty} />;
}
