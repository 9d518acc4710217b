import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DocumentRecord, replyStanding } from '../../../contract/documents';
import { useContractQuery } from '../../api/useContract';
import { today } from '../../hooks/today';
import { useFormat } from '../../hooks/useFormat';
import { idParam, useUrlFilter } from '../../hooks/useUrlFilter';
import { type Column, DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { DocumentDialog } from './DocumentDialog';

/** The register's filter, kept in the address so that the dashboard can link to the replies awaited. */
const FILTER = ['type', 'q', 'reply', 'open'] as const;
const REPLY_FILTERS = ['awaiting', 'overdue'] as const;

/** The register (发文登记): every document issued, its number, recipient, reply; filters; reply, void, chase. */
export function Documents() {
  const { t } = useTranslation('documents');
  const { date } = useFormat();
  const now = today();
  const [filter, setFilter] = useUrlFilter(FILTER);
  const reply = REPLY_FILTERS.find((r) => r === filter.reply) ?? '';
  const open = idParam(filter.open) ?? null;
  const setOpen = (id: number | null): void => setFilter({ open: id === null ? '' : String(id) });
  const types = useContractQuery('documents', 'types', [{ includeArchived: true }]);
  const query = {
    ...(filter.type ? { docType: filter.type } : {}),
    ...(filter.q.trim() ? { search: filter.q.trim() } : {}),
    ...(reply === 'awaiting' ? { awaitingReply: true } : reply === 'overdue' ? { replyOverdueAsOf: now } : {}),
  };
  const documents = useContractQuery('documents', 'list', [query], { keepPrevious: true });
  const typeName = (code: string): string => types.data?.find((type) => type.code === code)?.name ?? code;

  const columns: Column<DocumentRecord>[] = [
    // The number and the reply whole at 1366 px: 某纪监驻环督〔2026〕12号, 2026年12月14日已回复.
    {
      key: 'number',
      header: t('fields.number'),
      width: 'minmax(14.5em, 1.2fr)',
      render: (d) => (d.state === 'voided' ? t('voidedNumber', { number: d.number }) : d.number),
    },
    { key: 'type', header: t('fields.docType'), width: '5em', render: (d) => typeName(d.docType) },
    { key: 'title', header: t('fields.title'), width: 'minmax(11em, 2fr)', render: (d) => d.title },
    { key: 'recipient', header: t('fields.recipient'), width: 'minmax(9em, 1fr)', render: (d) => d.recipient },
    { key: 'issuedOn', header: t('fields.issuedOn'), width: '9em', render: (d) => date(d.issuedOn) },
    { key: 'replyDue', header: t('fields.replyDue'), width: '9em', render: (d) => date(d.replyDue) },
    {
      key: 'reply',
      header: t('fields.reply'),
      width: '12em',
      render: (d) => {
        const standing = replyStanding(d, now);
        return <span className={`standing standing--${standing}`}>{t(`standing.${standing}`, { date: date(d.repliedOn) })}</span>;
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { count: documents.data?.length ?? 0 })}
        actions={
          <>
            <Link className="button" to="/documents/templates">
              {t('templates.open')}
            </Link>
            <Link className="button" to="/documents/batch">
              {t('batch.open')}
            </Link>
            <Link className="button" to="/documents/monthly-report">
              {t('monthlyReport.open')}
            </Link>
            <Link className="button button--primary" to="/documents/new">
              {t('issue.open')}
            </Link>
          </>
        }
      />
      <div className="toolbar">
        <label>
          {t('fields.docType')}
          <select value={filter.type} onChange={(e) => setFilter({ type: e.target.value })}>
            <option value="">{t('allTypes')}</option>
            {(types.data ?? []).map((type) => (
              <option key={type.code} value={type.code}>
                {type.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app:actions.search')}
          <input type="search" value={filter.q} placeholder={t('searchHint')} onChange={(e) => setFilter({ q: e.target.value })} />
        </label>
        <label>
          {t('replyFilter.label')}
          <select value={reply} onChange={(e) => setFilter({ reply: e.target.value })}>
            <option value="">{t('replyFilter.all')}</option>
            {REPLY_FILTERS.map((r) => (
              <option key={r} value={r}>
                {t(`replyFilter.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={documents.error ?? types.error} />
      <DataTable label={t('title')} columns={columns} rows={documents.data ?? []} rowKey={(d) => d.id} onOpen={(d) => setOpen(d.id)} empty={t('empty')} />
      {open !== null && <DocumentDialog id={open} typeName={typeName} onClose={() => setOpen(null)} onOpen={setOpen} />}
    </>
  );
}
