import { useTranslation } from 'react-i18next';
import { ACCOUNTABILITY_FORMS, type AccountabilityForm, SUBJECT_KINDS, type SubjectKind } from '../../../core/accountability/model';
import type { Unit } from '../../../core/units/model';
import { FieldFrame } from '../../components/Field';
import { UnitOptions } from '../../components/UnitSelect';
import type { Form } from '../../forms/useForm';

export interface SubjectValues {
  kind: SubjectKind;
  name: string;
  position: string;
  unitId: number | null;
  form: AccountabilityForm;
  decidedOn: string | null;
  notes: string;
}

type WithSubjects = { subjects: SubjectValues[] } & Record<string, unknown>;

export const newSubject = (): SubjectValues => ({ kind: 'person', name: '', position: '', unitId: null, form: 'admonishment', decidedOn: null, notes: '' });

/**
 * 问责对象: each unit, enterprise or person held accountable, the form it took and when it was
 * decided; added and removed in place, each field checked like the rest of the form.
 */
export function SubjectsEditor<V extends WithSubjects>({ form, units }: { form: Form<V>; units: readonly Unit[] }) {
  const { t } = useTranslation('accountability');
  const subjects = form.values.subjects;
  const change = (index: number, part: Partial<SubjectValues>): void => form.set('subjects', subjects.map((s, i) => (i === index ? { ...s, ...part } : s)) as V['subjects']);
  const fieldOf = (index: number, field: keyof SubjectValues) => ({
    error: form.errorOf(`subjects.${index}.${field}`),
    onBlur: () => form.touch(`subjects.${index}.${field}`),
  });

  return (
    <div className="subjects">
      {subjects.length === 0 && <p className="empty-state">{t('subjects.empty')}</p>}
      {subjects.map((subject, index) => (
        <fieldset key={index} className="subject">
          <legend>{t('subjects.legend', { index: index + 1 })}</legend>
          <div className="form form--grid subject__fields">
            <FieldFrame label={t('subjects.kind')} required error={fieldOf(index, 'kind').error}>
              {(aria) => (
                <select {...aria} value={subject.kind} onChange={(e) => change(index, { kind: e.target.value as SubjectKind })}>
                  {SUBJECT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`common:enums.subjectKind.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </FieldFrame>
            <FieldFrame label={t('subjects.name')} required error={fieldOf(index, 'name').error}>
              {(aria) => <input {...aria} value={subject.name} onChange={(e) => change(index, { name: e.target.value })} onBlur={fieldOf(index, 'name').onBlur} />}
            </FieldFrame>
            <FieldFrame label={t('subjects.position')} error={fieldOf(index, 'position').error}>
              {(aria) => <input {...aria} value={subject.position} onChange={(e) => change(index, { position: e.target.value })} onBlur={fieldOf(index, 'position').onBlur} />}
            </FieldFrame>
            <FieldFrame label={t('subjects.unit')} error={fieldOf(index, 'unitId').error}>
              {(aria) => (
                <select {...aria} value={subject.unitId ?? ''} onChange={(e) => change(index, { unitId: e.target.value ? Number(e.target.value) : null })}>
                  <option value="">{t('none')}</option>
                  <UnitOptions units={units} />
                </select>
              )}
            </FieldFrame>
            <FieldFrame label={t('subjects.form')} required error={fieldOf(index, 'form').error}>
              {(aria) => (
                <select {...aria} value={subject.form} onChange={(e) => change(index, { form: e.target.value as AccountabilityForm })}>
                  {ACCOUNTABILITY_FORMS.map((f) => (
                    <option key={f} value={f}>
                      {t(`common:enums.accountabilityForm.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            </FieldFrame>
            <FieldFrame label={t('subjects.decidedOn')} error={fieldOf(index, 'decidedOn').error}>
              {(aria) => <input {...aria} type="date" value={subject.decidedOn ?? ''} onChange={(e) => change(index, { decidedOn: e.target.value || null })} onBlur={fieldOf(index, 'decidedOn').onBlur} />}
            </FieldFrame>
            <FieldFrame label={t('subjects.notes')} wide error={fieldOf(index, 'notes').error}>
              {(aria) => <input {...aria} value={subject.notes} onChange={(e) => change(index, { notes: e.target.value })} onBlur={fieldOf(index, 'notes').onBlur} />}
            </FieldFrame>
          </div>
          <button type="button" className="button button--link button--link-danger" onClick={() => form.set('subjects', subjects.filter((_, i) => i !== index) as V['subjects'])}>
            {t('subjects.remove', { index: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => form.set('subjects', [...subjects, newSubject()] as V['subjects'])}>
        {t('subjects.add')}
      </button>
    </div>
  );
}
