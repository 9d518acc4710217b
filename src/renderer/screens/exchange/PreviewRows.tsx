import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportKind, PreviewRow, RowFilter } from '../../../contract/exchange';
import type { Column } from '../../components/DataTable';
import { FilterTabs } from '../../components/FilterTabs';
import { ErrorNotice } from '../../components/Notice';
import { PagedTable } from '../../components/PagedTable';
import { Section } from '../../components/Section';
import { Tag } from '../../components/Tag';
import { useFormat } from '../../hooks/useFormat';
import { usePagedRows } from '../../hooks/usePagedRows';
import { RowDetail } from '../../components/workbooks/RowDetail';
import { ACTION_TONES, rowNote } from '../../components/workbooks/rowWords';

/**
 * The preview row by row, filtered by what becomes of each (new, updated, unchanged, passed over,
 * in error); the rows are read a page at a time, so 50,000 of them scroll lightly. The row chosen
 * shows its values, its changes old → new, and its issues beside the list.
 */
const FILTERS: readonly RowFilter[] = ['all', 'create', 'update', 'unchanged', 'skip', 'error', 'warning'];

export function PreviewRows({ importId, kind, counts, total }: { importId: string; kind: ImportKind; counts: ImportCounts; total: number }) {
  const { t } = useTranslation('exchange');
  const format = useFormat();
  const [filter, setFilter] = useState<RowFilter>('all');
  const [chosen, setChosen] = useState<PreviewRow | null>(null);
  const rows = usePagedRows('exchange', 'rows', { importId, filter });
  const countOf = (f: RowFilter): number => (f === 'all' ? total : counts[f]);

  const columns: Column<PreviewRow>[] = [
    { key: 'row', header: t('rows.row'), width: '4.5rem', align: 'end', render: (row) => row.row },
    {
      key: 'action',
      header: t('rows.result'),
      width: '6rem',
      align: 'center',
      render: (row) => <Tag tone={ACTION_TONES[row.action]}>{t(`actions.${row.action}`)}</Tag>,
    },
    { key: 'key', header: t('rows.key'), width: 'minmax(6rem, 0.8fr)', render: (row) => row.key, title: (row) => row.key },
    { key: 'label', header: t('rows.label'), width: 'minmax(10rem, 1.6fr)', render: (row) => row.label, title: (row) => row.label },
    { key: 'note', header: t('rows.note'), width: 'minmax(12rem, 2fr)', render: (row) => rowNote(t, kind, row), title: (row) => rowNote(t, kind, row) },
  ];

  return (
    <Section title={t('rows.title')}>
      <FilterTabs
        label={t('rows.title')}
        tabs={FILTERS.map((f) => ({ key: f, label: t(`rows.filters.${f}`), count: format.number(countOf(f)) }))}
        chosen={filter}
        onChoose={setFilter}
      />
      <ErrorNotice error={rows.error} />
      <div className="preview-grid">
        <div className="preview-grid__list">
          <PagedTable
            label={t('rows.title')}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.row}
            onOpen={setChosen}
            rowMark={(row) =>
              row.row === chosen?.row
                ? 'chosen'
                : row.action === 'error'
                  ? 'overdue'
                  : row.action === 'skip' || row.action === 'unchanged'
                    ? 'quiet'
                    : undefined
            }
            loading={t('rows.loading')}
            empty={t('rows.empty')}
            height={440}
          />
        </div>
        <div className="preview-grid__detail">
          <RowDetail kind={kind} row={chosen} />
        </div>
      </div>
    </Section>
  );
}
