import { useTranslation } from 'react-i18next';
import type { UnitContact } from '../../../contract/units';
import { describeField } from '../../../shared/i18n/describe';
import type { Form } from '../../forms/useForm';
import type { UnitFormValues } from './unitForm';

/** A unit's contacts: a row each (name, position, phone), added and removed in place. */
export function ContactsEditor({ form }: { form: Form<UnitFormValues> }) {
  const { t } = useTranslation('units');
  const contacts = form.values.contacts;
  const change = (index: number, field: keyof UnitContact, value: string): void =>
    form.set(
      'contacts',
      contacts.map((c, i) => (i === index ? { ...c, [field]: value } : c)),
    );
  return (
    <fieldset className="contacts field--wide">
      <legend>{t('contacts.title')}</legend>
      {contacts.map((contact, index) => (
        <div key={index} className="contacts__row">
          {(['name', 'position', 'phone'] as const).map((field) => {
            const error = form.errorOf(`contacts.${index}.${field}`);
            return (
              <label key={field} className={error ? 'field--invalid' : undefined}>
                <span className="visually-hidden">{t(`contacts.${field}`)}</span>
                <input
                  type={field === 'phone' ? 'tel' : 'text'}
                  placeholder={t(`contacts.${field}`)}
                  aria-invalid={Boolean(error)}
                  value={contact[field] ?? ''}
                  onChange={(e) => change(index, field, e.target.value)}
                  onBlur={() => form.touch(`contacts.${index}.${field}`)}
                />
                {error && <span className="field__error">{describeField(t, error)}</span>}
              </label>
            );
          })}
          <button
            type="button"
            className="button button--link"
            onClick={() =>
              form.set(
                'contacts',
                contacts.filter((_, i) => i !== index),
              )
            }
          >
            {t('contacts.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => form.set('contacts', [...contacts, { name: '', position: '', phone: '' }])}>
        {t('contacts.add')}
      </button>
    </fieldset>
  );
}
