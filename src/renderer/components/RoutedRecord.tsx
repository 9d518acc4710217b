import type { ReactNode } from 'react';
import type { Namespace } from '../../contract/methods';
import type { ValueOf } from '../api/contractQuery';
import { useContractQuery } from '../api/useContract';
import { useRecordParam } from '../hooks/useRecordParam';
import { ErrorNotice } from './Notice';

/** The namespaces of the records kept whole, each read by its id. */
type Kept = Extract<Namespace, 'petitions' | 'siteVisits' | 'meetings' | 'accountability'>;

/**
 * /<area>/new and /<area>/:id: the page of the record at the address, read from `of` (none for a new
 * one). Forms start from what they show, so they are made only once it is there; keyed by id, a form
 * starts afresh per record.
 */
export function RoutedRecord<N extends Kept>(props: { of: N; children: (record: ValueOf<N, 'get'> | null) => ReactNode }): ReactNode;
export function RoutedRecord({ of, children }: { of: Kept; children: (record: ValueOf<Kept, 'get'> | null) => ReactNode }) {
  const id = useRecordParam();
  const record = useContractQuery(of, 'get', id === null ? null : [id]);
  const shown = id === null ? null : record.data;
  if (shown === undefined) return <ErrorNotice error={record.error} />;
  return <div key={id ?? 'new'}>{children(shown)}</div>;
}
