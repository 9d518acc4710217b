import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from './Notice';

/**
 * A record's page once the record is read (or at once for a new one, `id` null): forms start from
 * what they show, so they are made only when it is there. Keyed by id, a form starts afresh per record.
 */
export function LoadedRecord<T>({ id, record, children }: { id: number | null; record: UseQueryResult<T>; children: (record: T | null) => ReactNode }) {
  const shown = id === null ? null : record.data;
  if (shown === undefined) return <ErrorNotice error={record.error} />;
  return <div key={id ?? 'new'}>{children(shown)}</div>;
}
