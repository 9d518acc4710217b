import { type Unit, type UnitContact, unitInput, type UnitKind } from '../../../units/model';
import { listUnits, loadUnit, unitService } from '../../../units/service';
import { UnitDirectory, unitKey, unitName } from '../../values/units';
import { guessUnitKind, UNIT_KIND_WORDS } from '../../values/words';
import type { FieldSpec } from '../fields';
import { checkRules, type ImportKindSpec, type PlanContext, plannedRow, type RowPlan, SeenKeys } from '../kind';
import type { Issue } from '../model';
import type { ParsedRow } from '../rows';
import { shownEnum, shownList, shownText } from '../shown';

/**
 * 单位名录: units matched by full or short name. A contact in the file is added to the unit's
 * contacts, or updates the contact of the same name; the unit's other contacts stay.
 */
export const UNIT_FIELDS: readonly FieldSpec[] = [
  // Published lists name the unit column after what the units are: 县市(州直部门), 行政区域, 部门.
  {
    key: 'name',
    words: ['单位名称', '单位全称', '名称', '单位', '责任单位', '县市', '县市区', '行政区域', '地区', '部门'],
    read: { as: 'text' },
    required: true,
  },
  { key: 'shortName', words: ['简称', '单位简称'], read: { as: 'text' } },
  { key: 'kind', words: ['单位类别', '单位类型', '类别', '类型', '单位性质'], read: { as: 'choice', words: UNIT_KIND_WORDS, enumName: 'unitKind' } },
  { key: 'contactName', words: ['联系人', '联络员', '联系人姓名'], read: { as: 'text' } },
  { key: 'contactPosition', words: ['职务', '联系人职务'], read: { as: 'text' } },
  { key: 'contactPhone', words: ['联系电话', '电话', '手机', '联系方式', '办公电话'], read: { as: 'text' } },
  { key: 'address', words: ['地址', '通讯地址', '办公地址', '单位地址'], read: { as: 'text' } },
  { key: 'notes', words: ['备注', '说明'], read: { as: 'text' } },
];

const CONTACT_FIELDS: Record<string, string> = { contacts: 'contactName' };

/** The unit's contacts with the file's contact added, or its namesake updated. */
function contactsWith(contacts: readonly UnitContact[], contact: UnitContact | null): UnitContact[] {
  if (!contact) return [...contacts];
  const at = contacts.findIndex((c) => c.name === contact.name);
  if (at < 0) return [...contacts, contact];
  const merged = { name: contact.name, position: contact.position || contacts[at]!.position, phone: contact.phone || contacts[at]!.phone };
  return contacts.map((c, i) => (i === at ? merged : c));
}

const shownContacts = (contacts: readonly UnitContact[]) => shownList(contacts.map((c) => [c.name, c.position, c.phone].filter(Boolean).join(' ')));

const shownUnit = (unit: { shortName: string; kind: UnitKind; address: string; notes: string; contacts: readonly UnitContact[] }) => ({
  shortName: shownText(unit.shortName),
  kind: shownEnum('unitKind', unit.kind),
  contacts: shownContacts(unit.contacts),
  address: shownText(unit.address),
  notes: shownText(unit.notes),
});

function planUnit(parsed: ParsedRow, ctx: PlanContext, directory: UnitDirectory, seen: SeenKeys): RowPlan {
  const v = parsed.values;
  const text = (field: string): string | undefined => v.get(field) as string | undefined;
  const issues: Issue[] = [...parsed.issues];
  const name = unitName(text('name') ?? '');
  const duplicate = name ? seen.check(unitKey(name), parsed.row, 'name') : null;
  if (duplicate) issues.push(duplicate);
  const match = name ? directory.find(name) : null;
  const current: Unit | undefined = match ? loadUnit(ctx.db, match.unitId) : undefined;
  let kind = (v.get('kind') as UnitKind | undefined) ?? current?.kind;
  if (!kind && name) {
    kind = guessUnitKind(name);
    issues.push({ severity: 'warning', code: 'unit_kind_guessed', field: 'kind', params: { kind } });
  }
  const contactName = text('contactName');
  const contact = contactName ? { name: contactName, position: text('contactPosition') ?? '', phone: text('contactPhone') ?? '' } : null;
  const input = {
    name: current?.name ?? name,
    shortName: text('shortName') ?? current?.shortName ?? '',
    kind,
    address: text('address') ?? current?.address ?? '',
    notes: text('notes') ?? current?.notes ?? '',
    sortOrder: current?.sortOrder ?? 0,
    archived: current?.archived ?? false,
    contacts: contactsWith(current?.contacts ?? [], contact),
  };
  const valid = checkRules(unitInput, input, issues, (field) => CONTACT_FIELDS[field] ?? field);
  issues.push(...valid.issues);
  const value = valid.value;
  return plannedRow({
    key: name,
    label: input.shortName,
    issues,
    keyField: 'name',
    after: () => shownUnit({ ...input, kind: input.kind ?? 'supervised' }),
    ...(current ? { before: () => shownUnit(current) } : {}),
    write: value && ((lctx) => (current ? unitService(lctx).update(current.id, value) : unitService(lctx).create(value))),
  });
}

export const UNITS: ImportKindSpec = {
  kind: 'units',
  fields: UNIT_FIELDS,
  // A tally table (县市 | 交办件数 | 办结数) names no other field of a unit.
  headerByRequired: true,
  plan(rows, ctx) {
    const directory = new UnitDirectory(listUnits(ctx.db, { includeArchived: true }));
    const seen = new SeenKeys();
    return rows.map((parsed) => planUnit(parsed, ctx, directory, seen));
  },
};
