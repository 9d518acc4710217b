import type { TaskStatus } from '../tasks/model';

/**
 * The fourteen tasks of the demo's feedback list, shaped like a real round's: the problem as the
 * inspectors wrote it, the lead and co-operating units by short name, the deadline as the list
 * gives it, and how far the work has come. `measures` are numbers of DEMO_MEASURES.
 */
export interface DemoTask {
  readonly number: string;
  readonly problem: string;
  readonly goal: string;
  readonly lead: readonly string[];
  readonly cooperating?: readonly string[];
  readonly leader: string;
  /** A date, or 立行立改 / 长期坚持. */
  readonly deadline: string;
  readonly status: TaskStatus;
  readonly measures: readonly string[];
}

export const DEMO_MEASURES: readonly { readonly number: string; readonly content: string }[] = [
  { number: '1', content: '制定专项整改方案，明确时间表、路线图，实行挂图作战、销号管理' },
  { number: '2', content: '开展全面排查，建立问题清单、责任清单和整改台账' },
  { number: '3', content: '加强日常监管和执法检查，严肃查处环境违法行为' },
  { number: '4', content: '定期调度整改进展，对进度滞后的单位进行约谈提醒' },
  { number: '5', content: '加快推进污水处理设施提标改造和管网建设工程' },
  { number: '6', content: '建立健全长效机制，完善制度规范' },
];

const GOAL = '问题得到有效解决，建立长效机制';

export const DEMO_TASKS: readonly DemoTask[] = [
  {
    number: '1',
    problem: '部分城镇污水处理厂长期超标排放，东川市班岭营三期污水处理厂出水超标排入三道河',
    goal: '污水处理厂稳定达标排放，三道河水质明显改善',
    lead: ['东川市'],
    cooperating: ['住房城乡建设厅'],
    leader: '东川市副市长',
    deadline: '2024-06-30',
    status: 'closed',
    measures: ['1', '3', '5'],
  },
  {
    number: '2',
    problem: '尾矿库环境风险隐患排查整治不到位，部分尾矿库未按要求建设渗滤液收集设施',
    goal: GOAL,
    lead: ['应急管理厅'],
    cooperating: ['生态环境厅'],
    leader: '分管副厅长',
    deadline: '2023-12-31',
    status: 'closed',
    measures: ['2', '3'],
  },
  {
    number: '3',
    problem: '黄河流域入河排污口排查整治进展滞后',
    goal: '完成入河排污口排查、监测、溯源和整治',
    lead: ['生态环境厅'],
    leader: '分管副厅长',
    deadline: '2024-12-31',
    status: 'in_progress',
    measures: ['2', '4'],
  },
  {
    number: '4',
    problem: '湖泊生态补水和综合治理项目推进缓慢，部分项目未按期开工',
    goal: '湖泊水域面积保持稳定，水质稳中向好',
    lead: ['水利厅'],
    cooperating: ['南湖市'],
    leader: '分管副厅长',
    deadline: '长期坚持',
    status: 'in_progress',
    measures: ['1', '4', '6'],
  },
  {
    number: '5',
    problem: '矿山生态修复责任落实不到位，历史遗留矿山治理进度滞后',
    goal: '完成历史遗留废弃矿山生态修复任务',
    lead: ['自然资源厅'],
    cooperating: ['北原市', '西岭市'],
    leader: '分管副厅长',
    deadline: '2025-12-31',
    status: 'in_progress',
    measures: ['1', '2'],
  },
  {
    number: '6',
    problem: '草原超载过牧问题依然突出，草畜平衡制度落实不到位',
    goal: '重点区域草原超载问题得到遏制',
    lead: ['林草局'],
    cooperating: ['农牧厅'],
    leader: '分管副局长',
    deadline: '2026-06-30',
    status: 'in_progress',
    measures: ['3', '6'],
  },
  {
    number: '7',
    problem: '工业园区环境基础设施建设滞后，部分园区污水集中处理设施不能正常运行',
    goal: '园区污水集中处理设施稳定运行',
    lead: ['工信厅'],
    cooperating: ['生态环境厅'],
    leader: '分管副厅长',
    deadline: '2025-06-30',
    status: 'in_progress',
    measures: ['5', '4'],
  },
  {
    number: '8',
    problem: '畜禽养殖污染治理不到位，部分规模养殖场粪污直排',
    goal: '规模养殖场粪污处理设施装备配套率达到要求',
    lead: ['农牧厅'],
    leader: '分管副厅长',
    deadline: '2024-12-31',
    status: 'completed',
    measures: ['2', '3'],
  },
  {
    number: '9',
    problem: '城市黑臭水体整治不彻底，部分水体出现返黑返臭',
    goal: '城市建成区黑臭水体基本消除',
    lead: ['住房城乡建设厅'],
    cooperating: ['东川市', '北原市'],
    leader: '分管副厅长',
    deadline: '2026-12-31',
    status: 'in_progress',
    measures: ['5'],
  },
  {
    number: '10',
    problem: '煤矸石违规堆存问题突出，部分堆场未采取防尘防渗措施',
    goal: '煤矸石堆场规范整治到位',
    lead: ['青山盟'],
    cooperating: ['自然资源厅'],
    leader: '青山盟副盟长',
    deadline: '立行立改',
    status: 'completed',
    measures: ['3'],
  },
  {
    number: '11',
    problem: '沙化土地治理任务未完成，防沙治沙工程管护不到位',
    goal: '完成年度防沙治沙任务',
    lead: ['林草局'],
    leader: '分管副局长',
    deadline: '2025-12-31',
    status: 'pending',
    measures: ['1'],
  },
  {
    number: '12',
    problem: '“散乱污”企业整治不彻底，部分已取缔企业死灰复燃',
    goal: '“散乱污”企业动态清零',
    lead: ['北原市'],
    cooperating: ['生态环境厅'],
    leader: '北原市副市长',
    deadline: '2024-06-30',
    status: 'in_progress',
    measures: ['2', '3'],
  },
  {
    number: '13',
    problem: '自然保护区内违规开发建设问题整改不到位',
    goal: '违规项目全部清理整治到位',
    lead: ['西岭市'],
    cooperating: ['林草局'],
    leader: '西岭市副市长',
    deadline: '2024-12-31',
    status: 'in_progress',
    measures: ['1', '3'],
  },
  {
    number: '14',
    problem: '生态环境保护“党政同责”“一岗双责”落实不到位',
    goal: '生态环境保护责任体系全面落实',
    lead: ['发展改革委'],
    leader: '主要负责同志',
    deadline: '长期坚持',
    status: 'in_progress',
    measures: ['6'],
  },
];
