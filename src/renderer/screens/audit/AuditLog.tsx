import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_NAMES, type EntityName, stillChecking } from '../../../contract/audit';
import { useContractQuery } from '../../api/useContract';
import { AuditEntries } from '../../components/audit/AuditEntries';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../hooks/useFormat';

const PAGE = 100;

/** Every change to the ledger, newest first: who, when, what, and which fields went from what to what. */
export function AuditLog() {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const [entity, setEntity] = useState<EntityName | ''>('');
  const [actor, setActor] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const entries = useContractQuery('audit', 'list', [{ ...(entity ? { entity } : {}), ...(actor ? { actor } : {}), limit }], { keepPrevious: true });
  // The ledger's people, and the names older entries were recorded under (people since removed, the computer's user before there were people).
  const actors = useContractQuery('audit', 'actors', []);
  // The chain under its key, and against the head this machine saw: a rewrite by SQL shows here.
  const verified = useContractQuery('audit', 'verify', [], { askAgainWhile: stillChecking });

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {verified.data && (
        <InfoNotice>
          {stillChecking(verified.data)
            ? t('chainChecking', { checked: format.number(verified.data.checked), total: format.number(verified.data.entries) })
            : t('chainOk', { count: verified.data.entries })}
        </InfoNotice>
      )}
      <ErrorNotice error={verified.error} />
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
        <label>
          {t('person')}
          <select value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">{t('everyone')}</option>
            {actors.data?.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={entries.error} />
      <AuditEntries entries={entries.data ?? []} label={t('title')} />
      {entries.data?.length === limit && (
        <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
          {t('more')}
        </button>
      )}
      {entries.data?.length === 0 && <p className="empty-state">{t('empty')}</p>}
    </>
  );
}
