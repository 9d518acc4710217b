import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeMembers } from '../../../contract/describe-exchange';
import type { ImportPreview, UnitDecision, UnitResolution } from '../../../contract/exchange';
import type { UnitGroup } from '../../../contract/unitGroups';
import { type Unit, UNIT_KINDS, type UnitKind } from '../../../contract/units';
import { Section } from '../../components/Section';
import { UnitTicks } from '../../components/UnitTicks';

/**
 * Collective names in the file (各盟市人民政府（行政公署）, 各县（市、区）): each stands for a unit group,
 * never a unit. The user creates the group — every unit of a kind (the suggested kind first) or units
 * ticked — or says which group of the ledger it is; until then its rows are not imported.
 */
const LIST = 'list';
const kindValue = (kind: UnitKind): string => `kind:${kind}`;
const groupValue = (groupId: number): string => `group:${groupId}`;

/** What each option of the chooser decides, by the option's value: a group by kind, an existing group, or units to tick (LIST). */
function choicesOf(kinds: readonly UnitKind[], groups: readonly UnitGroup[]): Map<string, UnitDecision | typeof LIST> {
  return new Map<string, UnitDecision | typeof LIST>([
    ...kinds.map((kind): [string, UnitDecision] => [kindValue(kind), { action: 'createGroup', members: { by: 'kind', kind } }]),
    [LIST, LIST],
    ...groups.map((group): [string, UnitDecision] => [groupValue(group.id), { action: 'group', groupId: group.id }]),
  ]);
}

function valueOf(decision: UnitDecision | null | undefined): string {
  if (decision?.action === 'group') return groupValue(decision.groupId);
  if (decision?.action !== 'createGroup') return '';
  return decision.members.by === 'kind' ? kindValue(decision.members.kind) : LIST;
}

function GroupDecision({
  resolution,
  units,
  groups,
  disabled,
  onDecide,
}: {
  resolution: UnitResolution;
  units: readonly Unit[];
  groups: readonly UnitGroup[];
  disabled: boolean;
  onDecide: (decision: UnitDecision) => void;
}) {
  const { t } = useTranslation('exchange');
  const decided = valueOf(resolution.decision);
  const [choice, setChoice] = useState(decided);
  const [ticked, setTicked] = useState<number[]>([]);
  const suggested = resolution.suggestedMembers?.by === 'kind' ? resolution.suggestedMembers.kind : null;
  const kinds = suggested ? [suggested, ...UNIT_KINDS.filter((k) => k !== suggested)] : [...UNIT_KINDS];
  const choices = choicesOf(kinds, groups);
  const choose = (value: string): void => {
    setChoice(value);
    const decision = choices.get(value);
    if (decision && decision !== LIST) onDecide(decision);
  };
  const id = `group-${resolution.name}`;
  return (
    <li className="unit-decisions__item">
      <label className="unit-decisions__name" htmlFor={id}>
        {resolution.name}
        <span className="unit-decisions__rows">{t('unitNames.rows', { count: resolution.rows })}</span>
      </label>
      <select id={id} value={choice} disabled={disabled} onChange={(e) => choose(e.target.value)}>
        <option value="" disabled>
          {t('unitNames.choose')}
        </option>
        <optgroup label={t('groupNames.create', { name: resolution.name })}>
          {kinds.map((kind) => (
            <option key={kind} value={kindValue(kind)}>
              {t(kind === suggested ? 'groupNames.membersSuggested' : 'groupNames.members', { members: describeMembers(t, { by: 'kind', kind }) })}
            </option>
          ))}
          <option value={LIST}>{t('groupNames.membersListed')}</option>
        </optgroup>
        {groups.length > 0 && (
          <optgroup label={t('groupNames.existing')}>
            {groups.map((g) => (
              <option key={g.id} value={groupValue(g.id)}>
                {g.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {choice === LIST && decided !== LIST && (
        <fieldset className="unit-decisions__members">
          <legend>{t('groupNames.tick', { name: resolution.name })}</legend>
          <UnitTicks units={units} ticked={ticked} onChange={setTicked} />
          <button
            type="button"
            className="button"
            disabled={disabled || ticked.length === 0}
            onClick={() => onDecide({ action: 'createGroup', members: { by: 'list', unitIds: ticked } })}
          >
            {t('groupNames.createListed', { count: ticked.length })}
          </button>
        </fieldset>
      )}
    </li>
  );
}

export function GroupDecisions({
  preview,
  units,
  groups,
  disabled,
  onDecide,
}: {
  preview: ImportPreview;
  units: readonly Unit[];
  groups: readonly UnitGroup[];
  disabled: boolean;
  onDecide: (name: string, decision: UnitDecision) => void;
}) {
  const { t } = useTranslation('exchange');
  const collective = preview.units.filter((u) => u.collective && u.group === null);
  if (collective.length === 0) return null;
  const offered = units.filter((u) => !u.archived);
  return (
    <Section title={t('groupNames.title')}>
      <p className="section__intro">{t('groupNames.intro')}</p>
      <ul className="unit-decisions">
        {collective.map((resolution) => (
          <GroupDecision
            key={resolution.name}
            resolution={resolution}
            units={offered}
            groups={groups}
            disabled={disabled}
            onDecide={(decision) => onDecide(resolution.name, decision)}
          />
        ))}
      </ul>
      {preview.newGroups.length > 0 && (
        <p className="section__intro">
          {t('groupNames.willCreate', {
            groups: preview.newGroups
              .map((g) => t('groupNames.newGroup', { name: g.name, members: describeMembers(t, g.members) }))
              .join(t('common:listSeparator')),
          })}
        </p>
      )}
    </Section>
  );
}
