import { ok, type Result } from '../../../../shared/result';
import type { LedgerContext } from '../../../context';
import { measureService } from '../../../measures/service';
import type { Reader } from '../../../storage/database';
import { type Deadline, type Task, type TaskInput, taskInput, type TaskStatus } from '../../../tasks/model';
import { loadTask, taskService } from '../../../tasks/service';
import { TASK_STATUS_WORDS } from '../../values/words';
import type { FieldSpec } from '../fields';
import { checkRules, type ImportKindSpec, type PlanContext, plannedRow, type RowPlan, SeenKeys, shortLabel, unitIssues } from '../kind';
import type { Issue } from '../model';
import { type Placeholders, realIds } from '../placeholders';
import type { ParsedRow } from '../rows';
import { shownDeadline, shownEnum, shownList, shownText } from '../shown';
import type { UnitNames } from '../unit-names';
import { type FoundTask, type TaskFinder, taskFinder } from './task-matching';

/**
 * 整改任务 from a feedback list: matched to the ledger's tasks by number within the chosen
 * inspection. Measures are split into items (one a line or separated by ；) and shared by content
 * with the inspection's measures; units are named, never typed into a reference. A cell left blank
 * keeps what the ledger holds.
 */
export const TASK_FIELDS: readonly FieldSpec[] = [
  { key: 'number', words: ['序号', '任务编号', '编号', '问题编号', '整改任务编号', '问题序号'], read: { as: 'text' }, required: true, ordinal: true },
  {
    key: 'problem',
    words: ['督察反馈问题', '反馈问题', '存在问题', '问题', '整改问题', '问题描述', '主要问题', '反馈意见', '督察发现问题', '整改任务', '问题清单'],
    read: { as: 'text' },
    required: true,
  },
  { key: 'goal', words: ['整改目标', '目标', '整改要求', '工作目标'], read: { as: 'text' } },
  { key: 'measures', words: ['整改措施', '措施', '具体措施', '主要措施', '整改举措'], read: { as: 'list' } },
  { key: 'leadUnits', words: ['责任单位', '牵头单位', '承办单位', '责任部门', '牵头部门', '主责单位'], read: { as: 'units' }, required: true },
  { key: 'cooperatingUnits', words: ['配合单位', '协办单位', '配合部门', '协同单位'], read: { as: 'units' } },
  { key: 'responsibleLeader', words: ['责任领导', '分管领导', '牵头领导', '责任人'], read: { as: 'text' } },
  { key: 'deadline', words: ['整改时限', '完成时限', '整改期限', '时限', '完成时间', '整改时间', '时限要求'], read: { as: 'deadline' }, required: true },
  {
    key: 'status',
    words: ['整改进展', '整改状态', '进展情况', '状态', '整改情况', '完成情况'],
    read: { as: 'choice', words: TASK_STATUS_WORDS, enumName: 'taskStatus' },
  },
  { key: 'notes', words: ['备注', '说明'], read: { as: 'text' } },
];

/** The ids a task's row refers to that may stand for records the import creates on the way. */
const REFERENCES = ['leadUnitIds', 'cooperatingUnitIds', 'leadGroupIds', 'cooperatingGroupIds', 'measureIds'] as const;

const RULE_FIELDS: Record<string, string> = {
  leadUnitIds: 'leadUnits',
  cooperatingUnitIds: 'cooperatingUnits',
  leadGroupIds: 'leadUnits',
  cooperatingGroupIds: 'cooperatingUnits',
  measureIds: 'measures',
};

const contentKey = (text: string): string => text.normalize('NFKC').replace(/[\s。；;，,]/g, '');

/**
 * The inspection's measures by content, with those without a source that serve tasks the import takes
 * into it (they come along); a new one is a placeholder, created when first used.
 */
