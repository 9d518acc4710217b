import { addDays, type IsoDate, shiftPeriod, type Period } from '../src/shared/dates';
import type { Tx } from '../src/core/context';
import type { EntityName } from '../src/core/entities';
import { fromRowWithJson, type Row } from '../src/core/records';
import type { Writer } from '../src/core/storage/database';
import { rowsAfter } from '../src/core/storage/rows-after';
import { naturalKey } from '../src/shared/natural-order';

/**
 * Bulk data for the benchmarks, written with plain SQL in one transaction (the services' per-row
 * validation and audit would measure themselves, not the ledger). The text is shaped like real
 * ledger entries so that the image size per row is realistic.
 */
export interface FixtureSize {
  readonly units: number;
  readonly tasks: number;
  readonly petitions: number;
  readonly progressReports: number;
}

/** Raised whenever writeFixture or writeHistory writes other rows, so that cached fixture ledgers are built anew. */
export const FIXTURE_VERSION = 3;

export const LARGE: FixtureSize = { units: 60, tasks: 2_000, petitions: 20_000, progressReports: 50_000 };
export const SMALL: FixtureSize = { units: 20, tasks: 40, petitions: 400, progressReports: 1_000 };
/** A province-level office's ledger (issue 13): several rounds of inspection in one file. */
export const LEDGER_LARGE: FixtureSize = { units: 200, tasks: 20_000, petitions: 200_000, progressReports: 100_000 };

/** `rounds` times LEDGER_LARGE, for the ceiling: the same units, that many times the records. */
export const roundsOf = (rounds: number): FixtureSize => ({
  units: LEDGER_LARGE.units,
  tasks: LEDGER_LARGE.tasks * rounds,
  petitions: LEDGER_LARGE.petitions * rounds,
  progressReports: LEDGER_LARGE.progressReports * rounds,
});

const PROBLEMS = [
  '部分城镇污水处理厂长期超标排放，出水超标排入河道',
  '尾矿库环境风险隐患排查整治不到位',
  '入河排污口排查整治进展滞后',
  '矿山生态修复责任落实不到位，历史遗留矿山治理进度滞后',
  '自然保护区内违规开发建设问题整改不到位',
];
const STEPS =
  '已制定专项整改方案，明确时间表、路线图；开展全面排查，建立问题清单和整改台账；定期调度整改进展，对进度滞后的进行约谈。' +
  '本月共组织现场检查3次，督促完成提标改造工程主体施工，完成投资约1200万元；对排查发现的问题逐一建立销号清单，明确责任人和完成时限，' +
  '已完成整改的问题经县级自查、市级核查后报请销号。';
/** Petitions told in many different words, so that a search finds a realistic share of them. */
const PLACES = ['城东工业园', '河西村', '滨江路', '高新区', '老城区', '北山矿区', '南湖街道', '经开区', '西郊镇', '东港码头', '新城小区'];
const SOURCES = [
  '化工厂',
  '养殖场',
  '砂石场',
  '餐饮店',
  '洗煤厂',
  '印染厂',
  '垃圾填埋场',
  '混凝土搅拌站',
  '木材加工厂',
  '电镀厂',
  '屠宰场',
  '建筑工地',
  '制药厂',
];
const NUISANCES = [
  '夜间排放异味明显，周边居民生活受到影响',
  '废水直排河道，河水发黑发臭',
  '粉尘污染严重，扬尘覆盖周边农田',
  '噪声扰民，夜间施工影响休息',
  '固体废物随意倾倒，堆放无防渗措施',
  '烟囱冒黑烟，锅炉未安装脱硫设施',
  '非法占用林地开采，破坏植被',
];
const COMPANIES = ['恒达', '鑫源', '华盛', '宏远', '金泰', '永兴', '瑞丰', '天成', '中联', '佳禾', '盛世', '蓝天', '绿源', '富民', '兴旺', '长江', '东方'];

const petitionProblem = (p: number): string =>
  `${pick(PLACES, p)}${pick(SOURCES, p * 7)}${pick(NUISANCES, p * 3)}，${pick(PROBLEMS, p)}，群众反映强烈，曾多次向有关部门反映未果。`;

