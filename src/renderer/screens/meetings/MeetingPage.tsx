import { useTranslation } from 'react-i18next';
import { type Meeting, MEETING_KINDS, type MeetingInput, meetingInput } from '../../../contract/meetings';
import { useContractQuery } from '../../api/useContract';
import { FormPage } from '../../components/FormPage';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs';
import { unitChoices } from '../../components/UnitSelect';
import { RoutedRecord } from '../../components/RoutedRecord';
import { Section } from '../../components/Section';
import { useRecordForm } from '../../components/useRecordForm';
import { today } from '../../hooks/today';
import { useFormat } from '../../hooks/useFormat';
import { FindingsList } from '../../components/findings/FindingsList';

const valuesOf = (meeting: Meeting | null): MeetingInput => ({
  heldOn: meeting?.heldOn ?? today(),
  kind: meeting?.kind ?? 'party_group',
  title: meeting?.title ?? '',
  unitId: meeting?.unitId ?? null,
  attendees: meeting?.attendees ?? '',
  notes: meeting?.notes ?? '',
});

/** /meetings/new and /meetings/:id: a meeting the group attended, what it learned, and the problems found there. */
export function MeetingPage() {
  return <RoutedRecord of="meetings">{(meeting) => <MeetingForm meeting={meeting} />}</RoutedRecord>;
}

function MeetingForm({ meeting }: { meeting: Meeting | null }) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const { form, page } = useRecordForm({ area: 'meetings', draft: 'meeting', schema: meetingInput, record: meeting, valuesOf, calls: (a) => a.meetings });
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const findings = useContractQuery('findings', 'list', meeting ? [{ meetingId: meeting.id }] : null);

  return (
    <FormPage
      {...page}
      title={meeting ? meeting.title : t('add')}
      subtitle={meeting ? t('held', { date: format.date(meeting.heldOn), kind: t(`common:enums.meetingKind.${meeting.kind}`) }) : undefined}
      after={
        meeting ? (
          <Section title={t('visits:findings.title')}>
            <FindingsList findings={findings.data ?? []} context={{ origin: { source: 'meeting', meetingId: meeting.id }, unitId: meeting.unitId }} />
          </Section>
        ) : undefined
      }
    >
      <Section title={t('details')}>
        <div className="form form--grid">
          <DateInput form={form} name="heldOn" label={t('fields.heldOn')} required />
          <SelectInput
            form={form}
            name="kind"
            label={t('fields.kind')}
            required
            options={MEETING_KINDS.map((k) => ({ value: k, label: t(`common:enums.meetingKind.${k}`) }))}
          />
          <SelectInput form={form} name="unitId" label={t('fields.unitId')} empty={t('none')} options={unitChoices(units.data ?? [])} />
          <TextInput form={form} name="title" label={t('fields.title')} required wide />
          <TextArea form={form} name="attendees" label={t('fields.attendees')} rows={2} />
          <TextArea form={form} name="notes" label={t('fields.notes')} rows={8} hint={t('notesHint')} />
        </div>
      </Section>
    </FormPage>
  );
}
