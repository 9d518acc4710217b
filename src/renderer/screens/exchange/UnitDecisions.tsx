import { useTranslation } from 'react-i18next';
import type { ImportPreview, UnitDecision } from '../../../contract/exchange';
import type { Unit } from '../../../contract/units';
import { Section } from '../../components/Section';
import { UnitOptions } from '../../components/UnitSelect';

/**
 * Unit names the ledger does not know: the user says which unit each stands for (close names first)
 * or that it is a new unit. A name is never written into a record as it stands.
 */
const CREATE = 'create';

export function UnitDecisions({
  preview,
  units,
  disabled,
  onDecide,
  onCreateAll,
}: {
  preview: ImportPreview;
  units: readonly Unit[];
  disabled: boolean;
  onDecide: (name: string, decision: UnitDecision) => void;
  onCreateAll: () => void;
}) {
  const { t } = useTranslation('exchange');
  // Collective names are asked as groups (GroupDecisions).
  const unknown = preview.units.filter((u) => u.match === null && !u.collective);
  if (unknown.length === 0) return null;
  const valueOf = (decision: UnitDecision | null): string =>
    decision?.action === 'create' ? CREATE : decision?.action === 'use' ? String(decision.unitId) : '';
  return (
    <Section
      title={t('unitNames.title')}
      actions={
        unknown.some((u) => u.decision === null) && (
          <button type="button" className="button" disabled={disabled} onClick={onCreateAll}>
            {t('unitNames.createAll')}
          </button>
        )
      }
    >
      <p className="section__intro">{t('unitNames.intro')}</p>
      <ul className="unit-decisions">
        {unknown.map((resolution) => (
          <li key={resolution.name} className="unit-decisions__item">
            <label className="unit-decisions__name" htmlFor={`unit-${resolution.name}`}>
              {resolution.name}
              <span className="unit-decisions__rows">{t('unitNames.rows', { count: resolution.rows })}</span>
            </label>
            <select
              id={`unit-${resolution.name}`}
              value={valueOf(resolution.decision)}
              disabled={disabled}
              onChange={(e) => onDecide(resolution.name, e.target.value === CREATE ? { action: 'create' } : { action: 'use', unitId: Number(e.target.value) })}
            >
              <option value="" disabled>
                {t('unitNames.choose')}
              </option>
              <option value={CREATE}>{t('unitNames.create', { name: resolution.name })}</option>
              {resolution.suggestions.length > 0 && (
                <optgroup label={t('unitNames.close')}>
                  {resolution.suggestions.map((s) => (
                    <option key={s.unitId} value={s.unitId}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              )}
              <optgroup label={t('unitNames.all')}>
                <UnitOptions units={units} />
              </optgroup>
            </select>
          </li>
        ))}
      </ul>
      {preview.newUnits.length > 0 && (
        <p className="section__intro">{t('unitNames.willCreate', { names: preview.newUnits.map((u) => u.name).join(t('common:listSeparator')) })}</p>
      )}
    </Section>
  );
}
