import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../contract/units';
import { useContractQuery } from '../../api/useContract';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { UnitDialog } from './UnitDialog';
import { UnitGroups } from './UnitGroups';

/** The units the group deals with: resident, supervised, cities and leagues, with their contacts. */
export function Units() {
  const { t } = useTranslation('units');
  const [includeArchived, setIncludeArchived] = useState(false);
  const units = useContractQuery('units', 'list', [{ includeArchived }]);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const columns: Column<Unit>[] = [
    { key: 'name', header: t('fields.name'), width: 'minmax(14rem, 3fr)', render: (u) => (u.archived ? t('archivedName', { name: u.name }) : u.name) },
    { key: 'kind', header: t('fields.kind'), width: '9rem', render: (u) => t(`common:enums.unitKind.${u.kind}`) },
    { key: 'contact', header: t('contacts.name'), width: '7rem', render: (u) => u.contacts[0]?.name ?? '' },
    { key: 'phone', header: t('contacts.phone'), width: '10rem', render: (u) => u.contacts[0]?.phone ?? '' },
    { key: 'address', header: t('fields.address'), width: 'minmax(10rem, 2fr)', render: (u) => u.address },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { count: units.data?.length ?? 0 })}
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('add')}
          </button>
        }
      />
      <div className="toolbar">
        <label className="field--check">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          {t('showArchived')}
        </label>
      </div>
      <ErrorNotice error={units.error} />
      <DataTable label={t('title')} columns={columns} rows={units.data ?? []} rowKey={(u) => u.id} onOpen={setEditing} empty={t('empty')} />
      <UnitGroups units={units.data ?? []} />
      {editing && <UnitDialog unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
    </>
  );
}
