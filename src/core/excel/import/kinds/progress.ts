import type { IsoDate, Period } from '../../../../shared/dates';
import { type ProgressReport, progressInput, type ProgressState } from '../../../progress/model';
import { loadProgressReport, progressService, reportIdOf } from '../../../progress/service';
import type { Reader } from '../../../storage/database';
import { PROGRESS_STATE_WORDS } from '../../values/words';
import type { FieldSpec } from '../fields';
import { checkRules, type ImportKindSpec, type PlanContext, plannedRow, type RowPlan, SeenKeys, shortLabel, unitIssues } from '../kind';
import type { Issue } from '../model';
import type { ParsedRow } from '../rows';
import { shownDate, shownEnum, shownPeriod, shownText } from '../shown';

/**
 * 整改进展 (monthly reports) gathered in one sheet: each row a task (by its number), a unit (or the
 * task's only lead unit) and a month (a column, or the month chosen for the whole sheet). A second
 * report for the same task, unit and month replaces the first, as submitting does.
 */
export const PROGRESS_FIELDS: readonly FieldSpec[] = [
  { key: 'taskNumber', words: ['任务编号', '任务序号', '整改任务编号', '问题编号', '编号', '序号'], read: { as: 'text' }, required: true, ordinal: true },
  { key: 'unit', words: ['责任单位', '填报单位', '报送单位', '牵头单位', '单位'], read: { as: 'unit' } },
  { key: 'period', words: ['月份', '报送月份', '填报月份', '所属月份', '调度月份'], read: { as: 'period' } },
  {
    key: 'state',
    words: ['进展状态', '推进状态', '整改状态', '状态', '完成情况', '是否序时推进'],
    read: { as: 'choice', words: PROGRESS_STATE_WORDS, enumName: 'progressState' },
    required: true,
  },
  { key: 'progress', words: ['本月进展', '本月整改进展', '整改进展', '进展情况', '工作进展', '推进情况', '整改落实情况'], read: { as: 'text' } },
  { key: 'problems', words: ['存在问题', '存在的问题', '困难问题', '存在困难'], read: { as: 'text' } },
  { key: 'nextSteps', words: ['下一步计划', '下步计划', '下一步工作', '下一步措施', '下一步工作计划'], read: { as: 'text' } },
  { key: 'evidenceNote', words: ['佐证材料', '佐证材料说明', '佐证材料描述', '佐证材料清单'], read: { as: 'text' } },
  { key: 'reporter', words: ['填报人', '报送人', '联系人'], read: { as: 'text' } },
  { key: 'reporterPhone', words: ['联系电话', '电话', '手机'], read: { as: 'text' } },
  { key: 'reportedOn', words: ['填报日期', '报送日期', '填报时间', '报送时间'], read: { as: 'date' } },
];

interface TaskRef {
  readonly id: number;
  readonly units: readonly { unitId: number; role: string }[];
}

function tasksByNumber(db: Reader, inspectionId: number | null | undefined): Map<string, TaskRef[]> {
  const rows = db.all<{ id: number; number: string; unit_id: number | null; role: string | null }>(
    `SELECT t.id, t.number, tu.unit_id, tu.role FROM tasks t LEFT JOIN task_units tu ON tu.task_id = t.id
     ${inspectionId === undefined ? '' : 'WHERE ifnull(t.inspection_id, 0) = ifnull($inspectionId, 0)'} ORDER BY t.id, tu.rowid`,
    inspectionId === undefined ? {} : { inspectionId },
  );
  const byId = new Map<number, { number: string; units: { unitId: number; role: string }[] }>();
  for (const row of rows) {
    const task = byId.get(row.id) ?? { number: row.number, units: [] };
    if (row.unit_id !== null) task.units.push({ unitId: row.unit_id, role: row.role! });
    byId.set(row.id, task);
  }
  const byNumber = new Map<string, TaskRef[]>();
  for (const [id, task] of byId) byNumber.set(task.number, [...(byNumber.get(task.number) ?? []), { id, units: task.units }]);
  return byNumber;
}

export const shownReport = (
  r: Pick<ProgressReport, 'state' | 'progress' | 'problems' | 'nextSteps' | 'evidenceNote' | 'reporter' | 'reporterPhone' | 'reportedOn'>,
) => ({
  state: shownEnum('progressState', r.state),
  progress: shownText(r.progress),
  problems: shownText(r.problems),
  nextSteps: shownText(r.nextSteps),
  evidenceNote: shownText(r.evidenceNote),
  reporter: shownText(r.reporter),
  reporterPhone: shownText(r.reporterPhone),
  reportedOn: shownDate(r.reportedOn),
});

