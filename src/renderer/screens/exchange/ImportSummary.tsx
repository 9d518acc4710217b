import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind, type ImportPreview } from '../../../contract/exchange';
import { Section } from '../../components/Section';
import { useFormat } from '../../hooks/useFormat';

/** The file as read: its sheet (another may be chosen), what it holds, where its header is, the counts. */
const COUNTS = ['create', 'update', 'unchanged', 'skip', 'error', 'warning'] as const;

export function ImportSummary({
  preview,
  busy,
  onKind,
  onSheet,
}: {
  preview: ImportPreview;
  busy: boolean;
  onKind: (kind: ImportKind) => void;
  onSheet: (sheet: string) => void;
}) {
  const { t } = useTranslation('exchange');
  const format = useFormat();
  return (
    <Section title={preview.fileName}>
      <div className="toolbar">
        <label>
          {t('wizard.sheet')}
          <select value={preview.sheet} disabled={busy || preview.sheets.length < 2} onChange={(e) => onSheet(e.target.value)}>
            {preview.sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {sheet.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('wizard.kind')}
          <select value={preview.kind} disabled={busy} onChange={(e) => onKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <span>{t('wizard.headerRows', { rows: preview.headerRows.join('–') })}</span>
        {preview.detectedKind !== preview.kind && <span>{t('wizard.detected', { kind: t(`kinds.${preview.detectedKind}`) })}</span>}
      </div>
      <dl className="import-counts">
        {COUNTS.map((key) => (
          <div key={key} className={`import-counts__item import-counts__item--${key}`}>
            <dt>{t(`wizard.counts.${key}`)}</dt>
            <dd>{format.number(preview.counts[key])}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
