import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { batchDraft, type IssuedDocument, type IssueWarning, type OfficeProfile, type Preview } from '../../../contract/documents';
import { useApi } from '../../api/ApiContext';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { today } from '../../hooks/today';
import { useFormat } from '../../hooks/useFormat';
import { DateInput } from '../../components/inputs';
import { IssueWarnings, useWarningText, warningKey } from '../../components/letters/IssueWarnings';
import { LetterDates } from '../../components/letters/LetterDates';
import { newLetterDates, WithOffice } from '../../components/letters/office';
import { useForm } from '../../forms/useForm';
import { DocTypeSelect } from './DocTypeSelect';
import { DraftPage, IssuedPage } from './IssuePages';
import { fileNameOf, useDocumentOutput } from './output';
import { useDebounced } from '../../hooks/useDebounced';

/** A unit sent a letter about the same tasks within the office's interval is left out unless the user ticks it. */
const sentLately = (item: Preview): boolean => item.warnings.some((warning) => warning.code === 'recently_sent');

/** One letter to each lead unit of the tasks overdue on a date, previewed together, issued together, printed together. */
/** A sentence the template leaves out is left out of every letter: said once above them, not under each unit. */
const sameForAll = (warning: IssueWarning): boolean => warning.code === 'sentence_left_out';

export function BatchLetters() {
  return <WithOffice>{(office) => <Batch office={office} />}</WithOffice>;
}

function Batch({ office }: { office: OfficeProfile }) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const api = useApi();
  const documents = useContractMutation().documents;
  const output = useDocumentOutput();
  const warningText = useWarningText();
  const now = today();
  const form = useForm(batchDraft, { docType: 'reminder', overdueAsOf: now, ...newLetterDates(office) }, 'document-batch');
  // The user's own ticks and unticks, over the defaults (every unit but those sent a letter lately).
  const [chosen, setChosen] = useState<ReadonlyMap<number | null, boolean>>(new Map());
  const [issued, setIssued] = useState<{ docs: IssuedDocument[]; html: string } | null>(null);
  const draft = useDebounced(form.values, 350);
  const sound = useMemo(() => (batchDraft.safeParse(draft).success ? draft : null), [draft]);
  // Every unit with overdue tasks, to choose from; then the letters of those chosen, numbered in order.
  const found = useContractQuery('documents', 'previewBatch', sound ? [sound] : null, { keepPrevious: true });
  const all = found.data ?? null;
  const isChosen = useCallback((item: Preview): boolean => chosen.get(item.recipientUnitId) ?? !sentLately(item), [chosen]);
  const unitIds = useMemo(() => (all?.items ?? []).filter(isChosen).flatMap((item) => item.recipientUnitId ?? []), [all, isChosen]);
  // The letters chosen follow the draft their units were found for: asked once that draft's units are in.
  const settled = sound && found.data && !found.isPlaceholderData ? sound : null;
  const letters = useContractQuery('documents', 'previewBatch', settled ? [{ ...settled, unitIds }] : null, { keepPrevious: true });
  const preview = all ? (letters.data ?? null) : null;

  const issueAll = (): void =>
    void form.submit(async (values) => {
      const result = await documents.issueBatch({ ...values, unitIds });
      if (result.ok && result.value.length > 0) {
        const html = await api.documents.html(result.value.map((doc) => doc.id));
        setIssued({ docs: result.value, html: html.ok ? html.value : '' });
      }
      return result;
    });

  if (issued) {
    return (
      <IssuedPage
        title={t('batch.title')}
        done={t('batch.done', { count: issued.docs.length, first: issued.docs[0]!.number, last: issued.docs[issued.docs.length - 1]!.number })}
        html={issued.html}
        issued={{ batch: { print: t('batch.printAll'), pdfLabel: t('batch.pdfAll'), pdfName: t('batch.pdfName', { date: issued.docs[0]!.issuedOn }) } }}
      >
        <ul className="batch-list">
          {issued.docs.map((doc) => (
            <li key={doc.id}>
              {doc.number} {doc.recipient}
              <button
                type="button"
                className="button button--small"
                onClick={() => void output.saveDocx(doc.id, fileNameOf(doc.number, doc.recipient, 'docx'))}
              >
                {t('output.docx')}
              </button>
            </li>
          ))}
        </ul>
      </IssuedPage>
    );
  }

  return (
    <DraftPage
      title={t('batch.title')}
      subtitle={t('batch.subtitle')}
      form={form}
      failure={found.error}
      submit={t('batch.action', { count: unitIds.length })}
      disabled={unitIds.length === 0}
      onSubmit={issueAll}
      html={preview?.html ?? null}
    >
      <DocTypeSelect form={form} />
      <DateInput form={form} name="overdueAsOf" label={t('fields.overdueAsOf')} required />
      <LetterDates form={form} />
      <IssueWarnings warnings={(all?.items ?? []).flatMap((item) => item.warnings.filter(sameForAll))} />
      <fieldset className="task-picks">
        <legend>{t('batch.units', { count: all?.items.length ?? 0, date: format.date(form.values.overdueAsOf || now) })}</legend>
        {(all?.items ?? []).map((item) => {
          const letter = preview?.items.find((p) => p.recipientUnitId === item.recipientUnitId);
          return (
            <div key={item.recipientUnitId} className="batch-unit">
              <label className="field--check">
                <input
                  type="checkbox"
                  checked={isChosen(item)}
                  onChange={(e) => setChosen((map) => new Map(map).set(item.recipientUnitId, e.target.checked))}
                />
                {t('batch.letter', { recipient: item.recipient, count: item.taskIds.length, number: letter?.document.number ?? '—' })}
              </label>
              {item.warnings
                .filter((warning) => !sameForAll(warning))
                .map((warning) => (
                  <p key={warningKey(warning)} className="batch-unit__warning">
                    {warningText(warning)}
                  </p>
                ))}
            </div>
          );
        })}
      </fieldset>
      {(all?.items ?? []).some(sentLately) && <p className="form__hint">{t('batch.recentHint', { count: office.reminderIntervalDays })}</p>}
    </DraftPage>
  );
}
