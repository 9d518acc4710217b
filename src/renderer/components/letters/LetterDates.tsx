import { useTranslation } from 'react-i18next';
import type { Form } from '../../forms/useForm';
import { DateInput } from '../inputs';

/** A letter's date and the reply it asks for (none when left empty): the dates every issue form has. */
export function LetterDates<V extends Record<string, unknown> & { issuedOn: string; replyDue: string | null }>({ form }: { form: Form<V> }) {
  const { t } = useTranslation('documents');
  return (
    <>
      <DateInput form={form} name="issuedOn" label={t('fields.issuedOn')} required />
      <DateInput form={form} name="replyDue" label={t('fields.replyDue')} />
    </>
  );
}