function measureIndex(db: Reader, inspectionId: number | null, adopted: readonly number[], placeholders: Placeholders) {
  const byContent = new Map<string, number>();
  const contents = new Map<number, string>();
  const sql = `SELECT id, content FROM measures WHERE ifnull(inspection_id, 0) = ifnull(?, 0)
    OR inspection_id IS NULL AND id IN (SELECT measure_id FROM task_measures WHERE task_id IN (SELECT value FROM json_each(?))) ORDER BY id`;
  for (const row of db.all<{ id: number; content: string }>(sql, [inspectionId, JSON.stringify(adopted)])) {
    if (!byContent.has(contentKey(row.content))) byContent.set(contentKey(row.content), row.id);
    contents.set(row.id, row.content);
  }
  return {
    idOf(content: string): number {
      const known = byContent.get(contentKey(content));
      if (known !== undefined) return known;
      const id = placeholders.add((ctx) => {
        const measure = measureService(ctx).create({ inspectionId, content });
        return measure.ok ? ok(measure.value.id) : measure;
      });
      byContent.set(contentKey(content), id);
      contents.set(id, content);
      return id;
    },
    contentsOf: (ids: readonly number[]): string[] =>
      ids.map((id) => contents.get(id) ?? db.get<{ content: string }>('SELECT content FROM measures WHERE id = ?', [id])?.content ?? ''),
  };
}

/** A status read from the file, within the rule that only an approved close-out closes a task. */
function statusOf(read: TaskStatus | undefined, current: Task | undefined, issues: Issue[]): TaskStatus {
  if (current?.status === 'closed') {
    if (read && read !== 'closed' && read !== 'completed') issues.push({ severity: 'warning', code: 'status_kept_closed', field: 'status' });
    return 'closed';
  }
  if (read === 'closed') {
    issues.push({ severity: 'warning', code: 'closed_needs_close_out', field: 'status' });
    return 'completed';
  }
  return read ?? current?.status ?? 'pending';
}

type TaskValues = Pick<
  Task,
  'inspectionId' | 'problem' | 'goal' | 'responsibleLeader' | 'status' | 'notes' | 'leadUnitIds' | 'cooperatingUnitIds' | 'leadGroupIds' | 'cooperatingGroupIds'
> & {
  deadline: Deadline | undefined;
};

const shownTask = (task: TaskValues, measures: readonly string[], units: UnitNames, finder: TaskFinder) => ({
  inspection: shownText(finder.sourceName(task.inspectionId)),
  problem: shownText(task.problem),
  goal: shownText(task.goal),
  measures: shownList(measures),
  leadUnits: shownList([...task.leadUnitIds.map(units.nameOf), ...task.leadGroupIds.map(units.groupNameOf)]),
  cooperatingUnits: shownList([...task.cooperatingUnitIds.map(units.nameOf), ...task.cooperatingGroupIds.map(units.groupNameOf)]),
  responsibleLeader: shownText(task.responsibleLeader),
  deadline: shownDeadline(task.deadline),
  status: shownEnum('taskStatus', task.status),
  notes: shownText(task.notes),
});

interface TaskPlanning {
  readonly ctx: PlanContext;
  readonly finder: TaskFinder;
  readonly measures: ReturnType<typeof measureIndex>;
  readonly seen: SeenKeys;
}

const numberOf = (parsed: ParsedRow): string => (parsed.values.get('number') as string | undefined) ?? '';
const problemOf = (parsed: ParsedRow): string => (parsed.values.get('problem') as string | undefined) ?? '';

/** The row as a match found, or as a new task, with a warning when it looks like one of another source. */
function matchOf(parsed: ParsedRow, found: FoundTask | null, { ctx, finder }: TaskPlanning, issues: Issue[]): Pick<RowPlan, 'matched'> {
  const inspectionId = ctx.options.inspectionId ?? null;
  if (found?.adopted) return { matched: { how: 'adopted', inspectionId: inspectionId!, source: finder.sourceName(inspectionId) } };
  const alike = found ? null : finder.lookalike(numberOf(parsed), problemOf(parsed));
  if (!alike) return {};
  issues.push({ severity: 'warning', code: 'looks_like_existing', params: { number: numberOf(parsed), source: alike.source } });
  return { matched: { how: 'lookalike', ...alike } };
}

