import { useParams } from 'react-router';

/** The record a page shows (/visits/12), or null for a new one (/visits/new). */
export function useRecordParam(): number | null {
  const { id } = useParams();
  return id && /^\d+$/.test(id) ? Number(id) : null;
}
