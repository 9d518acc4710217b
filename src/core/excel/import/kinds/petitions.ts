import type { z } from 'zod';
import type { IsoDate } from '../../../../shared/dates';
import { type PetitionCase, type PetitionCompletion, petitionInput, type PetitionTruth, type PollutionKind } from '../../../petitions/model';
import { createValidatedPetition, loadPetition, updateValidatedPetition } from '../../../petitions/service';
import { PETITION_SEARCH, SEARCHED_FIELDS } from '../../../petitions/search';
import type { Reader } from '../../../storage/database';
import { type AccountabilityFigures, readAccountability } from '../../values/accountability';
import { readPollutionKinds } from '../../values/kinds';
import { readTruth } from '../../values/truth';
import { COMPLETION_WORDS, POLLUTION_KIND_WORDS } from '../../values/words';
import type { FieldSpec } from '../fields';
import { checkRules, type ImportKindSpec, type PlanContext, plannedRow, type RowPlan, type RowWrite, SeenKeys, shortLabel, unitIssues } from '../kind';
import type { Issue } from '../model';
import type { ParsedRow } from '../rows';
import { shownDate, shownEnum, shownEnums, shownList, shownNumber, shownText } from '../shown';
import { petitionKeying, rowKey, type RowKey } from './petition-keys';

/**
 * 信访件 handed over by the inspectors: matched on the receipt number (受理编号), compared without
 * spaces. The accountability columns often sit under one merged group (责任追究情况 → 问责人数,
 * 立案处罚（家）); fines in 万元 are turned into yuan.
 */
export const PETITION_FIELDS: readonly FieldSpec[] = [
  { key: 'ordinal', words: ['序号', '顺序号'], read: { as: 'count' }, ordinal: true },
  { key: 'receiptNumber', words: ['受理编号', '信访件编号', '交办编号', '信访编号', '举报编号', '件号', '编号'], read: { as: 'text' }, required: true },
  { key: 'batch', words: ['交办批次', '批次', '批号', '交办批号'], read: { as: 'count' } },
  { key: 'handedOverOn', words: ['交办时间', '交办日期', '转办时间', '转办日期'], read: { as: 'date' } },
  { key: 'subject', words: ['被举报对象', '举报对象', '被投诉对象', '反映对象', '被反映对象'], read: { as: 'text' } },
  {
    key: 'problem',
    words: ['反映问题', '交办问题基本情况', '交办问题', '举报问题', '基本情况', '举报内容', '信访内容', '反映内容', '反映的主要问题', '主要问题', '问题'],
    read: { as: 'text' },
    required: true,
  },
  { key: 'region', words: ['行政区域', '所属区域', '行政区划', '所在地', '地区', '区域', '县市区', '所属县市区'], read: { as: 'text' } },
  {
    key: 'pollutionKinds',
    words: ['污染类型', '污染种类', '污染类别', '举报类型', '类型'],
    read: { as: 'choices', words: POLLUTION_KIND_WORDS, enumName: 'pollutionKind', read: readPollutionKinds },
  },
  { key: 'unit', words: ['责任单位', '承办单位', '办理单位', '责任部门', '交办单位'], read: { as: 'unit' } },
  { key: 'investigation', words: ['调查核实情况', '调查核实', '核查情况', '调查情况', '调查处理情况', '核实情况'], read: { as: 'text' } },
  { key: 'truth', words: ['是否属实', '属实情况', '核实结果', '是否属实情况'], read: { as: 'finding', read: readTruth } },
  { key: 'handling', words: ['处理和整改情况', '处理整改情况', '处理情况', '整改情况', '办理情况'], read: { as: 'text' } },
  { key: 'accountability', words: ['问责情况', '责任人被处理情况', '责任人处理情况', '追责问责情况', '问责处理情况'], read: { as: 'text' } },
  { key: 'personsHeldAccountable', words: ['问责人数', '责任追究情况/问责人数', '追责问责人数', '问责（人）', '问责'], read: { as: 'count' } },
  { key: 'entitiesPenalized', words: ['立案处罚（家）', '立案处罚', '处罚企业（家）', '立案处罚企业'], read: { as: 'count' } },
  { key: 'finesYuan', words: ['罚款金额', '罚款（元）', '罚款（万元）', '罚款'], read: { as: 'amount' } },
  { key: 'personsDetained', words: ['拘留人数', '拘留（人）', '行政拘留', '刑事拘留', '拘留'], read: { as: 'count' } },
  {
    key: 'completion',
    words: ['办结情况', '办理结果', '是否办结', '办结状态', '办理状态'],
    read: { as: 'choice', words: COMPLETION_WORDS, enumName: 'completion' },
  },
  { key: 'completedOn', words: ['办结时间', '办结日期'], read: { as: 'date' } },
  { key: 'notes', words: ['备注', '说明'], read: { as: 'text' } },
];

