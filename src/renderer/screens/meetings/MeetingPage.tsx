import { useTranslation } from 'react-i18next';
import { type Meeting, MEETING_KINDS, type MeetingKind, meetingInput } from '../../../contract/meetings';
import type { IsoDate } from '../../../shared/dates';
import { useContractQuery } from '../../api/useContract';
import { FormPage } from '../../components/FormPage';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs';
import { unitChoices } from '../../components/UnitSelect';
import { LoadedRecord } from '../../components/LoadedRecord';
import { Section } from '../../components/Section';
import { useRecordPage } from '../../components/useRecordPage';
import { useForm } from '../../forms/useForm';
import { today } from '../../hooks/today';
import { useFormat } from '../../hooks/useFormat';
import { useRecordParam } from '../../hooks/useRecordParam';
import { FindingsList } from '../../components/findings/FindingsList';

interface MeetingValues extends Record<string, unknown> {
  heldOn: string | undefined;
  kind: MeetingKind;
  title: string;
  unitId: number | null;
  attendees: string;
  notes: string;
}

const valuesOf = (meeting: Meeting | null): MeetingValues => ({
  heldOn: meeting?.heldOn ?? today(),
  kind: meeting?.kind ?? 'party_group',
  title: meeting?.title ?? '',
  unitId: meeting?.unitId ?? null,
  attendees: meeting?.attendees ?? '',
  notes: meeting?.notes ?? '',
});

const inputOf = (values: MeetingValues) => ({ ...values, heldOn: values.heldOn as IsoDate });

/** /meetings/new and /meetings/:id: a meeting the group attended, what it learned, and the problems found there. */
export function MeetingPage() {
  const id = useRecordParam();
  const record = useContractQuery('meetings', 'get', id === null ? null : [id]);
  return (
    <LoadedRecord id={id} record={record}>
      {(meeting) => <MeetingForm meeting={meeting} />}
    </LoadedRecord>
  );
}

function MeetingForm({ meeting }: { meeting: Meeting | null }) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const form = useForm(meetingInput, valuesOf(meeting), `meeting:${meeting?.id ?? 'new'}`);
  const units = useContractQuery('units', 'list', [{ includeArchived: true }]);
  const findings = useContractQuery('findings', 'list', meeting ? [{ meetingId: meeting.id }] : null);

  const { save, removal } = useRecordPage({
    record: meeting,
    calls: (a) => a.meetings,
    path: '/meetings',
    inputOf,
    valuesOf,
    words: {
      saved: () => t('saved'),
      created: () => t('created'),
      remove: t('remove'),
      removeMessage: t('removeMessage'),
      removed: t('removed'),
    },
  });

  return (
    <FormPage
      list={{ to: '/meetings', label: t('title') }}
      title={meeting ? meeting.title : t('add')}
      subtitle={meeting ? t('held', { date: format.date(meeting.heldOn), kind: t(`common:enums.meetingKind.${meeting.kind}`) }) : undefined}
      form={form}
      save={save}
      removal={removal}
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
          <SelectInput form={form} name="unitId" label={t('fields.unitId')} numeric empty={t('none')} options={unitChoices(units.data ?? [])} />
          <TextInput form={form} name="title" label={t('fields.title')} required wide />
          <TextArea form={form} name="attendees" label={t('fields.attendees')} rows={2} />
          <TextArea form={form} name="notes" label={t('fields.notes')} rows={8} hint={t('notesHint')} />
        </div>
      </Section>
    </FormPage>
  );
}
