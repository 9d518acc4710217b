import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PackageExport, type ReturnPreview, withAnswer, type WorkbookSource } from '../../../contract/exchange';
import type { Period } from '../../../shared/dates';
import type { DubanError } from '../../../shared/errors';
import { ok } from '../../../shared/result';
import { useApi } from '../../api/ApiContext';
import { useContractMutation } from '../../api/useContract';
import { download, type Saved, saveFiles } from '../../api/saveFiles';
import { useSession } from '../../api/session';
import { FieldFrame } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../hooks/useFormat';
import { ChooseWorkbook } from '../../components/workbooks/ChooseWorkbook';
import { ReturnCard } from '../../components/workbooks/ReturnCard';

/**
 * The month's unit workbooks (填报表) on the dispatch screen: written for the units ticked (or all
 * that owe reports) and saved into one folder, and the returned ones checked and imported as the
 * month's reports. What went out and came back shows in the units' table above.
 */
export function DispatchWorkbooks({ period, unitIds }: { period: Period; unitIds: readonly number[] }) {
  const { t } = useTranslation('exchange');
  const api = useApi();
  const exchange = useContractMutation().exchange;
  const { platform } = useSession();
  const toast = useToast();
  const format = useFormat();
  const [returnBy, setReturnBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DubanError | null>(null);
  const [written, setWritten] = useState<{ exported: PackageExport; saved: Saved | null } | null>(null);
  const [returns, setReturns] = useState<readonly ReturnPreview[]>([]);

  const generate = async (): Promise<void> => {
    setBusy(true);
    const exported = await exchange.exportPackages({ period, ...(unitIds.length ? { unitIds: [...unitIds] } : {}), ...(returnBy ? { returnBy } : {}) });
    if (!exported.ok) {
      setBusy(false);
      return setError(exported.error);
    }
    // The desktop app saves them all into a folder; a browser downloads each when asked.
    const saved = platform.shell === 'desktop' ? await saveFiles(api, platform, exported.value.files) : ok(null);
    setBusy(false);
    if (!saved.ok) return setError(saved.error);
    setError(null);
    setWritten({ exported: exported.value, saved: saved.value });
  };

  const read = async (sources: WorkbookSource[]): Promise<void> => {
    setBusy(true);
    const previews: ReturnPreview[] = [];
    for (const source of sources) {
      const preview = await api.exchange.previewReturn(source, { period });
      if (!preview.ok) {
        setError(preview.error);
        break;
      }
      previews.push(preview.value);
    }
    setBusy(false);
    if (previews.length === sources.length) setError(null);
    setReturns((all) => [...all, ...previews]);
  };

  const applyReturn = async (preview: ReturnPreview): Promise<boolean> => {
    const applied = await exchange.applyReturn(preview.importId);
    if (!applied.ok) {
      setError(applied.error);
      return false;
    }
    toast(t('workbooks.returnDone', { ...applied.value, unit: applied.value.unitName, period: format.period(applied.value.period) }));
    setReturns((all) => all.filter((r) => r.importId !== preview.importId));
    return true;
  };
  const applyAll = async (): Promise<void> => {
    setBusy(true);
    for (const preview of returns) if (!(await applyReturn(preview))) break;
    setBusy(false);
  };
  const answer = async (preview: ReturnPreview, field: string, text: string, value: string): Promise<void> => {
    setBusy(true);
    const revised = await api.exchange.reviseReturn(preview.importId, { period, words: withAnswer(preview.words, field, text, value) });
    setBusy(false);
    if (!revised.ok) return setError(revised.error);
    setError(null);
    setReturns((all) => all.map((r) => (r.importId === preview.importId ? revised.value : r)));
  };
  const discard = (preview: ReturnPreview): void => {
    void api.exchange.discardReturn(preview.importId);
    setReturns((all) => all.filter((r) => r.importId !== preview.importId));
  };

  return (
    <>
      <ErrorNotice error={error} />
      <Section title={t('workbooks.sendTitle', { period: format.period(period) })}>
        <p className="section__intro">{t('workbooks.sendIntro')}</p>
        <div className="form form--grid">
          <FieldFrame label={t('workbooks.returnBy')}>
            {(control) => <input {...control} type="date" value={returnBy} onChange={(e) => setReturnBy(e.target.value)} />}
          </FieldFrame>
        </div>
        <div className="form__actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void generate()}>
            {unitIds.length ? t('workbooks.generateChosen', { count: unitIds.length }) : t('workbooks.generateAll')}
          </button>
        </div>
        {written && (
          <InfoNotice>
            <p>
              {t('workbooks.generated', { count: written.exported.files.length })}
              {written.saved &&
                ('place' in written.saved
                  ? ` ${t('workbooks.saved', { place: written.saved.place })}`
                  : ` ${t('workbooks.downloaded', { count: written.saved.downloaded })}`)}
            </p>
            <ul className="written-files">
              {written.exported.files.map((file) => (
                <li key={file.exportId}>
                  {t('workbooks.file', { unit: file.unitName, tasks: file.tasks })}
                  {!written.saved && (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('workbooks.downloadOne', { file: file.fileName })}
                      onClick={() => download(file)}
                    >
                      {t('workbooks.download')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {written.exported.withoutTasks.length > 0 && (
              <p>{t('workbooks.withoutTasks', { units: written.exported.withoutTasks.map((u) => u.unitName).join(t('common:listSeparator')) })}</p>
            )}
          </InfoNotice>
        )}
      </Section>
      <Section
        title={t('workbooks.returnTitle')}
        actions={
          returns.length > 1 && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void applyAll()}>
              {t('workbooks.applyAll', { count: returns.length })}
            </button>
          )
        }
      >
        <p className="section__intro">{t('workbooks.returnIntro')}</p>
        <ChooseWorkbook multiple disabled={busy} onChosen={(sources) => void read(sources)} />
      </Section>
      {returns.map((preview) => (
        <ReturnCard
          key={preview.importId}
          preview={preview}
          busy={busy}
          onAnswer={(field, text, value) => void answer(preview, field, text, value)}
          onApply={() => void applyReturn(preview)}
          onDiscard={() => discard(preview)}
        />
      ))}
    </>
  );
}
