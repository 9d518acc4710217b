import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_FORMATS,
  type DocumentTemplate,
  type IssueWarning,
  type OfficeProfile,
  replyDueFor,
  type TemplateFieldInfo,
  templateInput,
  type TemplateProblem,
  templateProblemOf,
} from '../../../contract/documents';
import { describeField } from '../../../shared/i18n/describe';
import type { Result } from '../../../shared/result';
import { useApi } from '../../api/ApiContext';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { today } from '../../hooks/today';
import { FormActions } from '../../components/FormActions';
import { IssueWarnings } from '../../components/letters/IssueWarnings';
import { UnitOptions } from '../../components/UnitSelect';
import { SelectInput, TextInput } from '../../components/inputs';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { DocumentFrame } from '../../components/letters/DocumentFrame';
import reminder from '../../../../resources/templates/reminder.json' with { type: 'json' };
import { useDebounced } from '../../hooks/useDebounced';

/** A new template starts from the shipped reminder letter: documents are written in Chinese whatever the screen's language. */
const STARTER = reminder.lines.join('\n');

/** The character offset of a line and column (from 1) in the text. */
function offsetOf(source: string, line: number, column: number): number {
  const lines = source.split('\n');
  return lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
}

/**
 * A template's text with a live preview for a sample recipient. The core checks it as it is typed:
 * an unknown field or a broken loop is shown with its line and column, the cursor can be taken
 * there, and the template cannot be saved until it is sound.
 */
/** How a template names a field, or runs a loop, by its first name. */
const syntaxOf = (field: TemplateFieldInfo | undefined): string =>
  !field ? '' : field.scope === 'loop' ? `{{#${field.names[0]}}} … {{/${field.names[0]}}}` : `{{${field.names[0]}}}`;

export function TemplateEditor({
  template,
  fields,
  office,
  onSaved,
  onRemoved,
}: {
  template: DocumentTemplate | null;
  fields: readonly TemplateFieldInfo[];
  /** For the sample: a letter dated today asks for a reply within the office's period. */
  office: OfficeProfile;
  onSaved: (saved: DocumentTemplate) => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation('documents');
  const api = useApi();
  const documents = useContractMutation().documents;
  const toast = useToast();
  const units = useContractQuery('units', 'list', []);
  const types = useContractQuery('documents', 'types', [{ includeArchived: true }]);
  // The sample is numbered as the type written from this template is (a reminder for a template of none).
  const docType = types.data?.find((type) => type.templateId === template?.id)?.code ?? 'reminder';
  const form = useForm(
    templateInput,
    { name: template?.name ?? '', format: template?.format ?? 'letter', source: template?.source ?? STARTER },
    `template:${template?.id ?? 'new'}`,
  );
  const [sampleUnit, setSampleUnit] = useState<number | null>(null);
  const [problem, setProblem] = useState<TemplateProblem | null>(null);
  const [html, setHtml] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<readonly IssueWarning[]>([]);
  const text = useRef<HTMLTextAreaElement>(null);
  const typed = useDebounced({ source: form.values.source, format: form.values.format, sampleUnit }, 300);
  const unitId = sampleUnit ?? units.data?.[0]?.id ?? null;

  useEffect(() => {
    const now = today();
    const sample = unitId ? { docType, recipientUnitId: unitId, taskIds: [], issuedOn: now, replyDue: replyDueFor(office, now) } : null;
    void api.documents.checkTemplate({ source: typed.source, format: typed.format, sample }).then((result) => {
      if (!result.ok) return;
      setProblem(result.value.problem);
      if (result.value.html) setHtml(result.value.html);
      if (!result.value.problem) setWarnings(result.value.warnings);
    });
  }, [api, docType, office, typed, unitId]);

  const goTo = (at: TemplateProblem): void => {
    const area = text.current;
    if (!area) return;
    const offset = offsetOf(area.value, at.line, at.column);
    area.focus();
    area.setSelectionRange(offset, offset + 2);
  };

  const save = (): void =>
    void form.submit(async (values) => {
      const saved = await (template ? documents.updateTemplate(template.id, values) : documents.createTemplate(values));
      if (saved.ok) {
        toast(t('templates.saved', { name: saved.value.name }));
        onSaved(saved.value);
      }
      return saved;
    });

  const remove = async (): Promise<Result<unknown>> => {
    const removed = await documents.removeTemplate(template!.id);
    if (removed.ok) {
      toast(t('templates.removed', { name: template!.name }));
      onRemoved();
    }
    return removed;
  };

  const shown = problem ?? templateProblemOf(form.errorOf('source'));

  return (
    <div className="document-editor">
      <form
        className="form"
        aria-label={t('templates.editor')}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <TextInput form={form} name="name" label={t('fields.templateName')} required wide />
        <SelectInput
          form={form}
          name="format"
          label={t('fields.format')}
          required
          options={DOCUMENT_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
        />
        <div className={`field field--wide${shown ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor="template-source">
            {t('fields.source')}
          </label>
          <textarea
            id="template-source"
            ref={text}
            className="template-source"
            rows={18}
            spellCheck={false}
            value={form.values.source}
            aria-invalid={Boolean(shown)}
            aria-describedby="template-problem"
            onChange={(e) => form.set('source', e.target.value)}
          />
          <div id="template-problem" className={shown ? 'field__error' : 'field__hint'} role={shown ? 'alert' : undefined}>
            {shown ? (
              <>
                {describeField(t, { field: 'source', code: shown.code, params: { line: shown.line, column: shown.column, name: shown.name ?? '' } })}{' '}
                <button type="button" className="button button--link" onClick={() => goTo(shown)}>
                  {t('templates.goTo')}
                </button>
              </>
            ) : (
              t('templates.sound')
            )}
          </div>
        </div>
        {warnings.length > 0 && (
          <div className="field--wide">
            <IssueWarnings warnings={warnings} />
          </div>
        )}
        <details className="field--wide template-fields">
          <summary>{t('templates.fieldList')}</summary>
          <p>
            {t('templates.syntax', { field: syntaxOf(fields.find((f) => f.scope === 'document')), loop: syntaxOf(fields.find((f) => f.scope === 'loop')) })}
          </p>
          <ul>
            {fields.map((field) => (
              <li key={field.names.join()}>
                <code>{syntaxOf(field)}</code> {t(`templates.scopes.${field.scope}`)} ({field.names.slice(1).join(', ')})
              </li>
            ))}
          </ul>
        </details>
        <label className="field field--wide">
          <span className="field__label">{t('templates.sample')}</span>
          <select value={unitId ?? ''} onChange={(e) => setSampleUnit(e.target.value ? Number(e.target.value) : null)}>
            <UnitOptions units={units.data ?? []} />
          </select>
        </label>
        <FormActions
          form={form}
          submit={t('templates.save')}
          disabled={problem !== null}
          removal={template ? { label: t('templates.remove'), message: t('templates.removeMessage', { name: template.name }), run: remove } : undefined}
          wide
        />
      </form>
      <DocumentFrame html={html} title={t('preview.title')} />
    </div>
  );
}
