import { type ClipboardEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNTABILITY_FORMS,
  type AccountabilityForm,
  type AccountabilityInput,
  GOVERNMENT_SANCTIONS,
  PARTY_SANCTIONS,
  SUBJECT_KINDS,
  type SubjectInput,
} from '../../../contract/accountability';
import type { Unit } from '../../../contract/units';
import type { FieldError } from '../../../shared/errors';
import { describeField } from '../../../shared/i18n/describe';
import { DateControl } from '../../components/DateControl';
import { UnitOptions } from '../../components/UnitSelect';
import type { Form } from '../../forms/useForm';
import { isManyRows, pastedSubjects } from './pastedSubjects';

/** A new subject keeps the kind and form of the one before it: subjects come in batches of one kind. */
export const newSubject = (last?: SubjectInput): SubjectInput => ({
  kind: last?.kind ?? 'person',
  name: '',
  position: '',
  unitId: null,
  form: last?.form ?? 'admonishment',
  partySanction: null,
  governmentSanction: null,
  fineYuan: null,
  decidedOn: null,
  notes: '',
});

/** Another form of accountability: what only the old one had (a 处分's kinds, a fine) goes. */
const withForm = (subject: SubjectInput, form: AccountabilityForm): SubjectInput => ({
  ...subject,
  form,
  partySanction: form === 'disciplinary' ? subject.partySanction : null,
  governmentSanction: form === 'disciplinary' ? subject.governmentSanction : null,
  fineYuan: form === 'fine' ? subject.fineYuan : null,
});

