import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentDraft, type IssuedDocument, type OfficeProfile } from '../../../contract/documents';
import type { TaskSummary } from '../../../contract/tasks';
import { useApi } from '../../api/ApiContext';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { useFormat } from '../../hooks/useFormat';
import { FieldFrame } from '../../components/Field';
import { SelectInput, TextInput } from '../../components/inputs';
import { IssueWarnings } from '../../components/letters/IssueWarnings';
import { LetterDates } from '../../components/letters/LetterDates';
import { LetterNumbers } from '../../components/letters/LetterNumbers';
import { newLetterDates, WithOffice } from '../../components/letters/office';
import { unitChoices } from '../../components/UnitSelect';
import { useForm } from '../../forms/useForm';
import { unchosen } from '../../../shared/validation';
import { DocTypeSelect } from './DocTypeSelect';
import { DraftPage, IssuedPage } from './IssuePages';
import { useDebounced } from '../../hooks/useDebounced';

/** A letter as its page holds it: no recipient until one is chosen (the rules then say it is missing). */
const letterForm = documentDraft.extend({ recipientUnitId: unchosen(documentDraft.shape.recipientUnitId) });

/** No unit chosen: no tasks to offer. */
const NO_TASKS: readonly TaskSummary[] = [];

/** Issuing one document: type, recipient, its tasks, dates; the page shown as it will print; issue takes the number. */
export function IssueDocument() {
  return <WithOffice>{(office) => <IssueForm office={office} />}</WithOffice>;
}

/** The form, once the office's reply period is known: a new draft asks for a reply within it. */
function IssueForm({ office }: { office: OfficeProfile }) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  const api = useApi();
  const documents = useContractMutation().documents;
  const templates = useContractQuery('documents', 'templates', []);
  const units = useContractQuery('units', 'list', []);
  const form = useForm(
    letterForm,
    { docType: 'reminder', templateId: null, recipientUnitId: null, taskIds: [], ...newLetterDates(office), title: '' },
    'document-draft',
  );
  const { values } = form;
  const taskIds = values.taskIds ?? [];
  const defaults = useContractQuery('documents', 'defaultTasks', values.recipientUnitId ? [values.recipientUnitId] : null);
  const offered = values.recipientUnitId ? defaults.data : NO_TASKS;
  const [issued, setIssued] = useState<{ doc: IssuedDocument; html: string } | null>(null);
  const draft = useDebounced(values, 350);

  // A unit chosen: the letter covers what the core says it covers by default; the user may untick.
  const coverDefaults = useEffectEvent((tasks: readonly TaskSummary[]) =>
    form.set(
      'taskIds',
      tasks.map((task) => task.id),
    ),
  );
  useEffect(() => {
    if (offered) coverDefaults(offered);
  }, [offered]);

  const sound = useMemo(() => letterForm.safeParse(draft).data ?? null, [draft]);
  const previewed = useContractQuery('documents', 'preview', sound ? [sound] : null, { keepPrevious: true });
  // A draft that cannot be issued shows no page, whatever was shown for the last sound one.
  const preview = sound ? (previewed.data ?? null) : null;

  const issue = (): void =>
    void form.submit(async (_, checked) => {
      const result = await documents.issue(checked);
      if (result.ok) {
        const html = await api.documents.html([result.value.id]);
        setIssued({ doc: result.value, html: html.ok ? html.value : '' });
      }
      return result;
    });

  const toggleTask = (task: TaskSummary, on: boolean): void => form.set('taskIds', on ? [...taskIds, task.id] : taskIds.filter((taskId) => taskId !== task.id));
  const items = preview?.items ?? [];

  if (issued) {
    const { doc, html } = issued;
    return (
      <IssuedPage
        title={t('issue.title')}
        done={t('issue.done', { number: doc.number, recipient: doc.recipient })}
        html={html}
        issued={{ one: { id: doc.id, number: doc.number, name: doc.recipient } }}
        tools={
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                setIssued(null);
                form.reset({ ...values, recipientUnitId: null, taskIds: [], title: '' });
              }}
            >
              {t('issue.another')}
            </button>
          </>
        }
      />
    );
  }

  return (
    <DraftPage
      title={t('issue.title')}
      subtitle={t('issue.subtitle')}
      form={form}
      failure={previewed.error}
      submit={t('issue.action')}
      onSubmit={issue}
      html={preview?.html ?? null}
    >
      <DocTypeSelect form={form} />
      <SelectInput
        form={form}
        name="templateId"
        label={t('fields.template')}
        empty={t('issue.typeTemplate')}
        options={(templates.data?.templates ?? []).map((template) => ({ value: template.id, label: template.name }))}
      />
      <SelectInput
        form={form}
        name="recipientUnitId"
        label={t('fields.recipient')}
        required
        empty={t('issue.chooseUnit')}
        options={unitChoices(units.data ?? [])}
      />
      <FieldFrame label={t('fields.tasks')} error={form.errorOf('taskIds')} hint={t('issue.tasksHint')} wide>
        {(aria) => (
          <fieldset className="task-picks" aria-describedby={aria['aria-describedby']}>
            {(offered ?? []).map((task) => (
              <label key={task.id} className="field--check">
                <input type="checkbox" checked={taskIds.includes(task.id)} onChange={(e) => toggleTask(task, e.target.checked)} />
                {task.number} {task.problem}
                {task.deadline.kind === 'date' && <span className="task-picks__deadline">{format.date(task.deadline.date)}</span>}
              </label>
            ))}
            {values.recipientUnitId && offered?.length === 0 && <span>{t('issue.noTasks')}</span>}
          </fieldset>
        )}
      </FieldFrame>
      <LetterDates form={form} />
      <TextInput form={form} name="title" label={t('fields.title')} hint={t('issue.titleHint')} wide />
      <LetterNumbers items={items} />
      <IssueWarnings warnings={items.flatMap((item) => item.warnings)} />
    </DraftPage>
  );
}
