import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../contract/inspections';
import { CHECK_STAGES, DEADLINE_KINDS, UNIT_ROLES, type UnitRole } from '../../../contract/tasks';
import type { Unit } from '../../../contract/units';
import type { IsoDate } from '../../../shared/dates';
import { EnumFilter } from '../../components/EnumFilter';
import { EnumOptions } from '../../components/EnumOptions';
import { UnitSelect } from '../../components/UnitSelect';
import { markSearchFired } from '../../hooks/useFilterTiming';
import { useSearchBox } from '../../hooks/useSearchBox';
import { isFiltered, type LedgerFilter, NO_FILTER } from './ledgerFilter';

/** The ledger's filters: search, unit and its role, source, deadline kind and range, the check's stage, overdue. */
export function LedgerFilters({
  filter,
  onChange,
  units,
  inspections,
}: {
  filter: LedgerFilter;
  onChange: (filter: LedgerFilter) => void;
  units: readonly Unit[];
  inspections: readonly Inspection[];
}) {
  const { t } = useTranslation('tasks');
  const change = (part: Partial<LedgerFilter>): void => onChange({ ...filter, ...part });
  const [search, setSearch] = useSearchBox(filter.search, (typed) => {
    markSearchFired('tasks');
    change({ search: typed });
  });

  const id = (value: string): number | null => (value === '' ? null : Number(value));
  const date = (value: string): IsoDate | null => (value === '' ? null : (value as IsoDate));

  return (
    <div className="filters" role="search" aria-label={t('ledger.filters')}>
      <label className="filters__search">
        <span className="visually-hidden">{t('ledger.search')}</span>
        <input type="search" value={search} placeholder={t('ledger.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
      </label>
      <UnitSelect
        units={units}
        value={filter.unitId === null ? '' : String(filter.unitId)}
        onChange={(value) => change({ unitId: id(value) })}
        label={t('ledger.unit')}
      />
      <label>
        <span className="visually-hidden">{t('ledger.role')}</span>
        <select value={filter.role} disabled={filter.unitId === null} onChange={(e) => change({ role: e.target.value as UnitRole | 'any' })}>
          <option value="any">{t('ledger.anyRole')}</option>
          <EnumOptions name="unitRole" values={UNIT_ROLES} />
        </select>
      </label>
      <label>
        {t('ledger.source')}
        <select value={filter.inspectionId ?? ''} onChange={(e) => change({ inspectionId: e.target.value === 'none' ? 'none' : id(e.target.value) })}>
          <option value="">{t('ledger.allSources')}</option>
          <option value="none">{t('ledger.noSource')}</option>
          {inspections.map((inspection) => (
            <option key={inspection.id} value={inspection.id}>
              {inspection.name}
            </option>
          ))}
        </select>
      </label>
      <span className="filters__group" role="group" aria-label={t('fields.deadline')}>
        <EnumFilter
          label={t('fields.deadline')}
          name="deadlineKind"
          values={DEADLINE_KINDS}
          value={filter.deadlineKind}
          anyLabel={t('ledger.anyDeadline')}
          onChange={(deadlineKind) => change({ deadlineKind })}
        />
        <label>
          <span className="visually-hidden">{t('ledger.deadlineFrom')}</span>
          <input
            type="date"
            value={filter.deadlineFrom ?? ''}
            max={filter.deadlineTo ?? undefined}
            onChange={(e) => change({ deadlineFrom: date(e.target.value) })}
          />
        </label>
        <span aria-hidden="true">{t('app:filters.to')}</span>
        <label>
          <span className="visually-hidden">{t('ledger.deadlineTo')}</span>
          <input
            type="date"
            value={filter.deadlineTo ?? ''}
            min={filter.deadlineFrom ?? undefined}
            onChange={(e) => change({ deadlineTo: date(e.target.value) })}
          />
        </label>
      </span>
      <EnumFilter
        label={t('ledger.checkStage')}
        name="checkStage"
        values={CHECK_STAGES}
        value={filter.checkStage}
        anyLabel={t('ledger.anyCheckStage')}
        onChange={(checkStage) => change({ checkStage })}
      />
      <label className="field--check">
        <input type="checkbox" checked={filter.overdue} onChange={(e) => change({ overdue: e.target.checked })} />
        {t('ledger.overdueOnly')}
      </label>
      <label className="field--check">
        <input type="checkbox" checked={filter.topLevel} onChange={(e) => change({ topLevel: e.target.checked })} />
        {t('ledger.topLevelOnly')}
      </label>
      {isFiltered(filter) && (
        <button type="button" className="button button--link" onClick={() => onChange({ ...NO_FILTER, sort: filter.sort, descending: filter.descending })}>
          {t('ledger.clear')}
        </button>
      )}
    </div>
  );
}
