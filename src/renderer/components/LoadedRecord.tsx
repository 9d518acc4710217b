import type { ReactNode } from 'react';
import type { DubanApi } from '../../contract/api';
import { ok, type Result } from '../../shared/result';
import { useLoad } from '../api/ApiContext';
import { ErrorNotice } from './Notice';

/**
 * A record's page once the record is read (or at once for a new one, `id` null): forms start from
 * what they show, so they are made only when it is there. Keyed by id, a form starts afresh per record.
 */
export function LoadedRecord<T>({
  id,
  load,
  children,
}: {
  id: number | null;
  load: (api: DubanApi, id: number) => Promise<Result<T>>;
  children: (record: T | null) => ReactNode;
}) {
  const record = useLoad((api) => (id === null ? Promise.resolve(ok(null)) : load(api, id)), [id]);
  if (record.error) return <ErrorNotice error={record.error} />;
  if (record.loading || record.data === undefined) return null;
  return <div key={id ?? 'new'}>{children(record.data)}</div>;
}
