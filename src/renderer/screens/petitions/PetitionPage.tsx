import { useTranslation } from 'react-i18next';
import { PETITION_COMPLETIONS, PETITION_TRUTHS, type PetitionCase, type PetitionInput, petitionInput, POLLUTION_KINDS } from '../../../contract/petitions';
import { useContractQuery } from '../../api/useContract';
import { EvidencePanel } from '../../components/EvidencePanel';
import { FormPage } from '../../components/FormPage';
import { ChecksInput, DateInput, NumberInput, SelectInput, TextArea, TextInput } from '../../components/inputs';
import { unitChoices } from '../../components/UnitSelect';
import { RoutedRecord } from '../../components/RoutedRecord';
import { Section } from '../../components/Section';
import { useRecordForm } from '../../components/useRecordForm';
import { ExtraColumns } from './ExtraColumns';

const valuesOf = (p: PetitionCase | null): PetitionInput => ({
  receiptNumber: p?.receiptNumber ?? '',
  batch: p?.batch ?? null,
  handedOverOn: p?.handedOverOn ?? null,
  subject: p?.subject ?? '',
  problem: p?.problem ?? '',
  region: p?.region ?? '',
  pollutionKinds: [...(p?.pollutionKinds ?? ['other'])],
  unitId: p?.unitId ?? null,
  inspectionId: p?.inspectionId ?? null,
  investigation: p?.investigation ?? '',
  truth: p?.truth ?? null,
  handling: p?.handling ?? '',
  accountability: p?.accountability ?? '',
  personsHeldAccountable: p?.personsHeldAccountable ?? 0,
  entitiesPenalized: p?.entitiesPenalized ?? 0,
  finesYuan: p?.finesYuan ?? 0,
  personsDetained: p?.personsDetained ?? 0,
  completion: p?.completion ?? 'pending',
  completedOn: p?.completedOn ?? null,
  notes: p?.notes ?? '',
});

/** /petitions/new and /petitions/:id: one case, from its handing over to its completion. */
export function PetitionPage() {
  return <RoutedRecord of="petitions">{(p) => <PetitionForm petition={p} />}</RoutedRecord>;
}

function PetitionForm({ petition }: { petition: PetitionCase | null }) {
  const { t } = useTranslation('petitions');
  const { form, page } = useRecordForm({
    area: 'petitions',
    draft: 'petition',
    schema: petitionInput,
    record: petition,
    valuesOf,
    calls: (a) => a.petitions,
    wordsOf: (p) => ({ number: p.receiptNumber }),
  });
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const inspections = useContractQuery('inspections', 'list', []);
  const evidence = useContractQuery('evidence', 'list', petition ? [{ kind: 'petition_case', id: petition.id }] : null);

  return (
    <FormPage
      {...page}
      title={petition ? t('caseTitle', { number: petition.receiptNumber }) : t('add')}
      subtitle={petition?.subject}
      side={
        petition && (
          <>
            <Section title={t('evidence')}>
              <EvidencePanel owner={{ kind: 'petition_case', id: petition.id }} evidence={evidence.data ?? []} />
            </Section>
            <ExtraColumns columns={petition.extraColumns} />
          </>
        )
      }
    >
      <Section title={t('sections.handedOver')}>
        <div className="form form--grid">
          <TextInput form={form} name="receiptNumber" label={t('fields.receiptNumber')} required autoFocus={!petition} hint={t('receiptHint')} />
          <NumberInput form={form} name="batch" label={t('fields.batch')} min={1} optional />
          <SelectInput
            form={form}
            name="inspectionId"
            label={t('fields.inspectionId')}
            empty={t('none')}
            options={(inspections.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
          <DateInput form={form} name="handedOverOn" label={t('fields.handedOverOn')} />
          <TextInput form={form} name="subject" label={t('fields.subject')} wide />
          <TextArea form={form} name="problem" label={t('fields.problem')} required rows={4} />
          <TextInput form={form} name="region" label={t('fields.region')} />
          <ChecksInput
            form={form}
            name="pollutionKinds"
            label={t('fields.pollutionKinds')}
            required
            wide
            options={POLLUTION_KINDS.map((k) => ({ value: k, label: t(`common:enums.pollutionKind.${k}`) }))}
          />
          <SelectInput form={form} name="unitId" label={t('fields.unitId')} empty={t('none')} options={unitChoices(units.data ?? [])} />
        </div>
      </Section>
      <Section title={t('sections.handled')}>
        <div className="form form--grid">
          <TextArea form={form} name="investigation" label={t('fields.investigation')} rows={3} />
          <SelectInput
            form={form}
            name="truth"
            label={t('fields.truth')}
            empty={t('truthUnknown')}
            options={PETITION_TRUTHS.map((v) => ({ value: v, label: t(`common:enums.truth.${v}`) }))}
          />
          <TextArea form={form} name="handling" label={t('fields.handling')} rows={3} />
          <TextArea form={form} name="accountability" label={t('fields.accountability')} rows={2} />
          <NumberInput form={form} name="personsHeldAccountable" label={t('fields.personsHeldAccountable')} />
          <NumberInput form={form} name="entitiesPenalized" label={t('fields.entitiesPenalized')} />
          <NumberInput form={form} name="finesYuan" label={t('fields.finesYuan')} />
          <NumberInput form={form} name="personsDetained" label={t('fields.personsDetained')} />
          <SelectInput
            form={form}
            name="completion"
            label={t('fields.completion')}
            required
            options={PETITION_COMPLETIONS.map((v) => ({ value: v, label: t(`common:enums.completion.${v}`) }))}
          />
          <DateInput form={form} name="completedOn" label={t('fields.completedOn')} />
          <TextArea form={form} name="notes" label={t('fields.notes')} rows={2} />
        </div>
      </Section>
    </FormPage>
  );
}
