import { useTranslation } from 'react-i18next';
import { type SiteVisit, type SiteVisitInput, siteVisitInput } from '../../../contract/siteVisits';
import { useContractQuery } from '../../api/useContract';
import { EvidencePanel } from '../../components/EvidencePanel';
import { FormPage } from '../../components/FormPage';
import { CheckboxInput, DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs';
import { unitChoices } from '../../components/UnitSelect';
import { RoutedRecord } from '../../components/RoutedRecord';
import { Section } from '../../components/Section';
import { useRecordForm } from '../../components/useRecordForm';
import { today } from '../../hooks/today';
import { useFormat } from '../../hooks/useFormat';
import { TaskSearchPicker } from '../../components/tasks/TaskSearchPicker';
import { FindingsList } from '../../components/findings/FindingsList';

const valuesOf = (visit: SiteVisit | null): SiteVisitInput => ({
  visitedOn: visit?.visitedOn ?? today(),
  places: visit?.places ?? '',
  unannounced: visit?.unannounced ?? true,
  unitId: visit?.unitId ?? null,
  team: visit?.team ?? '',
  peopleMet: visit?.peopleMet ?? '',
  summary: visit?.summary ?? '',
  taskIds: [...(visit?.taskIds ?? [])],
});

/** /visits/new and /visits/:id: a site visit, its findings and its evidence. */
export function VisitPage() {
  return <RoutedRecord of="siteVisits">{(visit) => <VisitForm visit={visit} />}</RoutedRecord>;
}

function VisitForm({ visit }: { visit: SiteVisit | null }) {
  const { t } = useTranslation('visits');
  const format = useFormat();
  const { form, page } = useRecordForm({ area: 'visits', draft: 'visit', schema: siteVisitInput, record: visit, valuesOf, calls: (a) => a.siteVisits });
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const findings = useContractQuery('findings', 'list', visit ? [{ siteVisitId: visit.id }] : null);
  const evidence = useContractQuery('evidence', 'list', visit ? [{ kind: 'site_visit', id: visit.id }] : null);

  return (
    <FormPage
      {...page}
      title={visit ? t('visitTitle', { date: format.date(visit.visitedOn) }) : t('add')}
      subtitle={visit?.places}
      side={
        visit && (
          <Section title={t('evidence')}>
            <EvidencePanel owner={{ kind: 'site_visit', id: visit.id }} evidence={evidence.data ?? []} />
          </Section>
        )
      }
      after={
        visit ? (
          <Section title={t('findings.title')}>
            <FindingsList findings={findings.data ?? []} context={{ origin: { source: 'visit', siteVisitId: visit.id }, unitId: visit.unitId }} />
          </Section>
        ) : undefined
      }
    >
      <Section title={t('details')}>
        <div className="form form--grid">
          <DateInput form={form} name="visitedOn" label={t('fields.visitedOn')} required />
          <SelectInput form={form} name="unitId" label={t('visitedUnit')} empty={t('none')} options={unitChoices(units.data ?? [])} />
          <CheckboxInput form={form} name="unannounced" label={t('fields.unannounced')} hint={t('unannouncedHint')} />
          <TextArea form={form} name="places" label={t('fields.places')} required rows={2} hint={t('placesHint')} />
          <TextInput form={form} name="team" label={t('fields.team')} wide />
          <TextArea form={form} name="peopleMet" label={t('fields.peopleMet')} rows={2} />
          <TextArea form={form} name="summary" label={t('fields.summary')} rows={4} />
          <TaskSearchPicker form={form} name="taskIds" label={t('fields.taskIds')} hint={t('tasksHint')} />
        </div>
      </Section>
    </FormPage>
  );
}