const STATES = ['not_started', 'on_track', 'behind', 'completed'] as const;
const KINDS = ['water', 'air', 'soil', 'noise', 'solid_waste', 'ecology', 'other'] as const;

function pick<T>(items: readonly T[], i: number): T {
  return items[i % items.length]!;
}

export function writeFixture(w: Writer, size: FixtureSize, at: string): void {
  for (let u = 1; u <= size.units; u++) {
    w.run('INSERT INTO units (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      u,
      `第${u}责任单位`,
      pick(['resident', 'supervised', 'city'], u),
      at,
      at,
    ]);
  }
  const start = '2023-06-30' as IsoDate;
  for (let t = 1; t <= size.tasks; t++) {
    const dated = t % 4 !== 0;
    w.run(
      'INSERT INTO tasks (id, number, number_key, problem, goal, responsible_leader, deadline_kind, deadline_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        t,
        String(t),
        naturalKey(String(t)),
        `${pick(PLACES, t * 3)}${pick(PROBLEMS, t)}（第${t}项）`,
        '问题得到有效解决，建立长效机制',
        '分管副主任',
        dated ? 'date' : 'ongoing',
        dated ? addDays(start, (t * 37) % 900) : null,
        pick(['pending', 'in_progress', 'in_progress', 'completed', 'closed'], t),
        at,
        at,
      ],
    );
    w.run("INSERT INTO task_units (task_id, unit_id, role) VALUES (?, ?, 'lead')", [t, ((t - 1) % size.units) + 1]);
  }
  for (let p = 1; p <= size.petitions; p++) {
    w.run(
      'INSERT INTO petition_cases (receipt_number, batch, handed_over_on, subject, problem, region, pollution_kinds, unit_id, investigation, truth, handling, completion, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        `D1500002023${String(p).padStart(8, '0')}`,
        (p % 30) + 1,
        addDays(start, p % 30),
        `某市${pick(COMPANIES, p * 5)}${pick(SOURCES, p * 7)}有限公司（${p}）`,
        petitionProblem(p),
        `第${(p % 12) + 1}市第${(p % 23) + 1}区`,
        JSON.stringify([pick(KINDS, p)]),
        ((p - 1) % size.units) + 1,
        '经现场核查，反映问题基本属实。企业环保设施运行不正常，存在超标排放行为。',
        pick(['true', 'mostly_true', 'partly_true', 'false'], p),
        '责令停产整改，立案处罚，并对相关责任人员进行约谈。已督促企业完成环保设施升级改造，经复查排放达标，群众满意。',
        pick(['pending', 'stage_completed', 'completed'], p),
        at,
        at,
      ],
    );
  }
  const firstPeriod = '2023-07' as Period;
  for (let r = 0; r < size.progressReports; r++) {
    const task = (r % size.tasks) + 1;
    const period = shiftPeriod(firstPeriod, Math.floor(r / size.tasks));
    w.run(
      'INSERT INTO progress_reports (task_id, unit_id, period, state, progress, problems, next_steps, reporter, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        task,
        ((task - 1) % size.units) + 1,
        period,
        pick(STATES, r),
        `${period}整改进展：${STEPS}`,
        '资金缺口较大，项目审批周期长。',
        '下一步将加快项目建设进度，确保按期完成，持续跟踪问效。',
        '张三',
        at,
        at,
      ],
    );
  }
}

/** The tables whose rows are records, their entity, and their columns holding JSON (the record holds them parsed). */
const RECORDED: readonly (readonly [table: string, entity: EntityName, json: readonly string[]])[] = [
  ['units', 'unit', []],
  ['tasks', 'task', []],
  ['petition_cases', 'petition_case', ['pollution_kinds', 'extra_columns']],
  ['progress_reports', 'progress_report', []],
];
const HISTORY_PAGE = 5_000;

/**
 * Each record's creation in the change history, chained as the app chains it: a ledger whose records
 * were typed or imported holds one entry for each, its record whole, and on a province's ledger that
 * history is larger than the records.
 */
export function writeHistory(tx: Tx): void {
  for (const [table, entity, json] of RECORDED) {
    for (const row of rowsAfter<Row & { id: number }>(tx, table, 0, HISTORY_PAGE)) {
      tx.audit({ action: 'create', entity, entityId: row.id, before: null, after: fromRowWithJson(row, json) });
    }
  }
}
