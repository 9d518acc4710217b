import { useTranslation } from 'react-i18next';
import type { LetterDates as Dates } from '../../../contract/documents';
import type { Form } from '../../forms/useForm';
import { DateInput } from '../inputs';

/** A letter's date and the reply it asks for (none when left empty): the dates every issue form has. */
export function LetterDates({ form }: { form: Form<Dates> }) {
  const { t } = useTranslation('documents');
  return (
    <>
      <DateInput form={form} name="issuedOn" label={t('fields.issuedOn')} required />
      <DateInput form={form} name="replyDue" label={t('fields.replyDue')} />
    </>
  );
}
