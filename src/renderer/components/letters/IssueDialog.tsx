import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentPreview, type IssuedDocument, type LetterDates as Dates, letterDates, type OfficeProfile } from '../../../contract/documents';
import type { Result } from '../../../shared/result';
import { useForm } from '../../forms/useForm';
import { useDebounced } from '../../hooks/useDebounced';
import { Dialog } from '../Dialog';
import { ErrorNotice } from '../Notice';
import { DocumentFrame } from './DocumentFrame';
import { GroupChoice } from './GroupChoice';
import { IssueWarnings } from './IssueWarnings';
import { LetterDates } from './LetterDates';
import { LetterNumbers } from './LetterNumbers';
import { newLetterDates, WithOffice } from './office';

/**
 * Letters issued from another screen's list in one step — a chase (催办) of a letter left unanswered,
 * or letters to the units that have not reported (催报) — asked first: their date and the reply they
 * ask for (the office's period by default), the pages as they will print with the numbers they will
 * take, what the office should know (IssueWarnings), and one confirmation. Nothing is issued, and no
 * number taken, before it. The caller says what is sent (`intro`) and gives the two calls.
 */
export interface IssueDialogProps {
  readonly title: string;
  readonly intro: string;
  /** The confirming button's words, for the number of letters previewed. */
  readonly confirm: (letters: number) => string;
  /** Some recipients owe tasks given to their unit group: offer one letter to the group instead of one per member. */
  readonly offersGroups?: boolean;
  /**
   * The read of the letters with these dates (and, if chosen, addressed to the groups) as they would be
   * issued, with their warnings: a query (`contractQuery`), so that an older draft's slow answer never
   * replaces a newer one's.
   */
  readonly preview: (dates: Dates, toGroups: boolean) => PreviewQuery;
  /** Issues them: numbers taken, register entries written. */
  readonly issue: (dates: Dates, toGroups: boolean) => Promise<Result<readonly IssuedDocument[]>>;
  readonly onIssued: (documents: readonly IssuedDocument[]) => void;
  readonly onClose: () => void;
}

export function IssueDialog(props: IssueDialogProps) {
  return (
    <Dialog title={props.title} open wide onClose={props.onClose}>
      <WithOffice>{(office) => <Confirmation office={office} {...props} />}</WithOffice>
    </Dialog>
  );
}

export interface PreviewQuery {
  readonly queryKey: readonly unknown[];
  readonly queryFn: () => Promise<DocumentPreview>;
}

function Confirmation({ office, title, intro, confirm, offersGroups, preview, issue, onIssued, onClose }: IssueDialogProps & { office: OfficeProfile }) {
  const { t } = useTranslation('documents');
  const form = useForm(letterDates, newLetterDates(office));
  const dates = useDebounced(form.values, 350);
  const valid = useMemo(() => letterDates.safeParse(dates).data ?? null, [dates]);
  const [toGroups, setToGroups] = useState(false);
  const read = useQuery({
    ...(valid ? preview(valid, toGroups) : { queryKey: ['letters', 'no-preview'], queryFn: skipToken }),
    placeholderData: keepPreviousData,
  });
  // Dates that cannot be issued show no letter, whatever was shown for the last sound ones.
  const shown = valid ? { preview: read.data ?? null, error: read.error } : { preview: null, error: null };

  const send = (): void =>
    void form.submit(async (values) => {
      const issued = await issue(values, toGroups);
      if (issued.ok) onIssued(issued.value);
      return issued;
    });
  const items = shown.preview?.items ?? [];

  return (
    <form
      className="letter-confirm"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <p>{intro}</p>
      {offersGroups && <GroupChoice toGroups={toGroups} onChange={setToGroups} />}
      <div className="form form--grid">
        <LetterDates form={form} />
      </div>
      <IssueWarnings warnings={items.flatMap((item) => item.warnings)} />
      <LetterNumbers items={items} />
      <ErrorNotice error={form.failure ?? shown.error} />
      <DocumentFrame html={shown.preview?.html ?? null} title={t('preview.title')} zoom={0.6} height={400} />
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t('app:actions.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={!shown.preview || form.saving}>
          {confirm(items.length)}
        </button>
      </div>
    </form>
  );
}
