import { useTranslation } from 'react-i18next';
import { DEADLINE_KINDS, type DeadlineKind } from '../../../contract/tasks';
import { DateControl } from '../../components/DateControl';
import { FieldFrame } from '../../components/Field';
import type { Form } from '../../forms/useForm';
import type { TaskFormValues } from './taskValues';

/** 整改时限: a date, 立行立改 or 长期坚持; the date is asked only for the first. */
export function DeadlineInput({ form }: { form: Form<TaskFormValues> }) {
  const { t } = useTranslation('tasks');
  const deadline = form.values.deadline;
  const set = (part: Partial<TaskFormValues['deadline']>): void => form.set('deadline', { ...deadline, ...part });
  return (
    <FieldFrame label={t('fields.deadline')} required wide error={form.errorOf('deadline')}>
      {(aria) => (
        <div className="deadline-input">
          <span className="deadline-input__kinds" role="radiogroup" aria-label={t('fields.deadlineKind')}>
            {DEADLINE_KINDS.map((kind: DeadlineKind) => (
              <label key={kind} className="field--check">
                <input type="radio" name="deadline-kind" value={kind} checked={deadline.kind === kind} onChange={() => set({ kind })} />
                {t(`common:enums.deadlineKind.${kind}`)}
              </label>
            ))}
          </span>
          <DateControl
            {...aria}
            disabled={deadline.kind !== 'date'}
            value={deadline.date ?? null}
            onDate={(date) => set({ date: date ?? undefined })}
            onBlur={() => form.touch('deadline')}
          />
        </div>
      )}
    </FieldFrame>
  );
}