/** The unit a row reports for: the one it names, else the task's only lead unit. */
function unitOf(parsed: ParsedRow, task: TaskRef | undefined, ctx: PlanContext, issues: Issue[]): number | null {
  const named = parsed.values.get('unit') as string | undefined;
  if (named) {
    issues.push(...unitIssues('unit', [named], ctx.units));
    const id = ctx.units.idOf(named);
    if (id !== null && task && !task.units.some((u) => u.unitId === id))
      issues.push({ severity: 'error', code: 'not_responsible_unit', field: 'unit', params: { name: named } });
    return id;
  }
  const leads = task?.units.filter((u) => u.role === 'lead') ?? [];
  if (task && leads.length !== 1) issues.push({ severity: 'error', code: 'unit_needed', field: 'unit' });
  return leads.length === 1 ? leads[0]!.unitId : null;
}

function planReport(parsed: ParsedRow, ctx: PlanContext, tasks: Map<string, TaskRef[]>, seen: SeenKeys): RowPlan {
  const v = parsed.values;
  const text = (field: string): string | undefined => v.get(field) as string | undefined;
  const issues: Issue[] = [...parsed.issues];
  const number = text('taskNumber') ?? '';
  const candidates = number ? (tasks.get(number) ?? []) : [];
  if (number && candidates.length === 0) issues.push({ severity: 'error', code: 'unknown_task', field: 'taskNumber', params: { number } });
  if (candidates.length > 1) issues.push({ severity: 'error', code: 'ambiguous_task', field: 'taskNumber', params: { number, count: candidates.length } });
  const task = candidates.length === 1 ? candidates[0] : undefined;
  const unitId = unitOf(parsed, task, ctx, issues);
  const period = (v.get('period') as Period | undefined) ?? ctx.options.period;
  // A month cell that could not be read has said so already.
  if (!period && !issues.some((issue) => issue.field === 'period')) issues.push({ severity: 'error', code: 'required', field: 'period' });
  const key = `${number}/${unitId === null ? '' : ctx.units.nameOf(unitId)}/${period ?? ''}`;
  const duplicate = task && unitId !== null && period ? seen.check(`${task.id}/${unitId}/${period}`, parsed.row, 'taskNumber') : null;
  if (duplicate) issues.push(duplicate);
  const reportId = task && unitId !== null && period ? reportIdOf(ctx.db, task.id, unitId, period) : undefined;
  const existing = reportId === undefined ? undefined : loadProgressReport(ctx.db, reportId);
  const input = {
    taskId: task?.id ?? 0,
    unitId: unitId ?? 0,
    period: period ?? '',
    state: (v.get('state') as ProgressState | undefined) ?? existing?.state,
    progress: text('progress') ?? existing?.progress ?? '',
    problems: text('problems') ?? existing?.problems ?? '',
    nextSteps: text('nextSteps') ?? existing?.nextSteps ?? '',
    evidenceNote: text('evidenceNote') ?? existing?.evidenceNote ?? '',
    reporter: text('reporter') ?? existing?.reporter ?? '',
    reporterPhone: text('reporterPhone') ?? existing?.reporterPhone ?? '',
    reportedOn: (v.get('reportedOn') as IsoDate | undefined) ?? existing?.reportedOn ?? null,
  };
  const valid =
    task && unitId !== null && period
      ? checkRules(progressInput, input, issues, (field) => (field === 'unitId' ? 'unit' : field === 'taskId' ? 'taskNumber' : field))
      : { issues: [], value: null };
  issues.push(...valid.issues);
  const value = valid.value;
  return plannedRow({
    key,
    label: shortLabel(input.progress),
    issues,
    keyField: 'period',
    keyShown: shownPeriod(period as Period | undefined),
    after: () => shownReport({ ...input, state: input.state ?? 'not_started' }),
    ...(existing ? { before: () => shownReport(existing) } : {}),
    uses: [input.unitId],
    write:
      value &&
      ((lctx, real) => {
        const unit = real(value.unitId);
        return unit.ok ? progressService(lctx).submit({ ...value, unitId: unit.value }) : unit;
      }),
  });
}

export const PROGRESS: ImportKindSpec = {
  kind: 'progress',
  fields: PROGRESS_FIELDS,
  plan(rows, ctx) {
    const tasks = tasksByNumber(ctx.db, ctx.options.inspectionId);
    const seen = new SeenKeys();
    return rows.map((parsed) => planReport(parsed, ctx, tasks, seen));
  },
};
