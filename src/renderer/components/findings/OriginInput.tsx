import { useTranslation } from 'react-i18next';
import { FINDING_SOURCES, type FindingSource } from '../../../contract/findings';
import { useContractQuery } from '../../api/useContract';
import { FieldFrame } from '../Field';
import type { Form } from '../../forms/useForm';
import { useFormat } from '../../hooks/useFormat';
import type { FindingFormValues } from './findingForm';

/** 问题来源: a report, or one of the ledger's site visits or meetings, chosen from its list. */
export function OriginInput({ form }: { form: Form<FindingFormValues> }) {
  const { t } = useTranslation('visits');
  const format = useFormat();
  const visits = useContractQuery('siteVisits', 'list', []);
  const meetings = useContractQuery('meetings', 'list', []);
  const origin = form.values.origin;
  const choices =
    origin.source === 'visit'
      ? (visits.data ?? []).map((v) => ({ id: v.id, label: t('findings.visitOption', { date: format.date(v.visitedOn), places: v.places }) }))
      : (meetings.data ?? []).map((m) => ({ id: m.id, label: t('findings.meetingOption', { date: format.date(m.heldOn), title: m.title }) }));
  const chosen = origin.source === 'visit' ? origin.siteVisitId : origin.meetingId;
  const choose = (id: number | undefined): void =>
    form.set('origin', origin.source === 'visit' ? { source: 'visit', siteVisitId: id } : { source: 'meeting', meetingId: id });

  return (
    <FieldFrame label={t('fields.origin')} required wide error={form.errorOf('origin')}>
      {(aria) => (
        <div className="origin-input">
          <span className="deadline-input__kinds" role="radiogroup" aria-label={t('fields.origin')}>
            {FINDING_SOURCES.map((source: FindingSource) => (
              <label key={source} className="field--check">
                <input type="radio" name="finding-source" checked={origin.source === source} onChange={() => form.set('origin', { source })} />
                {t(`common:enums.findingSource.${source}`)}
              </label>
            ))}
          </span>
          {origin.source !== 'report' && (
            <select
              {...aria}
              value={chosen ?? ''}
              onChange={(e) => choose(e.target.value ? Number(e.target.value) : undefined)}
              onBlur={() => form.touch('origin')}
            >
              <option value="">{t(origin.source === 'visit' ? 'findings.chooseVisit' : 'findings.chooseMeeting')}</option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
    </FieldFrame>
  );
}