const shownCase = (c: ShownValues, units: PlanContext['units']) => ({
  batch: shownNumber(c.batch),
  handedOverOn: shownDate(c.handedOverOn),
  subject: shownText(c.subject),
  problem: shownText(c.problem),
  region: shownText(c.region),
  pollutionKinds: shownEnums('pollutionKind', c.pollutionKinds),
  unit: shownText(c.unitId === null ? '' : units.nameOf(c.unitId)),
  investigation: shownText(c.investigation),
  truth: shownEnum('truth', c.truth),
  handling: shownText(c.handling),
  accountability: shownText(c.accountability),
  personsHeldAccountable: shownNumber(c.personsHeldAccountable),
  entitiesPenalized: shownNumber(c.entitiesPenalized),
  finesYuan: shownNumber(c.finesYuan),
  personsDetained: shownNumber(c.personsDetained),
  completion: shownEnum('completion', c.completion),
  completedOn: shownDate(c.completedOn),
  notes: shownText(c.notes),
  extraColumns: shownList((c.extraColumns ?? []).map((extra) => `${extra.header}：${extra.text}`)),
});

type PetitionInputValues = Omit<PetitionCase, 'id' | 'createdAt' | 'updatedAt'>;
type PetitionValues = z.output<typeof petitionInput>;
/** A case as the preview shows it: read from the row, as it will be written, or as the ledger has it. */
type ShownValues = Omit<PetitionInputValues, 'receiptNumber' | 'inspectionId' | 'extraColumns'> & {
  readonly extraColumns?: PetitionInputValues['extraColumns'];
};

/** The ledger's cases of these receipt numbers, found by their index: a province's ledger holds 200,000 others. */
function existingCases(db: Reader, receipts: readonly string[]): Map<string, number> {
  const rows = db.all<{ id: number; receipt_number: string }>(
    'SELECT id, receipt_number FROM petition_cases WHERE receipt_number IN (SELECT value FROM json_each($receipts))',
    { $receipts: JSON.stringify(receipts) },
  );
  return new Map(rows.map((row) => [row.receipt_number, row.id]));
}

/** The counts: from their own columns, else as the accountability text states them. */
function accountabilityCounts(value: <T>(field: string) => T | undefined, current: PetitionCase | undefined) {
  const text = value<string>('accountability');
  const stated = text === undefined ? undefined : readAccountability(text);
  const count = (field: keyof PetitionCase & string, figure: keyof AccountabilityFigures): number =>
    value<number>(field) ?? stated?.[figure] ?? (current?.[field] as number | undefined) ?? 0;
  return {
    accountability: text ?? current?.accountability ?? '',
    personsHeldAccountable: count('personsHeldAccountable', 'persons'),
    entitiesPenalized: count('entitiesPenalized', 'entities'),
    finesYuan: count('finesYuan', 'finesYuan'),
    personsDetained: count('personsDetained', 'detained'),
  };
}

