import type { ReactNode } from 'react';
import { type LetterDates, type OfficeProfile, replyDueFor } from '../../../contract/documents';
import { useContractQuery } from '../../api/useContract';
import { today } from '../../hooks/today';
import { ErrorNotice } from '../Notice';

/** A letter's form, made once the office's details are read: they date a new letter. */
export function WithOffice({ children }: { children: (office: OfficeProfile) => ReactNode }) {
  const office = useContractQuery('documents', 'office', []);
  return office.data ? children(office.data) : <ErrorNotice error={office.error} />;
}

/** A new letter is dated today and asks for a reply within the office's period. */
export function newLetterDates(office: OfficeProfile): LetterDates {
  const now = today();
  return { issuedOn: now, replyDue: replyDueFor(office, now) };
}
