import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../contract/documents';

/** The numbers previewed letters would take when issued (a preview takes none): one line, or one per recipient. */
export function LetterNumbers({ items }: { items: readonly Preview[] }) {
  const { t } = useTranslation('documents');
  if (items.length === 0) return null;
  if (items.length === 1) return <p className="letter-numbers">{t('issue.number', { number: items[0]!.document.number })}</p>;
  return (
    <div className="letter-numbers">
      <p>{t('issue.numbers')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.recipientUnitId}>{t('issue.numberFor', { recipient: item.recipient, number: item.document.number })}</li>
        ))}
      </ul>
    </div>
  );
}
