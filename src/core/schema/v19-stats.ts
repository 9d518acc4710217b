import { MAYBE_STAGED, stagesSql } from '../tasks/check-stages';
import { openTaskSql } from '../tasks/columns';

/**
 * Schema version 19 (large ledgers): the dashboard's task figures without reading every task.
 *
 * - task_tally counts the top-level tasks by source, status, deadline kind and whether they are with
 *   the group for their check (held); task_lead_tally the tasks each unit leads by status, top-level
 *   or not, and held. A missing source is kept as 0 because UNIQUE treats NULLs as all different (as
 *   petition_tally does).
 * - report_tally counts the progress reports by month, unit and state: the reports of a month, the
 *   units reporting, those behind.
 * - task_check_stages keeps each task's check stage (check-stages.ts), worked out again for one task
 *   whenever its status, lead units, reports or close-outs change.
 * - tasks_open_deadline holds only the open top-level tasks with a date: those that can be overdue,
 *   which depends on the day and so cannot be a tally. In the order the figures group them (source,
 *   status), and holding every column they read, so that counting them is one walk of the index.
 *
 * Triggers keep all three in step with every write, whatever writes (a form, an import, the journal
 * replayed, an archive's removal). A task's lead units go before the task, while its row still says
 * what they were counted under.
 */
const TASK_KEY = 'inspection_key, status, deadline_kind, held';
const REPORT_KEY = 'period, unit_id, state';
const LEAD_KEY = 'unit_id, status, top_level, held';
/** A tally: its table, the columns it counts by, and the column holding the count. */
type Tally = { readonly table: string; readonly key: string; readonly count: string };
const TASKS: Tally = { table: 'task_tally', key: TASK_KEY, count: 'tasks' };
const REPORTS: Tally = { table: 'report_tally', key: REPORT_KEY, count: 'reports' };
const LEADS: Tally = { table: 'task_lead_tally', key: LEAD_KEY, count: 'tasks' };

const held = (t: string) => `EXISTS (SELECT 1 FROM task_check_stages s WHERE s.task_id = ${t}.id)`;
/** The task_tally row the task `t` (an alias, or OLD) counts under; task_lead_tally's, for the lead unit `unit`. */
const taskRow = (t: string) =>
  `ifnull(${t}.inspection_id, 0) AS inspection_key, ${t}.status AS status, ${t}.deadline_kind AS deadline_kind, ${held(t)} AS held`;
const leadRow = (t: string, unit: string) => `${unit} AS unit_id, ${t}.status AS status, ${t}.parent_id IS NULL AS top_level, ${held(t)} AS held`;

/** The rows the tasks `ids` count under as they are now, in each tally. */
const tasksNow = (ids: string) => `SELECT ${taskRow('t')} FROM tasks t WHERE t.id IN (${ids}) AND t.parent_id IS NULL`;
const leadsNow = (ids: string) =>
  `SELECT ${leadRow('t', 'tu.unit_id')} FROM tasks t JOIN task_units tu ON tu.task_id = t.id AND tu.role = 'lead' WHERE t.id IN (${ids})`;
/** A new, changed or deleted task's row as the trigger sees it (OLD: as it was, its stage not yet worked out again). */
const taskOf = (row: 'NEW' | 'OLD') => `SELECT ${taskRow(row)} WHERE ${row}.parent_id IS NULL`;
const oldLeads = `SELECT ${leadRow('OLD', 'tu.unit_id')} FROM task_units tu WHERE tu.task_id = OLD.id AND tu.role = 'lead'`;
/** The row a lead unit (`row`: a task_units row, NEW or OLD) counts under, its task as it is now. */
const leadNow = (row: 'NEW' | 'OLD') => `SELECT ${leadRow('t', `${row}.unit_id`)} FROM tasks t WHERE t.id = ${row}.task_id AND ${row}.role = 'lead'`;

const add = ({ table, key, count }: Tally, rows: string) => `INSERT INTO ${table} (${key}, ${count}) SELECT *, 1 FROM (${rows}) WHERE true
    ON CONFLICT (${key}) DO UPDATE SET ${count} = ${count} + 1;`;

const take = ({ table, key, count }: Tally, rows: string) => {
  const same = key
    .split(', ')
    .map((column) => `r.${column} = ${table}.${column}`)
    .join(' AND ');
  return `UPDATE ${table} SET ${count} = ${count} - (SELECT count(*) FROM (${rows}) r WHERE ${same}) WHERE (${key}) IN (${rows});
  DELETE FROM ${table} WHERE ${count} = 0 AND (${key}) IN (${rows});`;
};

/**
 * The stages of the tasks `ids` (a list of SQL values) worked out again. Whether a task is with the
 * group is part of its tallies' key: the tasks are taken out of the tallies before, and put back after.
 */
