import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/audit/model';
import { ENTITY_NAMES, type EntityName } from '../../../core/entities';
import { formatInstant } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/setup';
import { useLoad } from '../../api/ApiContext';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { changedFields } from './changes';

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

const PAGE = 100;

/** Every change to the ledger, newest first: who, when, what, and which fields went from what to what. */
export function AuditLog() {
  const { t, i18n } = useTranslation('audit');
  const [entity, setEntity] = useState<EntityName | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const entries = useLoad((api) => api.audit.list({ ...(entity ? { entity } : {}), limit }), [entity, limit]);
  const fieldName = (e: AuditEntry, field: string): string => {
    const ns = FIELD_NAMESPACE[e.entity];
    return ns ? t(`${ns}:fields.${field}`, { defaultValue: field }) : field;
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="toolbar">
        <label>
          {t('filter')}
          <select value={entity} onChange={(e) => setEntity(e.target.value as EntityName | '')}>
            <option value="">{t('all')}</option>
            {ENTITY_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`common:entities.${name}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={entries.error} />
      <ol className="audit" aria-label={t('title')}>
        {entries.data?.map((e) => (
          <li key={e.id} className="audit__entry">
            <div className="audit__head">
              <span className="audit__when">{formatInstant(e.at, i18n.language as Language)}</span>
              <span className="audit__who">{e.actor || t('unknownActor')}</span>
              <span className={`audit__action audit__action--${e.action}`}>{t(`common:enums.auditAction.${e.action}`)}</span>
              <span>
                {t(`common:entities.${e.entity}`)} #{e.entityId}
              </span>
            </div>
            <table className="audit__changes">
              <tbody>
                {changedFields(e.before, e.after).map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{fieldName(e, c.field)}</th>
                    <td className="audit__before">{c.before}</td>
                    <td aria-hidden="true">→</td>
                    <td className="audit__after">{c.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
      {entries.data?.length === limit && (
        <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
          {t('more')}
        </button>
      )}
      {entries.data?.length === 0 && <p>{t('empty')}</p>}
    </>
  );
}
