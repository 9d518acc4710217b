import { useTranslation } from 'react-i18next';
import type { IssueWarning } from '../../../contract/documents';
import { useFormat } from '../../hooks/useFormat';

/** A warning in words: the chased letter's deadline still ahead, the letter sent lately, or a sentence left out and where to fill in what it needs. */
export function useWarningText(): (warning: IssueWarning) => string {
  const { t } = useTranslation('documents');
  const format = useFormat();
  return (warning) => {
    switch (warning.code) {
      case 'sentence_left_out':
        return t('warnings.sentence_left_out', {
          sentence: warning.sentence,
          fields: warning.fields.map((field) => t(`warnings.fields.${field}`)).join(t('common:listSeparator')),
          where: [...new Set(warning.fields.map((field) => t(`warnings.setIn.${field}`)))].join(t('common:listSeparator')),
        });
      case 'reply_not_due':
        return t('warnings.reply_not_due', { number: warning.number, date: format.date(warning.replyDue) });
      case 'recently_sent':
        return t('warnings.recently_sent', { number: warning.number, date: format.date(warning.issuedOn) });
    }
  };
}

/** Tells warnings apart in a list. */
export const warningKey = (warning: IssueWarning): string => `${warning.code}:${warning.code === 'sentence_left_out' ? warning.sentence : warning.number}`;

/** What the office should know before letters go out, one line each; nothing when there is nothing to say. */
export function IssueWarnings({ warnings }: { warnings: readonly IssueWarning[] }) {
  const text = useWarningText();
  if (warnings.length === 0) return null;
  // Letters written together from one template leave out the same sentences: each is said once.
  const unique = [...new Map(warnings.map((warning) => [warningKey(warning), warning])).values()];
  return (
    <ul className="notice notice--warn letter-warnings" role="note">
      {unique.map((warning) => (
        <li key={warningKey(warning)}>{text(warning)}</li>
      ))}
    </ul>
  );
}
