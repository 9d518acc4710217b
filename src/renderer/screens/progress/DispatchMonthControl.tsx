import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchMonth } from '../../../contract/dispatch';
import { type Period, shiftPeriod } from '../../../shared/dates';
import type { DubanError } from '../../../shared/errors';
import { useContractMutation } from '../../api/useContract';
import { ErrorNotice } from '../../components/Notice';
import { useFormat } from '../../hooks/useFormat';

/**
 * The month the office collects, beside the month shown: on it, closing its collection moves the
 * office on to the next (the home page's figures follow); on another month, making it the one collected.
 */
export function DispatchMonthControl({ month, shown, onSet }: { month: DispatchMonth; shown: Period; onSet: (period: Period) => void }) {
  const { t } = useTranslation('progress');
  const dispatch = useContractMutation().dispatch;
  const format = useFormat();
  const [error, setError] = useState<DubanError | null>(null);
  const collecting = month.period === shown;
  const target = collecting ? shiftPeriod(shown, 1) : shown;
  const set = async (): Promise<void> => {
    const saved = await dispatch.setMonth(target);
    if (!saved.ok) return setError(saved.error);
    setError(null);
    onSet(saved.value.period);
  };
  return (
    <div className="dispatch-month">
      <span className={`dispatch-month__note${collecting ? ' dispatch-month__note--current' : ''}`}>
        {collecting ? t('dispatch.collecting') : t('dispatch.collectingOther', { period: format.period(month.period) })}
      </span>
      <button type="button" className="button button--small" onClick={() => void set()}>
        {collecting ? t('dispatch.close', { next: format.period(target) }) : t('dispatch.makeCurrent')}
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}