type CellControl = { 'aria-label': string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/** One cell of the table: its control, named for a screen reader by row and column, and what is wrong with it. */
function Cell({ label, error, children }: { label: string; error?: FieldError | undefined; children: (control: CellControl) => ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <td className={error ? 'subjects__cell subjects__cell--invalid' : 'subjects__cell'}>
      {children({ 'aria-label': label, 'aria-invalid': Boolean(error), 'aria-describedby': error ? id : undefined })}
      {error && (
        <div id={id} className="field__error">
          {describeField(t, error)}
        </div>
      )}
    </td>
  );
}

/** A choice among the codes of one of the shared enums (`common:enums.<name>`), with an empty choice when `none` is given. */
function EnumSelect<C extends string>({
  codes,
  name,
  none,
  value,
  onChoose,
  ...aria
}: Partial<CellControl> & {
  codes: readonly C[];
  name: 'subjectKind' | 'accountabilityForm' | 'partySanction' | 'governmentSanction';
  none?: string;
  value: C | null;
  onChoose: (code: C | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <select {...aria} value={value ?? ''} onChange={(e) => onChoose((e.target.value || null) as C | null)}>
      {none !== undefined && <option value="">{none}</option>}
      {codes.map((code) => (
        <option key={code} value={code}>
          {t(`common:enums.${name}.${code}`)}
        </option>
      ))}
    </select>
  );
}

const COLUMNS = ['kind', 'name', 'position', 'unit', 'form', 'outcome', 'decidedOn', 'notes'] as const;

/**
 * 问责对象 as a table, a row each: a column (or a table) of names pasted from a spreadsheet into a
 * name cell becomes as many rows of that row's kind and form; a 党纪政务处分 names its kinds, a fine
 * its amount in 元. Every cell is checked like the rest of the form.
 */
export function SubjectsEditor({ form, units }: { form: Form<AccountabilityInput>; units: readonly Unit[] }) {
  const { t } = useTranslation('accountability');
  const subjects = form.values.subjects ?? [];
  const setSubjects = (next: SubjectInput[]): void => form.set('subjects', next);
  const change = (index: number, part: Partial<SubjectInput>): void => setSubjects(subjects.map((s, i) => (i === index ? { ...s, ...part } : s)));
  const errorOf = (index: number, field: keyof SubjectInput) => form.errorOf(`subjects.${index}.${field}`);
  const touch = (index: number, field: keyof SubjectInput) => () => form.touch(`subjects.${index}.${field}`);
  const label = (index: number, field: string) => t('subjects.cell', { index: index + 1, field: t(`subjects.${field}`) });

  const paste = (index: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!isManyRows(text)) return;
    event.preventDefault();
    const row = subjects[index]!;
    const rows = pastedSubjects(text, newSubject(row), t('subjects.notesSeparator'));
    // Into an empty row the first name goes in place; after a filled one, the names follow it.
    const keep = row.name.trim() ? [row] : [];
    setSubjects([...subjects.slice(0, index), ...keep, ...rows, ...subjects.slice(index + 1)]);
  };

  return (
    <div className="subjects">
      {subjects.length === 0 ? (
        <p className="empty-state">{t('subjects.empty')}</p>
      ) : (
        <div className="subjects__scroll">
          <table className="subjects__table">
            <thead>
              <tr>
                <th scope="col" className="subjects__number">
                  {t('subjects.number')}
                </th>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className={`subjects__${column}`}>
                    {t(`subjects.${column}`)}
                    {(column === 'kind' || column === 'name' || column === 'form') && (
                      <span className="field__required" aria-hidden="true">
                        ＊
                      </span>
                    )}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('subjects.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {subjects.map((subject, index) => (
                <tr key={index}>
                  <td className="subjects__number">{index + 1}</td>
                  <Cell label={label(index, 'kind')} error={errorOf(index, 'kind')}>
                    {(aria) => (
                      <EnumSelect {...aria} codes={SUBJECT_KINDS} name="subjectKind" value={subject.kind} onChoose={(kind) => change(index, { kind: kind! })} />
                    )}
                  </Cell>
                  <Cell label={label(index, 'name')} error={errorOf(index, 'name')}>
                    {(aria) => (
                      <input
                        {...aria}
                        value={subject.name}
                        onChange={(e) => change(index, { name: e.target.value })}
                        onBlur={touch(index, 'name')}
                        onPaste={paste(index)}
                      />
                    )}
                  </Cell>
                  <Cell label={label(index, 'position')} error={errorOf(index, 'position')}>
                    {(aria) => (
                      <input
                        {...aria}
                        value={subject.position ?? ''}
                        onChange={(e) => change(index, { position: e.target.value })}
                        onBlur={touch(index, 'position')}
                      />
                    )}
                  </Cell>
                  <Cell label={label(index, 'unit')} error={errorOf(index, 'unitId')}>
                    {(aria) => (
                      <select
                        {...aria}
                        value={subject.unitId ?? ''}
                        onChange={(e) => change(index, { unitId: e.target.value ? Number(e.target.value) : null })}
                      >
                        <option value="">{t('none')}</option>
                        <UnitOptions units={units} />
                      </select>
                    )}
                  </Cell>
                  <Cell label={label(index, 'form')} error={errorOf(index, 'form')}>
                    {(aria) => (
                      <EnumSelect
                        {...aria}
                        codes={ACCOUNTABILITY_FORMS}
                        name="accountabilityForm"
                        value={subject.form}
                        onChoose={(chosen) => setSubjects(subjects.map((s, i) => (i === index ? withForm(s, chosen!) : s)))}
                      />
                    )}
                  </Cell>
                  <Outcome subject={subject} index={index} form={form} label={label} change={(part) => change(index, part)} />
                  <Cell label={label(index, 'decidedOn')} error={errorOf(index, 'decidedOn')}>
                    {(aria) => (
                      <DateControl
                        {...aria}
                        value={subject.decidedOn ?? null}
                        onDate={(decidedOn) => change(index, { decidedOn })}
                        onBlur={touch(index, 'decidedOn')}
                      />
                    )}
                  </Cell>
                  <Cell label={label(index, 'notes')} error={errorOf(index, 'notes')}>
                    {(aria) => (
                      <input {...aria} value={subject.notes ?? ''} onChange={(e) => change(index, { notes: e.target.value })} onBlur={touch(index, 'notes')} />
                    )}
                  </Cell>
                  <td>
                    <button
                      type="button"
                      className="button button--link button--link-danger"
                      aria-label={t('subjects.remove', { index: index + 1 })}
                      onClick={() => setSubjects(subjects.filter((_, i) => i !== index))}
                    >
                      {t('subjects.removeShort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="subjects__add">
        <button type="button" className="button" onClick={() => setSubjects([...subjects, newSubject(subjects[subjects.length - 1])])}>
          {t('subjects.add')}
        </button>
        <span className="field__hint">{t('subjects.pasteHint')}</span>
      </div>
    </div>
  );
}

/** What the form came to: a 党纪政务处分's kinds (one or both), a fine's amount, or nothing more to say. */
function Outcome({
  subject,
  index,
  form,
  label,
  change,
}: {
  subject: SubjectInput;
  index: number;
  form: Form<AccountabilityInput>;
  label: (index: number, field: string) => string;
  change: (part: Partial<SubjectInput>) => void;
}) {
  const { t } = useTranslation('accountability');
  const party = form.errorOf(`subjects.${index}.partySanction`);
  if (subject.form === 'disciplinary')
    return (
      <Cell label={label(index, 'partySanction')} error={party ?? form.errorOf(`subjects.${index}.governmentSanction`)}>
        {(aria) => (
          <div className="subjects__sanctions">
            <EnumSelect
              {...aria}
              codes={PARTY_SANCTIONS}
              name="partySanction"
              none={t('subjects.noPartySanction')}
              value={subject.partySanction ?? null}
              onChoose={(partySanction) => change({ partySanction })}
            />
            <EnumSelect
              aria-label={label(index, 'governmentSanction')}
              aria-invalid={Boolean(party)}
              codes={GOVERNMENT_SANCTIONS}
              name="governmentSanction"
              none={t('subjects.noGovernmentSanction')}
              value={subject.governmentSanction ?? null}
              onChoose={(governmentSanction) => change({ governmentSanction })}
            />
          </div>
        )}
      </Cell>
    );
  if (subject.form === 'fine')
    return (
      <Cell label={label(index, 'fineYuan')} error={form.errorOf(`subjects.${index}.fineYuan`)}>
        {(aria) => (
          <span className="subjects__amount">
            <input
              {...aria}
              type="number"
              inputMode="numeric"
              min={1}
              value={subject.fineYuan ?? ''}
              onChange={(e) => change({ fineYuan: e.target.value === '' ? null : Number(e.target.value) })}
              onBlur={() => form.touch(`subjects.${index}.fineYuan`)}
            />
            <span aria-hidden="true">{t('subjects.yuan')}</span>
          </span>
        )}
      </Cell>
    );
  return <td className="subjects__cell subjects__none">—</td>;
}
