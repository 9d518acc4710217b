import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_KINDS, type ExportKind, type ExportRequest } from '../../../contract/exchange';
import { TASK_STATUSES, type TaskStatus } from '../../../contract/tasks';
import { useContractQuery } from '../../api/useContract';
import { FieldFrame } from '../../components/Field';
import { UnitOptions } from '../../components/UnitSelect';
import { ErrorNotice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { today } from '../../hooks/today';
import { useExport } from '../../components/workbooks/ExportButton';
import { EnumOptions } from '../../components/EnumOptions';

/** A group's own workbooks: the commission's summary of groups is saved from its home page. */
type GroupExport = Exclude<ExportKind, 'groups'>;
const GROUP_EXPORTS = EXPORT_KINDS.filter((k): k is GroupExport => k !== 'groups');

/** Workbooks for leaders: the task ledger (a unit's, or tasks in a state), petition cases, units, statistics. */
export function Exports() {
  const { t } = useTranslation('exchange');
  const [kind, setKind] = useState<GroupExport>('tasks');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [asOf, setAsOf] = useState<string>(today());
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const exporting = useExport();

  const request = (): ExportRequest => {
    const unit = unitId === null ? {} : { unitId };
    switch (kind) {
      case 'tasks':
        return { kind, query: { ...unit, ...(status ? { statuses: [status] } : {}) } };
      case 'petitions':
        return { kind, query: unit };
      case 'units':
        return { kind };
      case 'stats':
        return { kind, asOf };
    }
  };

  return (
    <Section title={t('exportPage.title')}>
      <p className="section__intro">{t('exportPage.intro')}</p>
      <ErrorNotice error={exporting.error} />
      <div className="form form--grid">
        <fieldset className="field--wide export-kinds">
          <legend>{t('exportPage.kind')}</legend>
          {GROUP_EXPORTS.map((k) => (
            <label key={k} className="export-kinds__option">
              <input type="radio" name="export-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`exports.titles.${k}`)}
            </label>
          ))}
        </fieldset>
        {(kind === 'tasks' || kind === 'petitions') && (
          <FieldFrame label={t('exportPage.unit')}>
            {(control) => (
              <select {...control} value={unitId ?? ''} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : null)}>
                <option value="">{t('exportPage.allUnits')}</option>
                <UnitOptions units={units.data ?? []} />
              </select>
            )}
          </FieldFrame>
        )}
        {kind === 'tasks' && (
          <FieldFrame label={t('exportPage.statuses')}>
            {(control) => (
              <select {...control} value={status} onChange={(e) => setStatus(e.target.value as TaskStatus | '')}>
                <option value="">{t('exportPage.allStatuses')}</option>
                <EnumOptions name="taskStatus" values={TASK_STATUSES} />
              </select>
            )}
          </FieldFrame>
        )}
        {kind === 'stats' && (
          <FieldFrame label={t('exportPage.asOf')}>
            {(control) => <input {...control} type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />}
          </FieldFrame>
        )}
      </div>
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={exporting.busy} onClick={() => void exporting.run(request())}>
          {t('exportPage.export')}
        </button>
      </div>
    </Section>
  );
}
