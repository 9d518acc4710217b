import { useTranslation } from 'react-i18next';
import { isPeriod, type Period, shiftPeriod } from '../../shared/dates';
import { thisPeriod } from '../hooks/today';

/** ‹ 上月 · the month · 下月 › · 本月: the period a screen shows (named 调度月份 unless `label` says otherwise). */
export function MonthPicker({ period, onChange, label }: { period: Period; onChange: (period: Period) => void; label?: string }) {
  const { t } = useTranslation('progress');
  const current = thisPeriod();
  const name = label ?? t('month.label');
  return (
    <div className="month-picker" role="group" aria-label={name}>
      <button type="button" className="button" onClick={() => onChange(shiftPeriod(period, -1))}>
        {t('month.previous')}
      </button>
      <label>
        <span className="visually-hidden">{name}</span>
        <input type="month" value={period} onChange={(e) => isPeriod(e.target.value) && onChange(e.target.value)} />
      </label>
      <button type="button" className="button" onClick={() => onChange(shiftPeriod(period, 1))}>
        {t('month.next')}
      </button>
      {period !== current && (
        <button type="button" className="button button--link" onClick={() => onChange(current)}>
          {t('month.current')}
        </button>
      )}
    </div>
  );
}
