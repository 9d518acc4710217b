import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/model';
import type { EntityName } from '../../../core/entities';
import { useLoad } from '../../api/ApiContext';
import { useFormat } from '../../hooks/useFormat';
import { changedFields } from './changes';
import { type Names, valueText } from './values';

/** The screen whose namespace names an entity's fields (`<ns>:fields.<field>`). */
const FIELD_NAMESPACE: Partial<Record<EntityName, string>> = {
  unit: 'units',
  inspection: 'tasks',
  task: 'tasks',
  measure: 'tasks',
  close_out: 'tasks',
  evidence: 'tasks',
  progress_report: 'progress',
  petition_case: 'petitions',
  site_visit: 'visits',
  finding: 'visits',
  meeting: 'meetings',
  accountability_case: 'accountability',
  document: 'documents',
  document_type: 'documents',
  document_template: 'documents',
};

/** Changes as the change history shows them: when, who, what, and each field from what to what. */
export function AuditEntries({ entries, label }: { entries: readonly AuditEntry[]; label: string }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const units = useLoad((api) => api.units.list({ includeArchived: true }), []);
  const inspections = useLoad((api) => api.inspections.list(), []);
  const measures = useLoad((api) => api.measures.list(), []);
  const names = useMemo<Names>(
    () => ({
      units: new Map(units.data?.map((u) => [u.id, u.name])),
      inspections: new Map(inspections.data?.map((i) => [i.id, i.name])),
      measures: new Map(measures.data?.map((m) => [m.id, m.number ? `${m.number} ${m.content}` : m.content])),
    }),
    [units.data, inspections.data, measures.data],
  );
  const fieldName = (e: AuditEntry, field: string): string => {
    const ns = FIELD_NAMESPACE[e.entity];
    return ns ? t(`${ns}:fields.${field}`, { defaultValue: field }) : field;
  };
  return (
    <ol className="audit" aria-label={label}>
      {entries.map((e) => (
        <li key={e.id} className="audit__entry">
          <div className="audit__head">
            <span className="audit__when">{format.instant(e.at)}</span>
            <span className="audit__who">{e.actor || t('unknownActor')}</span>
            <span className={`audit__action audit__action--${e.action}`}>{t(`common:enums.auditAction.${e.action}`)}</span>
            <span>{t('entityRef', { entity: t(`common:entities.${e.entity}`), id: e.entityId })}</span>
          </div>
          <table className="audit__changes">
            <tbody>
              {changedFields(e.before, e.after, valueText(e.entity, t, format, names)).map((c) => (
                <tr key={c.field}>
                  <th scope="row">{fieldName(e, c.field)}</th>
                  {e.action === 'update' ? (
                    <>
                      <td className="audit__before" title={c.before}>
                        {c.before}
                      </td>
                      <td aria-hidden="true">→</td>
                      <td className="audit__after" title={c.after}>
                        {c.after}
                      </td>
                    </>
                  ) : (
                    <td colSpan={3} className={e.action === 'delete' ? 'audit__before' : undefined} title={e.action === 'delete' ? c.before : c.after}>
                      {e.action === 'delete' ? c.before : c.after}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </li>
      ))}
    </ol>
  );
}
