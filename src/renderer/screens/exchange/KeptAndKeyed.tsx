import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeKept, describeKeying, describeOtherSheets } from '../../../contract/describe-exchange';
import type { ImportPreview } from '../../../contract/exchange';

/**
 * What a table's preview says besides its rows: other sheets holding the same kind of table, the
 * columns kept as text on each case
 * (作为附加列保留), and — a table without receipt numbers — that cases are keyed by batch and 序号,
 * asking for the batch when neither the title nor the sheet names it.
 */
export function KeptAndKeyed({ preview, disabled, onBatch }: { preview: ImportPreview; disabled: boolean; onBatch: (batch: number) => void }) {
  const { t } = useTranslation('exchange');
  const { keying } = preview;
  const [batch, setBatch] = useState('');
  const notes = [describeOtherSheets(t, preview.sheet, preview.otherSheets), describeKeying(t, keying), describeKept(t, preview.keptColumns)].filter(
    (note) => note !== null,
  );
  return (
    <>
      {notes.map((note) => (
        <div key={note} className="notice notice--info" role="status">
          {note}
        </div>
      ))}
      {keying.by === 'batch_and_ordinal' && keying.from === null && (
        <form
          className="notice notice--warn keying"
          onSubmit={(e) => {
            e.preventDefault();
            if (Number(batch) >= 1) onBatch(Number(batch));
          }}
        >
          <label>
            {t('wizard.keying.noBatch')}
            <input type="number" min={1} className="filters__number" value={batch} disabled={disabled} onChange={(e) => setBatch(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={disabled || !(Number(batch) >= 1)}>
            {t('wizard.keying.use')}
          </button>
        </form>
      )}
    </>
  );
}
