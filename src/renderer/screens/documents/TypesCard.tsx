import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_NUMBER_PATTERN, type DocumentTemplate, type DocumentType, documentTypeInput } from '../../../contract/documents';
import type { DubanError } from '../../../shared/errors';
import { useContractMutation, useContractQuery } from '../../api/useContract';
import { CheckboxInput, SelectInput, TextInput } from '../../components/inputs';
import { ErrorNotice } from '../../components/Notice';
import { useToast } from '../../components/Toasts';
import { useForm } from '../../forms/useForm';
import { unchosen } from '../../../shared/validation';

/** A type as its row holds it: no template until one is chosen (when there is none yet, the rules say it is missing). */
const typeForm = documentTypeInput.extend({ templateId: unchosen(documentTypeInput.shape.templateId) });

/** One type: its name, number pattern and template, the next number this year and where the numbering goes on. */
function TypeRow({ type, templates }: { type: DocumentType | null; templates: readonly DocumentTemplate[] }) {
  const { t } = useTranslation('documents');
  const documents = useContractMutation().documents;
  const toast = useToast();
  const year = new Date().getFullYear();
  const next = useContractQuery('documents', 'nextNumber', type ? [type.code, year] : null);
  const form = useForm(
    typeForm,
    {
      name: type?.name ?? '',
      numberPattern: type?.numberPattern ?? DEFAULT_NUMBER_PATTERN,
      templateId: type?.templateId ?? templates[0]?.id ?? null,
      sealed: type?.sealed ?? true,
    },
    `document-type:${type?.id ?? 'new'}`,
  );
  const [serial, setSerial] = useState('');
  const [failure, setFailure] = useState<DubanError | null>(null);
  const save = (): void =>
    void form
      .submit((_, checked) => (type ? documents.updateType(type.id, checked) : documents.createType(checked)))
      .then((saved) => {
        if (!saved) return;
        toast(t('types.saved', { name: form.values.name }));
        if (!type) form.reset({ name: '', numberPattern: DEFAULT_NUMBER_PATTERN, templateId: templates[0]?.id ?? null, sealed: true });
      });
  const restart = async (): Promise<void> => {
    const set = await documents.setCounter({ docType: type!.code, year, nextSerial: Number(serial) });
    setFailure(set.ok ? null : set.error);
    if (set.ok) {
      toast(t('types.counterSet', { number: set.value }));
    }
  };
  return (
    <form
      className="form form--grid type-row"
      aria-label={type?.name ?? t('types.add')}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <TextInput form={form} name="name" label={t('types.name')} required />
      <TextInput form={form} name="numberPattern" label={t('types.pattern')} hint={t('types.patternHint')} required />
      <SelectInput form={form} name="templateId" label={t('fields.template')} required options={templates.map((x) => ({ value: x.id, label: x.name }))} />
      <CheckboxInput form={form} name="sealed" label={t('types.sealed')} hint={t('types.sealedHint')} />
      {type && (
        <div className="field">
          <span className="field__label">{t('types.next', { year })}</span>
          <span>{next.data}</span>
          <span className="input-row">
            <input
              type="number"
              min={1}
              aria-label={t('types.restartAt')}
              placeholder={t('types.restartAt')}
              value={serial}
              onChange={(e) => setSerial(e.target.value)}
            />
            <button type="button" className="button button--small" disabled={!serial} onClick={() => void restart()}>
              {t('types.restart')}
            </button>
          </span>
        </div>
      )}
      <ErrorNotice error={form.failure ?? failure} />
      <div className="form__actions field--wide">
        <button type="submit" className="button">
          {type ? t('app:actions.save') : t('types.add')}
        </button>
      </div>
    </form>
  );
}

export function TypesCard({ types, templates }: { types: readonly DocumentType[]; templates: readonly DocumentTemplate[] }) {
  const { t } = useTranslation('documents');
  return (
    <section className="card" aria-labelledby="types-title">
      <h2 id="types-title">{t('types.title')}</h2>
      {types.map((type) => (
        <TypeRow key={`${type.id}:${type.updatedAt}`} type={type} templates={templates} />
      ))}
      <TypeRow type={null} templates={templates} />
    </section>
  );
}
