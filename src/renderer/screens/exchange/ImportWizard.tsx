import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type ImportKind,
  type ImportOptions,
  type ImportPreview,
  type ImportResult,
  type UnitDecision,
  unanswered,
  withAnswer,
  type WorkbookSource,
} from '../../../contract/exchange';
import type { DubanError } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import { useApi } from '../../api/ApiContext';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { useFormat } from '../../hooks/useFormat';
import { ExistingTasks } from './ExistingTasks';
import { ImportStart } from './ImportStart';
import { ImportSummary } from './ImportSummary';
import { KeptAndKeyed } from './KeptAndKeyed';
import { MappingTable } from './MappingTable';
import { PreviewRows } from './PreviewRows';
import { GroupDecisions } from './GroupDecisions';
import { UnitDecisions } from './UnitDecisions';
import { WordDecisions } from '../../components/workbooks/WordDecisions';

/**
 * The import wizard: choose a file, look at what the import would do (the columns' fields, unit
 * names to confirm, every row's fate), correct what needs it, and only then write it, in one go.
 */
const LINKS: Record<ImportKind, string> = { tasks: '/tasks', petitions: '/petitions', units: '/units', progress: '/progress' };

export function ImportWizard() {
  const { t } = useTranslation('exchange');
  const api = useApi();
  const exchange = useContractMutation().exchange;
  const format = useFormat();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [options, setOptions] = useState<ImportOptions>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DubanError | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const groups = useContractQuery('unitGroups', 'list', []);

  const run = async <T,>(call: Promise<Result<T>>, done: (value: T) => void): Promise<void> => {
    setBusy(true);
    const answer = await call;
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setError(null);
    done(answer.value);
  };

  const start = (source: WorkbookSource, first: ImportOptions): void => {
    setResult(null);
    setOptions(first);
    void run(api.exchange.preview(source, first), setPreview);
  };
  const revise = (change: Partial<ImportOptions>): void => {
    if (!preview) return;
    const next = { ...options, ...change };
    setOptions(next);
    void run(api.exchange.revise(preview.importId, next), setPreview);
  };
  const apply = (): void => {
    setConfirming(false);
    if (!preview) return;
    void run(exchange.apply(preview.importId), (value) => {
      setResult(value);
      setPreview(null);
    });
  };
  const abandon = (): void => {
    if (preview) void api.exchange.discard(preview.importId);
    setPreview(null);
    setError(null);
  };

  if (result) {
    return (
      <Section title={t('wizard.again')}>
        <InfoNotice>
          <p>{t('wizard.done', { ...result })}</p>
          {result.unitsCreated > 0 && <p>{t('wizard.unitsCreated', { count: result.unitsCreated })}</p>}
          {result.groupsCreated > 0 && <p>{t('wizard.groupsCreated', { count: result.groupsCreated })}</p>}
        </InfoNotice>
        <div className="form__actions">
          <Link className="button" to={LINKS[result.kind]}>
            {t(`wizard.view.${result.kind}`)}
          </Link>
          <button type="button" className="button button--primary" onClick={() => setResult(null)}>
            {t('wizard.again')}
          </button>
        </div>
      </Section>
    );
  }
  if (!preview) {
    return (
      <>
        <ErrorNotice error={error} />
        <ImportStart busy={busy} onStart={start} />
      </>
    );
  }

  const writes = preview.counts.create + preview.counts.update;
  const undecided = unanswered(preview.words).length;
  const applyLabel = (): string => {
    if (busy) return t('wizard.applying');
    if (undecided > 0) return t('wizard.wordsFirst', { count: undecided });
    return writes === 0 ? t('wizard.nothing') : t('wizard.apply', { count: writes, shown: format.number(writes) });
  };
  const mapping = (column: number, field: string | null) => revise({ mapping: { ...options.mapping, [String(column)]: field } });
  const decide = (name: string, decision: UnitDecision) => revise({ units: { ...options.units, [name]: decision } });
  const answer = (field: string, text: string, value: string) => revise({ words: withAnswer(preview.words, field, text, value) });
  return (
    <>
      <ErrorNotice error={error} />
      <ImportSummary preview={preview} busy={busy} onKind={(kind) => revise({ kind, mapping: {} })} onSheet={(sheet) => revise({ sheet, mapping: {} })} />
      <ExistingTasks matches={preview.matches} disabled={busy} onSource={(inspectionId) => revise({ inspectionId })} />
      {preview.missingFields.length > 0 && (
        <div className="notice notice--warn" role="status">
          {t('wizard.missing', { fields: preview.missingFields.map((f) => t(`fields.${preview.kind}.${f}`)).join(t('common:listSeparator')) })}
        </div>
      )}
      <GroupDecisions preview={preview} units={units.data ?? []} groups={groups.data ?? []} disabled={busy} onDecide={decide} />
      <UnitDecisions preview={preview} units={units.data ?? []} disabled={busy} onDecide={decide} onCreateAll={() => revise({ createUnits: true })} />
      <WordDecisions kind={preview.kind} questions={preview.words} disabled={busy} onDecide={answer} />
      <KeptAndKeyed preview={preview} disabled={busy} onBatch={(batch) => revise({ batch })} />
      <MappingTable preview={preview} disabled={busy} onChange={mapping} />
      <PreviewRows
        key={preview.importId + JSON.stringify(preview.counts)}
        importId={preview.importId}
        kind={preview.kind}
        counts={preview.counts}
        total={preview.totalRows}
      />
      <div className="form__actions form__actions--sticky">
        <button type="button" className="button" disabled={busy} onClick={abandon}>
          {t('wizard.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || writes === 0 || undecided > 0}
          onClick={() => (preview.counts.error > 0 ? setConfirming(true) : apply())}
        >
          {applyLabel()}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('wizard.confirmTitle')}
        message={t('wizard.confirmMessage', { errors: preview.counts.error, count: writes })}
        confirmLabel={t('wizard.confirm')}
        onConfirm={apply}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
