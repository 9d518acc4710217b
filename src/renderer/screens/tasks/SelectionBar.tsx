import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/useFormat';

/** What can be done with the tasks ticked in the ledger: shown while some are. */
export function SelectionBar({ count, onAssign, onClear }: { count: number; onAssign: () => void; onClear: () => void }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  return (
    <div className="selection-bar" role="region" aria-label={t('ledger.selection')}>
      <span>{t('ledger.selected', { count, shown: format.number(count) })}</span>
      <button type="button" className="button button--primary" onClick={onAssign}>
        {t('assign.open')}
      </button>
      <button type="button" className="button button--link" onClick={onClear}>
        {t('ledger.clearSelection')}
      </button>
    </div>
  );
}
