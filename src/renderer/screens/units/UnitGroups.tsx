import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeMembers } from '../../../contract/describe-exchange';
import type { UnitGroup } from '../../../contract/unitGroups';
import type { Unit } from '../../../contract/units';
import { useContractQuery } from '../../api/useContract';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { GroupDialog } from './GroupDialog';

/** 单位组: units named as one (各盟市人民政府（行政公署）), chosen for a task as one; each member owes it. */
export function UnitGroups({ units }: { units: readonly Unit[] }) {
  const { t } = useTranslation('units');
  const groups = useContractQuery('unitGroups', 'list', []);
  const [editing, setEditing] = useState<UnitGroup | 'new' | null>(null);
  const nameOf = (id: number): string => units.find((u) => u.id === id)?.name ?? '';

  const columns: Column<UnitGroup>[] = [
    { key: 'name', header: t('groupFields.name'), width: 'minmax(14rem, 2fr)', render: (g) => g.name },
    { key: 'by', header: t('groups.rule'), width: '10rem', render: (g) => describeMembers(t, g.members) },
    {
      key: 'members',
      header: t('groupFields.members'),
      width: 'minmax(16rem, 3fr)',
      render: (g) => t('groups.memberList', { count: g.memberIds.length, names: g.memberIds.map(nameOf).join(t('common:listSeparator')) }),
    },
  ];

  return (
    <Section
      title={t('groups.title')}
      actions={
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('groups.add')}
        </button>
      }
    >
      <p className="section__intro">{t('groups.intro')}</p>
      <ErrorNotice error={groups.error} />
      <DataTable label={t('groups.title')} columns={columns} rows={groups.data ?? []} rowKey={(g) => g.id} onOpen={setEditing} empty={t('groups.empty')} />
      {editing && <GroupDialog group={editing === 'new' ? null : editing} units={units} onClose={() => setEditing(null)} />}
    </Section>
  );
}
