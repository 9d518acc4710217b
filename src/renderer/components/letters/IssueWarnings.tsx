import { useTranslation } from 'react-i18next';
import type { IssueWarning } from '../../../contract/documents';
import { useFormat } from '../../hooks/useFormat';

/** A warning in words: the chased letter's deadline still ahead, or the letter sent lately. */
export function useWarningText(): (warning: IssueWarning) => string {
  const { t } = useTranslation('documents');
  const format = useFormat();
  return (warning) =>
    t(`warnings.${warning.code}`, { number: warning.number, date: format.date(warning.code === 'reply_not_due' ? warning.replyDue : warning.issuedOn) });
}

/** What the office should know before letters go out, one line each; nothing when there is nothing to say. */
export function IssueWarnings({ warnings }: { warnings: readonly IssueWarning[] }) {
  const text = useWarningText();
  if (warnings.length === 0) return null;
  return (
    <ul className="notice notice--warn letter-warnings" role="note">
      {warnings.map((warning) => (
        <li key={`${warning.code}:${warning.number}`}>{text(warning)}</li>
      ))}
    </ul>
  );
}