function planTask(parsed: ParsedRow, found: FoundTask | null, planning: TaskPlanning): RowPlan {
  const { ctx, finder, measures, seen } = planning;
  const v = parsed.values;
  const text = (field: string): string | undefined => v.get(field) as string | undefined;
  const issues: Issue[] = [...parsed.issues];
  const number = text('number') ?? '';
  const duplicate = number ? seen.check(number, parsed.row, 'number') : null;
  if (duplicate) issues.push(duplicate);
  const current = found ? loadTask(ctx.db, found.id) : undefined;
  const matched = matchOf(parsed, found, planning, issues);
  const leadNames = v.get('leadUnits') as string[] | undefined;
  const cooperatingNames = v.get('cooperatingUnits') as string[] | undefined;
  issues.push(...unitIssues('leadUnits', leadNames ?? [], ctx.units), ...unitIssues('cooperatingUnits', cooperatingNames ?? [], ctx.units));
  // A collective name gives the task to a group; the names of a cell replace the task's units and groups.
  const idsOf = (names: string[] | undefined, kept: readonly number[] = [], group: boolean): number[] =>
    names
      ? names
          .filter((n) => ctx.units.isGroup(n) === group)
          .map((n) => (group ? ctx.units.groupOf(n) : ctx.units.idOf(n)))
          .filter((id): id is number => id !== null)
      : [...kept];
  const measureTexts = v.get('measures') as string[] | undefined;
  const input = {
    inspectionId: ctx.options.inspectionId ?? null,
    parentId: current?.parentId ?? null,
    number,
    problem: text('problem') ?? current?.problem ?? '',
    goal: text('goal') ?? current?.goal ?? '',
    responsibleLeader: text('responsibleLeader') ?? current?.responsibleLeader ?? '',
    deadline: (v.get('deadline') as Deadline | undefined) ?? current?.deadline,
    status: statusOf(v.get('status') as TaskStatus | undefined, current, issues),
    notes: text('notes') ?? current?.notes ?? '',
    leadUnitIds: idsOf(leadNames, current?.leadUnitIds, false),
    cooperatingUnitIds: idsOf(cooperatingNames, current?.cooperatingUnitIds, false),
    leadGroupIds: idsOf(leadNames, current?.leadGroupIds, true),
    cooperatingGroupIds: idsOf(cooperatingNames, current?.cooperatingGroupIds, true),
    measureIds: measureTexts ? measureTexts.map((t) => measures.idOf(t)) : [...(current?.measureIds ?? [])],
  };
  const valid = checkRules(taskInput, input, issues, (field) => RULE_FIELDS[field] ?? field);
  issues.push(...valid.issues);
  const value = valid.value;
  const save = (lctx: LedgerContext, values: TaskInput): Result<unknown> => {
    if (!current) return taskService(lctx).create(values);
    // A task taken into the source moves there first, with its measures, as assigning it would.
    const moved = found?.adopted ? taskService(lctx).assignSource({ taskIds: [current.id], inspectionId: values.inspectionId! }) : ok(undefined);
    return moved.ok ? taskService(lctx).update(current.id, values) : moved;
  };
  const plan = plannedRow({
    key: number,
    label: shortLabel(input.problem),
    issues,
    keyField: 'number',
    after: () => shownTask(input, measures.contentsOf(input.measureIds), ctx.units, finder),
    ...(current ? { before: () => shownTask(current, measures.contentsOf(current.measureIds), ctx.units, finder) } : {}),
    uses: REFERENCES.flatMap((field) => input[field]),
    write:
      value &&
      ((lctx, real) => {
        const written: Partial<Record<(typeof REFERENCES)[number], number[]>> = {};
        for (const field of REFERENCES) {
          const ids = realIds(value[field], real);
          if (!ids.ok) return ids;
          written[field] = ids.value;
        }
        return save(lctx, { ...value, ...written });
      }),
  });
  return { ...plan, ...matched };
}

export const TASKS: ImportKindSpec = {
  kind: 'tasks',
  fields: TASK_FIELDS,
  plan(rows, ctx) {
    const inspectionId = ctx.options.inspectionId ?? null;
    const finder = taskFinder(ctx.db, inspectionId);
    const found = rows.map((parsed) => finder.find(numberOf(parsed), problemOf(parsed)));
    const adopted = found.flatMap((task) => (task?.adopted ? [task.id] : []));
    const planning = { ctx, finder, measures: measureIndex(ctx.db, inspectionId, adopted, ctx.placeholders), seen: new SeenKeys() };
    return rows.map((parsed, i) => planTask(parsed, found[i] ?? null, planning));
  },
};
