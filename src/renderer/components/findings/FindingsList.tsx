import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../contract/findings';
import { useContractQuery } from '../../api/useContract';
import { type Column, DataTable } from '../DataTable';
import { Tag } from '../Tag';
import { useFormat } from '../../hooks/useFormat';
import { type FindingContext, FindingDialog } from './FindingDialog';

/**
 * The findings (问题) of a visit, a meeting or a task: what, where from, to whom it was reported,
 * whether put right. Enter or a click opens one; "登记问题" adds one in this context.
 */
export function FindingsList({ findings, context }: { findings: readonly Finding[]; context: FindingContext }) {
  const { t } = useTranslation('visits');
  const format = useFormat();
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const visits = useContractQuery('siteVisits', 'list', []);
  const meetings = useContractQuery('meetings', 'list', []);
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);

  const originText = (f: Finding): string => {
    if (f.origin.source === 'visit') {
      const id = f.origin.siteVisitId;
      const visit = visits.data?.find((v) => v.id === id);
      return visit ? t('findings.fromVisit', { date: format.date(visit.visitedOn) }) : t('common:enums.findingSource.visit');
    }
    if (f.origin.source === 'meeting') {
      const id = f.origin.meetingId;
      return meetings.data?.find((m) => m.id === id)?.title ?? t('common:enums.findingSource.meeting');
    }
    return t('common:enums.findingSource.report');
  };

  const columns: Column<Finding>[] = [
    { key: 'description', header: t('fields.description'), width: 'minmax(14rem, 3fr)', render: (f) => f.description, title: (f) => f.description },
    ...(context.origin ? [] : [{ key: 'origin', header: t('fields.origin'), width: 'minmax(8rem, 1fr)', render: originText, title: originText }]),
    { key: 'unit', header: t('findings.unit'), width: 'minmax(7rem, 1fr)', render: (f) => units.data?.find((u) => u.id === f.unitId)?.name ?? '' },
    { key: 'reportedTo', header: t('fields.reportedTo'), width: 'minmax(7rem, 1fr)', render: (f) => f.reportedTo, title: (f) => f.reportedTo },
    {
      key: 'rectified',
      header: t('fields.rectified'),
      width: '6.5rem',
      align: 'center',
      render: (f) => <Tag tone={f.rectified ? 'ok' : 'warn'}>{t(f.rectified ? 'findings.rectified' : 'findings.open')}</Tag>,
    },
  ];

  return (
    <div className="findings">
      <DataTable
        label={t('findings.title')}
        columns={columns}
        rows={findings}
        rowKey={(f) => f.id}
        onOpen={setEditing}
        empty={t('findings.empty')}
        height={320}
      />
      <div className="findings__actions">
        <button type="button" className="button button--small" onClick={() => setEditing('new')}>
          {t('findings.add')}
        </button>
      </div>
      {editing && (
        <FindingDialog
          finding={editing === 'new' ? null : editing}
          context={context}
          units={units.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </div>
  );
}