const restage = (ids: string) => [
  take(TASKS, tasksNow(ids)),
  take(LEADS, leadsNow(ids)),
  `DELETE FROM task_check_stages WHERE task_id IN (${ids});`,
  `INSERT INTO task_check_stages (task_id, stage, reported_at) SELECT task_id, stage, reported_at FROM (${stagesSql((a) => `${a}.id IN (${ids})`)});`,
  add(TASKS, tasksNow(ids)),
  add(LEADS, leadsNow(ids)),
];

const trigger = (name: string, when: string, body: string) => `CREATE TRIGGER ${name} ${when} BEGIN
  ${body}
END`;

const reportOf = (row: 'NEW' | 'OLD') => `SELECT ${row}.period AS period, ${row}.unit_id AS unit_id, ${row}.state AS state`;

/** A task's reports, close-outs and units each change its stage: the same three triggers for each table. */
const restagedBy = (table: string, tally: { insert: string; delete: string } = { insert: '', delete: '' }) => [
  trigger(`${table}_stage_insert`, `AFTER INSERT ON ${table}`, [tally.insert, ...restage('NEW.task_id')].join('\n  ')),
  trigger(`${table}_stage_delete`, `AFTER DELETE ON ${table}`, [tally.delete, ...restage('OLD.task_id')].join('\n  ')),
  trigger(`${table}_stage_update`, `AFTER UPDATE ON ${table}`, [tally.delete, tally.insert, ...restage('OLD.task_id, NEW.task_id')].join('\n  ')),
];

export const V19_STATS = [
  `CREATE TABLE task_check_stages (
    task_id INTEGER PRIMARY KEY,
    stage TEXT NOT NULL,
    reported_at REAL
  )`,
  `CREATE TABLE task_tally (
    inspection_key INTEGER NOT NULL,
    status TEXT NOT NULL,
    deadline_kind TEXT NOT NULL,
    held INTEGER NOT NULL,
    tasks INTEGER NOT NULL,
    PRIMARY KEY (${TASK_KEY})
  )`,
  `CREATE TABLE task_lead_tally (
    unit_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    top_level INTEGER NOT NULL,
    held INTEGER NOT NULL,
    tasks INTEGER NOT NULL,
    PRIMARY KEY (${LEAD_KEY})
  )`,
  `CREATE TABLE report_tally (
    period TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    state TEXT NOT NULL,
    reports INTEGER NOT NULL,
    PRIMARY KEY (${REPORT_KEY})
  )`,
  `CREATE INDEX tasks_open_deadline ON tasks (inspection_id, status, deadline_date, parent_id, deadline_kind)
    WHERE parent_id IS NULL AND deadline_kind = 'date' AND ${openTaskSql('tasks')}`,
  `CREATE INDEX task_units_leads ON task_units (task_id, role, unit_id)`,
  `INSERT INTO task_check_stages (task_id, stage, reported_at) SELECT task_id, stage, reported_at FROM (${stagesSql(MAYBE_STAGED)})`,
  `INSERT INTO task_tally (${TASK_KEY}, tasks) SELECT *, count(*) FROM (${tasksNow('SELECT id FROM tasks')}) GROUP BY 1, 2, 3, 4`,
  `INSERT INTO task_lead_tally (${LEAD_KEY}, tasks) SELECT *, count(*) FROM (${leadsNow('SELECT id FROM tasks')}) GROUP BY 1, 2, 3, 4`,
  `INSERT INTO report_tally (${REPORT_KEY}, reports) SELECT period, unit_id, state, count(*) FROM progress_reports GROUP BY 1, 2, 3`,
  trigger('report_tally_insert', 'AFTER INSERT ON progress_reports', add(REPORTS, reportOf('NEW'))),
  trigger('report_tally_delete', 'AFTER DELETE ON progress_reports', take(REPORTS, reportOf('OLD'))),
  trigger(
    'report_tally_update',
    'AFTER UPDATE OF period, unit_id, state ON progress_reports',
    `${take(REPORTS, reportOf('OLD'))}\n  ${add(REPORTS, reportOf('NEW'))}`,
  ),
  trigger('task_tally_insert', 'AFTER INSERT ON tasks', add(TASKS, taskOf('NEW'))),
  trigger(
    'task_tally_update',
    'AFTER UPDATE OF parent_id, inspection_id, status, deadline_kind ON tasks',
    [take(TASKS, taskOf('OLD')), take(LEADS, oldLeads), add(TASKS, tasksNow('NEW.id')), add(LEADS, leadsNow('NEW.id')), ...restage('NEW.id')].join('\n  '),
  ),
  trigger('task_tally_delete_units', 'BEFORE DELETE ON tasks', `DELETE FROM task_units WHERE task_id = OLD.id;`),
  trigger('task_tally_delete', 'AFTER DELETE ON tasks', `${take(TASKS, taskOf('OLD'))}\n  DELETE FROM task_check_stages WHERE task_id = OLD.id;`),
  ...restagedBy('task_units', {
    insert: add(LEADS, leadNow('NEW')),
    delete: take(LEADS, leadNow('OLD')),
  }),
  ...restagedBy('progress_reports'),
  ...restagedBy('close_outs'),
];
