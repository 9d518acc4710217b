import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountabilityCase, type AccountabilityInput, accountabilityInput, ACCOUNTABILITY_STATES } from '../../../contract/accountability';
import { useContractQuery } from '../../api/useContract';
import { EvidencePanel } from '../../components/EvidencePanel';
import { FormPage } from '../../components/FormPage';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs';
import { RoutedRecord } from '../../components/RoutedRecord';
import { SearchPicker, type SearchSource } from '../../components/SearchPicker';
import { Section } from '../../components/Section';
import { useRecordForm } from '../../components/useRecordForm';
import { SubjectsEditor } from './SubjectsEditor';
import { EnumOptions } from '../../components/EnumOptions';

const valuesOf = (c: AccountabilityCase | null): AccountabilityInput => ({
  issue: c?.issue ?? '',
  handedOverBy: c?.handedOverBy ?? '',
  handedOverOn: c?.handedOverOn ?? null,
  team: c?.team ?? '',
  petitionCaseId: c?.petitionCaseId ?? null,
  findingId: c?.findingId ?? null,
  state: c?.state ?? 'investigating',
  concludedOn: c?.concludedOn ?? null,
  notes: c?.notes ?? '',
  subjects: (c?.subjects ?? []).map((s) => ({ ...s })),
});

/** /accountability/new and /accountability/:id: an issue handed over, the team on it, and who was held accountable how. */
export function AccountabilityPage() {
  return <RoutedRecord of="accountability">{(c) => <CaseForm accountabilityCase={c} />}</RoutedRecord>;
}

function CaseForm({ accountabilityCase: current }: { accountabilityCase: AccountabilityCase | null }) {
  const { t } = useTranslation('accountability');
  const { form, page } = useRecordForm({
    area: 'accountability',
    draft: 'accountability',
    schema: accountabilityInput,
    record: current,
    valuesOf,
    calls: (a) => a.accountability,
  });
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const findings = useContractQuery('findings', 'list', []);
  const evidence = useContractQuery('evidence', 'list', current ? [{ kind: 'accountability_case', id: current.id }] : null);
  const petitions = useMemo<SearchSource>(
    () => ({
      search: async (a, query) => {
        const page = await a.petitions.list({ ...(query ? { search: query } : {}), limit: 20 });
        return page.ok ? page.value.rows.map((p) => ({ value: p.id, label: p.receiptNumber, detail: p.subject || p.problem })) : [];
      },
      lookup: async (a, id) => {
        const p = await a.petitions.get(id);
        return p.ok ? { value: p.value.id, label: p.value.receiptNumber } : null;
      },
    }),
    [],
  );

  const setState = (chosen: string): void => {
    const state = ACCOUNTABILITY_STATES.find((s) => s === chosen);
    if (!state) return;
    form.set('state', state);
    if (state === 'investigating') form.set('concludedOn', null);
  };

  return (
    <FormPage
      {...page}
      title={current ? t('caseTitle', { id: current.id }) : t('add')}
      subtitle={current?.issue}
      after={
        // Below the form, not beside it: the subjects' table needs the page's width.
        current && (
          <Section title={t('evidence')}>
            <EvidencePanel owner={{ kind: 'accountability_case', id: current.id }} evidence={evidence.data ?? []} />
          </Section>
        )
      }
    >
      <Section title={t('details')}>
        <div className="form form--grid">
          <TextArea form={form} name="issue" label={t('fields.issue')} required rows={3} />
          <TextInput form={form} name="handedOverBy" label={t('fields.handedOverBy')} />
          <DateInput form={form} name="handedOverOn" label={t('fields.handedOverOn')} />
          <TextInput form={form} name="team" label={t('fields.team')} wide />
          <SearchPicker
            form={form}
            name="petitionCaseId"
            label={t('fields.petitionCaseId')}
            hint={t('petitionHint')}
            source={petitions}
            placeholder={t('petitionPlaceholder')}
          />
          <SelectInput
            form={form}
            name="findingId"
            label={t('fields.findingId')}
            empty={t('none')}
            options={(findings.data ?? []).map((f) => ({
              value: f.id,
              label: f.description.length > 40 ? `${f.description.slice(0, 40)}…` : f.description,
            }))}
          />
          <label className="field">
            <span className="field__label">{t('fields.state')}</span>
            <select value={form.values.state} onChange={(e) => setState(e.target.value)}>
              <EnumOptions name="accountabilityState" values={ACCOUNTABILITY_STATES} />
            </select>
          </label>
          {form.values.state === 'concluded' && <DateInput form={form} name="concludedOn" label={t('fields.concludedOn')} required />}
          <TextArea form={form} name="notes" label={t('fields.notes')} rows={2} />
        </div>
      </Section>
      <Section title={t('subjects.title')}>
        <p className="section__intro">{t('subjects.intro')}</p>
        <SubjectsEditor form={form} units={units.data ?? []} />
      </Section>
    </FormPage>
  );
}