/** The case a row describes: its cells, else what the ledger's case (if any) already says. */
function caseInput(parsed: ParsedRow, ctx: PlanContext, keyed: RowKey, current: PetitionCase | undefined): PetitionInputValues {
  const v = parsed.values;
  const value = <T>(field: string): T | undefined => v.get(field) as T | undefined;
  const unitName = value<string>('unit');
  return {
    receiptNumber: keyed.key,
    batch: keyed.batch ?? value<number>('batch') ?? current?.batch ?? null,
    handedOverOn: value<IsoDate>('handedOverOn') ?? current?.handedOverOn ?? null,
    subject: value<string>('subject') ?? current?.subject ?? '',
    problem: value<string>('problem') ?? current?.problem ?? '',
    region: value<string>('region') ?? current?.region ?? '',
    pollutionKinds: value<PollutionKind[]>('pollutionKinds') ?? current?.pollutionKinds ?? ['other'],
    unitId: (unitName ? ctx.units.idOf(unitName) : null) ?? current?.unitId ?? null,
    investigation: value<string>('investigation') ?? current?.investigation ?? '',
    truth: value<PetitionTruth>('truth') ?? current?.truth ?? null,
    handling: value<string>('handling') ?? current?.handling ?? '',
    ...accountabilityCounts(value, current),
    completion: value<PetitionCompletion>('completion') ?? current?.completion ?? 'pending',
    completedOn: value<IsoDate>('completedOn') ?? current?.completedOn ?? null,
    notes: value<string>('notes') ?? current?.notes ?? '',
    extraColumns: parsed.extras.length > 0 ? parsed.extras : (current?.extraColumns ?? []),
    // The round chosen for the workbook (督察来源), which the archive step moves its cases with; none chosen keeps a case's own.
    inspectionId: ctx.options.inspectionId ?? current?.inspectionId ?? null,
  };
}

/** The case a planned row writes: created, or `currentId` updated, its unit's placeholder made real. */
const writeCase =
  (values: PetitionValues, currentId: number | undefined): RowWrite =>
  (lctx, real) => {
    const unitId = values.unitId === null ? { ok: true as const, value: null } : real(values.unitId);
    if (!unitId.ok) return unitId;
    // Copied only where the unit is one the import creates: its placeholder id becomes the real one.
    const written = unitId.value === values.unitId ? values : { ...values, unitId: unitId.value };
    return currentId === undefined ? createValidatedPetition(lctx, written) : updateValidatedPetition(lctx, currentId, written);
  };

const shownOf = (values: ShownValues, units: PlanContext['units']) => () => shownCase(values, units);

/**
 * A row's plan. Its closures are kept until the import is applied, 50,000 of them for a large one:
 * they hold the values the case is written with and nothing else (made apart, in `writeCase` and
 * `shownOf`, they keep none of this function's variables); the preview shows those values too.
 */
function planCase(parsed: ParsedRow, keyed: RowKey, ctx: PlanContext, existing: Map<string, number>, seen: SeenKeys): RowPlan {
  const issues: Issue[] = [...parsed.issues];
  if (keyed.issue) issues.push(keyed.issue);
  const receipt = keyed.key;
  const duplicate = receipt ? seen.check(receipt, parsed.row, 'receiptNumber') : null;
  if (duplicate) issues.push(duplicate);
  const currentId = existing.get(receipt);
  const current = currentId === undefined ? undefined : loadPetition(ctx.db, currentId);
  const unitName = parsed.values.get('unit') as string | undefined;
  if (unitName) issues.push(...unitIssues('unit', [unitName], ctx.units));
  const input = caseInput(parsed, ctx, keyed, current);
  const valid = checkRules(petitionInput, input, issues, (field) => (field === 'unitId' ? 'unit' : field));
  issues.push(...valid.issues);
  const checked = valid.value;
  return plannedRow({
    key: receipt,
    label: shortLabel(input.subject || input.problem),
    issues,
    keyField: 'receiptNumber',
    after: shownOf(checked ?? input, ctx.units),
    ...(current ? { before: shownOf(current, ctx.units) } : {}),
    uses: input.unitId === null ? [] : [input.unitId],
    write: checked && writeCase(checked, current?.id),
    ...(current && checked && SEARCHED_FIELDS.some((field) => checked[field] !== current[field]) ? { reindexes: current.id } : {}),
  });
}

export const PETITIONS: ImportKindSpec = {
  kind: 'petitions',
  fields: PETITION_FIELDS,
  keepsExtraColumns: true,
  bulkTable: 'petition_cases',
  searchIndex: PETITION_SEARCH,
  keying: (sheet, header, fields, options) => petitionKeying(sheet, header, fields, options.batch),
  plan(rows, ctx) {
    const keys = rows.map((parsed) => rowKey(parsed, ctx.keying));
    const receipts = keys.map((keyed) => keyed.key);
    const existing = existingCases(ctx.db, receipts);
    const seen = new SeenKeys();
    return rows.map((parsed, i) => planCase(parsed, keys[i]!, ctx, existing, seen));
  },
};
