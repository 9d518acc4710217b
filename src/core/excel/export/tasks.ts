import { listUnitGroups } from '../../unit-groups/service';
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/i18n/setup';
import { formatPeriod } from '../../../shared/i18n/format';
import type { Reader } from '../../storage/database';
import type { Task } from '../../tasks/model';
import { loadTasks } from '../../tasks/service';
import { listUnits } from '../../units/service';
import type { TableColumn } from '../write/table';
import { deadlineWords, rememberedWords } from '../words';
import { type Heading, sharesOf, startExportTable } from './table';
import type ExcelJS from 'exceljs';

/** Each task's latest month of reports: "2026年10月 东川市人民政府：……", a line per unit. */
function latestProgress(db: Reader, language: Language): Map<number, string> {
  const rows = db.all<{ task_id: number; period: string; progress: string; name: string }>(
    `SELECT r.task_id, r.period, r.progress, u.name FROM progress_reports r JOIN units u ON u.id = r.unit_id
     WHERE r.period = (SELECT max(period) FROM progress_reports WHERE task_id = r.task_id) AND r.progress <> ''
     ORDER BY r.task_id, u.sort_order, u.name`,
  );
  const byTask = new Map<number, string>();
  for (const row of rows) {
    const line = `${formatPeriod(row.period, language)} ${row.name}：${row.progress}`;
    byTask.set(row.task_id, byTask.has(row.task_id) ? `${byTask.get(row.task_id)}\n${line}` : line);
  }
  return byTask;
}

export function taskColumns(t: TFunction): TableColumn[] {
  const field = (key: string) => t(`exchange:fields.tasks.${key}`);
  return [
    { header: field('number'), width: 4, kind: 'center' },
    { header: field('problem'), width: 24 },
    { header: field('goal'), width: 12 },
    { header: field('measures'), width: 24 },
    { header: field('leadUnits'), width: 10 },
    { header: field('cooperatingUnits'), width: 10 },
    { header: field('responsibleLeader'), width: 6, kind: 'center' },
    { header: field('deadline'), width: 8, kind: 'date' },
    { header: field('status'), width: 5, kind: 'center' },
    { header: t('exchange:exports.extra.latestProgress'), width: 24 },
    { header: field('notes'), width: 8 },
  ];
}

/** Tasks are read this many at a time: a read of many costs little more than of one, and 20,000 are not held at once. */
const TASKS_READ_AT_ONCE = 500;

/** The task ledger as leaders read it: one row per task, its measures numbered, its latest progress. */
export function writeTaskRows(
  book: ExcelJS.Workbook,
  name: string,
  db: Reader,
  ids: readonly number[],
  t: TFunction,
  language: Language,
  heading: Heading,
): void {
  const unitNames = new Map(listUnits(db, { includeArchived: true }).map((u) => [u.id, u.name]));
  const groupNames = new Map(listUnitGroups(db).map((g) => [g.id, g.name]));
  // A group a task was given to is written by its name, as the task lists write it (各盟市人民政府（行政公署）).
  const named = (unitIds: readonly number[], groupIds: readonly number[]): string =>
    [...unitIds.map((u) => unitNames.get(u)), ...groupIds.map((g) => groupNames.get(g))].join('、');
  const measures = new Map(db.all<{ id: number; content: string }>('SELECT id, content FROM measures').map((m) => [m.id, m.content]));
  const progress = latestProgress(db, language);
  const table = startExportTable(book, name, t, heading, taskColumns(t));
  const word = rememberedWords(t);
  for (const share of sharesOf(ids, TASKS_READ_AT_ONCE)) {
    for (const task of loadTasks(db, share) as Task[]) {
      const measureLines = task.measureIds.map((m, i) => (task.measureIds.length > 1 ? `${i + 1}. ${measures.get(m) ?? ''}` : (measures.get(m) ?? '')));
      table.addRow([
        task.number,
        task.problem,
        task.goal,
        measureLines.join('\n'),
        named(task.leadUnitIds, task.leadGroupIds),
        named(task.cooperatingUnitIds, task.cooperatingGroupIds),
        task.responsibleLeader,
        // A date cell shown as 2024年6月30日; 立行立改 and 长期坚持 in words.
        task.deadline.kind === 'date' ? task.deadline.date : deadlineWords(word, task.deadline, language),
        word(`common:enums.taskStatus.${task.status}`),
        progress.get(task.id),
        task.notes,
      ]);
    }
  }
}
