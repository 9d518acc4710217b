import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PreviewRow, type ReturnPreview, unanswered } from '../../../contract/exchange';
import type { Language } from '../../../shared/i18n/setup';
import { describeReturnWarning } from '../../../contract/describe-exchange';
import { type Column, DataTable } from '../DataTable';
import { Section } from '../Section';
import { Tag } from '../Tag';
import { useFormat } from '../../hooks/useFormat';
import { RowDetail } from './RowDetail';
import { ACTION_TONES, rowNote } from './rowWords';
import { WordDecisions } from './WordDecisions';

/** One returned unit workbook: whose and which month, what to look at, and its rows old → new. */
export function ReturnCard({
  preview,
  busy,
  onAnswer,
  onApply,
  onDiscard,
}: {
  preview: ReturnPreview;
  busy: boolean;
  onAnswer: (field: string, text: string, value: string) => void;
  onApply: () => void;
  onDiscard: () => void;
}) {
  const { t, i18n } = useTranslation('exchange');
  const format = useFormat();
  const [chosen, setChosen] = useState<PreviewRow | null>(null);
  const writes = preview.counts.create + preview.counts.update;
  const undecided = unanswered(preview.words).length;
  const columns: Column<PreviewRow>[] = [
    { key: 'key', header: t('rows.key'), width: '5rem', render: (row) => row.key },
    {
      key: 'action',
      header: t('rows.result'),
      width: '6rem',
      align: 'center',
      render: (row) => <Tag tone={ACTION_TONES[row.action]}>{t(`actions.${row.action}`)}</Tag>,
    },
    { key: 'label', header: t('rows.label'), width: 'minmax(10rem, 2fr)', render: (row) => row.label, title: (row) => row.label },
    {
      key: 'note',
      header: t('rows.note'),
      width: 'minmax(10rem, 1.5fr)',
      render: (row) => rowNote(t, 'progress', row),
      title: (row) => rowNote(t, 'progress', row),
    },
  ];
  return (
    <Section
      title={t('workbooks.returnFile', { file: preview.fileName, unit: preview.unit.name, period: format.period(preview.period) })}
      actions={
        <>
          <button type="button" className="button" disabled={busy} onClick={onDiscard}>
            {t('workbooks.discard')}
          </button>
          <button type="button" className="button button--primary" disabled={busy || writes === 0 || undecided > 0} onClick={onApply}>
            {undecided > 0 ? t('wizard.wordsFirst', { count: undecided }) : writes === 0 ? t('wizard.nothing') : t('workbooks.applyReturn')}
          </button>
        </>
      }
    >
      <h3 className="return-card__checks">{t('workbooks.checks')}</h3>
      {preview.warnings.length === 0 ? (
        <p>{t(preview.words.length === 0 ? 'workbooks.noWarnings' : 'workbooks.recognised')}</p>
      ) : (
        <ul className="return-card__warnings">
          {preview.warnings.map((warning) => (
            <li key={warning.code}>{describeReturnWarning(t, warning, i18n.language as Language)}</li>
          ))}
        </ul>
      )}
      <WordDecisions kind="progress" questions={preview.words} disabled={busy} onDecide={onAnswer} />
      <dl className="import-counts">
        {(['create', 'update', 'unchanged', 'skip', 'error'] as const).map((key) => (
          <div key={key} className={`import-counts__item import-counts__item--${key}`}>
            <dt>{t(`wizard.counts.${key}`)}</dt>
            <dd>{format.number(preview.counts[key])}</dd>
          </div>
        ))}
      </dl>
      <div className="preview-grid">
        <div className="preview-grid__list">
          <DataTable
            label={preview.fileName}
            columns={columns}
            rows={preview.rows}
            rowKey={(row) => row.row}
            onOpen={setChosen}
            rowMark={(row) => (row.row === chosen?.row ? 'chosen' : undefined)}
            empty={t('rows.empty')}
            height={320}
          />
        </div>
        <div className="preview-grid__detail">
          <RowDetail kind="progress" row={chosen} />
        </div>
      </div>
    </Section>
  );
}
