import { useTranslation } from 'react-i18next';
import type { ExistingMatch } from '../../../contract/exchange';
import { useFormat } from '../../hooks/useFormat';

/**
 * Rows the preview found to be tasks already in the ledger by number and problem: those taken into
 * the source chosen (nothing is added twice), and those that as chosen would be added a second time,
 * with the way to import them under their own source instead.
 */
export function ExistingTasks({
  matches,
  disabled,
  onSource,
}: {
  matches: readonly ExistingMatch[];
  disabled: boolean;
  onSource: (inspectionId: number) => void;
}) {
  const { t } = useTranslation('exchange');
  const format = useFormat();
  return matches.map((match) => (
    <div key={`${match.how}-${match.inspectionId}`} className={`notice notice--${match.how === 'adopted' ? 'info' : 'warn'} existing-tasks`} role="status">
      <p>{t(`existing.${match.how}`, { count: match.rows, shown: format.number(match.rows), source: match.source })}</p>
      {match.how === 'lookalike' && (
        <button type="button" className="button" disabled={disabled} onClick={() => onSource(match.inspectionId)}>
          {t('existing.useSource', { source: match.source })}
        </button>
      )}
    </div>
  ));
}
