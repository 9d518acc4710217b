import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Inspection } from '../../../contract/inspections';
import type { Measure } from '../../../contract/measures';
import { useApi } from '../../api/ApiContext';
import { contractQuery } from '../../api/contractQuery';
import { useContractQuery } from '../../api/useContract';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { Empty, Section } from '../../components/Section';
import { useFormat } from '../../hooks/useFormat';
import { ArchiveDialog } from './ArchiveDialog';
import { InspectionDialog } from './InspectionDialog';
import { MeasureDialog } from '../../components/MeasureDialog';

/** The list on the left: an inspection, or the measures that belong to none. */
type Choice = number | 'none';

/**
 * 督察来源: the inspections whose feedback the tasks rectify, each with its measures (整改措施) and
 * a link to its tasks in the ledger. The one chosen is kept in the address (?source=ID).
 */
export function Sources() {
  const { t } = useTranslation('sources');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const api = useApi();
  const inspections = useContractQuery('inspections', 'list', []);
  const measures = useContractQuery('measures', 'list', []);
  // How many tasks each inspection has: a page of one row tells the total.
  const taskCounts = useQueries({
    queries: (inspections.data ?? []).map((inspection) => contractQuery(api, 'tasks', 'list', [{ inspectionId: inspection.id, limit: 1 }])),
    combine: (pages) => new Map((inspections.data ?? []).flatMap((inspection, i) => (pages[i]?.data ? [[inspection.id, pages[i].data.total]] : []))),
  });
  const [editing, setEditing] = useState<Inspection | 'new' | null>(null);
  const [editingMeasure, setEditingMeasure] = useState<Measure | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Inspection | null>(null);
  // An archive file holds one round already, and is read-only.
  const isArchive = Boolean(useContractQuery('archive', 'state', []).data?.mark);

  const param = params.get('source');
  const chosen: Choice | null = param === 'none' ? 'none' : param ? Number(param) : (inspections.data?.[0]?.id ?? null);
  const choose = (choice: Choice | null): void => setParams(choice === null ? {} : { source: String(choice) }, { replace: true });
  const inspection = typeof chosen === 'number' ? (inspections.data?.find((i) => i.id === chosen) ?? null) : null;
  const measuresOf = (choice: Choice): Measure[] => (measures.data ?? []).filter((m) => m.inspectionId === (choice === 'none' ? null : choice));
  const shown = chosen === null ? [] : measuresOf(chosen);

  const columns: Column<Measure>[] = [
    { key: 'number', header: t('tasks:fields.measureNumber'), width: '6rem', render: (m) => m.number },
    { key: 'content', header: t('tasks:fields.content'), width: 'minmax(16rem, 1fr)', render: (m) => m.content, title: (m) => m.content },
    { key: 'tasks', header: t('measures.tasks'), width: '7rem', align: 'end', render: (m) => t('measures.taskCount', { count: m.taskIds.length }) },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            {t('add')}
          </button>
        }
      />
      <ErrorNotice error={inspections.error ?? measures.error} />
      <div className="master-detail">
        <nav className="master-detail__list" aria-label={t('list')}>
          {inspections.data?.length === 0 && <Empty>{t('empty')}</Empty>}
          {[...(inspections.data ?? []).map((i) => i.id), 'none' as const].map((choice) => {
            const item = typeof choice === 'number' ? inspections.data!.find((i) => i.id === choice)! : null;
            return (
              <button
                key={choice}
                type="button"
                className={`source-item${chosen === choice ? ' source-item--chosen' : ''}`}
                aria-current={chosen === choice ? 'true' : undefined}
                onClick={() => choose(choice)}
              >
                <span className="source-item__name">{item ? item.name : t('noSource')}</span>
                <span className="source-item__meta">
                  {[
                    item?.batch,
                    item ? format.date(item.feedbackDate) : '',
                    item ? t('taskCount', { count: taskCounts.get(item.id) ?? 0 }) : '',
                    t('measures.count', { count: measuresOf(choice).length }),
                  ]
                    .filter(Boolean)
                    .join(t('separator'))}
                </span>
              </button>
            );
          })}
        </nav>
        <div className="master-detail__detail">
          {inspection && (
            <Section
              title={inspection.name}
              actions={
                <>
                  <Link className="button button--small" to={`/tasks?source=${inspection.id}`}>
                    {t('viewTasks', { count: taskCounts.get(inspection.id) ?? 0 })}
                  </Link>
                  <button type="button" className="button button--small" onClick={() => setEditing(inspection)}>
                    {t('app:actions.edit')}
                  </button>
                  {!isArchive && (
                    <button type="button" className="button button--small" onClick={() => setArchiving(inspection)}>
                      {t('archive.action')}
                    </button>
                  )}
                </>
              }
            >
              <dl className="details">
                <div className="details__item">
                  <dt>{t('fields.batch')}</dt>
                  <dd>{inspection.batch || '—'}</dd>
                </div>
                <div className="details__item">
                  <dt>{t('fields.feedbackDate')}</dt>
                  <dd>{format.date(inspection.feedbackDate) || '—'}</dd>
                </div>
                <div className="details__item details__item--wide">
                  <dt>{t('fields.notes')}</dt>
                  <dd className="details__text">{inspection.notes || '—'}</dd>
                </div>
              </dl>
            </Section>
          )}
          {chosen !== null && (
            <Section
              title={t('measures.title')}
              actions={
                <button type="button" className="button button--small" onClick={() => setEditingMeasure('new')}>
                  {t('measures.add')}
                </button>
              }
            >
              <DataTable
                label={t('measures.title')}
                columns={columns}
                rows={shown}
                rowKey={(m) => m.id}
                onOpen={setEditingMeasure}
                empty={t('measures.empty')}
                height={420}
              />
            </Section>
          )}
        </div>
      </div>
      {editing && (
        <InspectionDialog
          inspection={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(id) => {
            setEditing(null);
            choose(id);
          }}
        />
      )}
      {archiving && (
        <ArchiveDialog
          inspection={archiving}
          onClose={() => {
            setArchiving(null);
            choose(null);
          }}
        />
      )}
      {editingMeasure && (
        <MeasureDialog
          measure={editingMeasure === 'new' ? null : editingMeasure}
          initial={{ inspectionId: typeof chosen === 'number' ? chosen : null }}
          inspections={inspections.data ?? []}
          onClose={() => setEditingMeasure(null)}
          onSaved={() => setEditingMeasure(null)}
          onRemoved={() => setEditingMeasure(null)}
        />
      )}
    </>
  );
}
