import type { TemplateFieldInfo } from '../model';

/**
 * The figures of the month a document reports (a group's 情况报告), filled from monthlyReport: any
 * template may name them, and they are of the month before the document's date unless it reports another.
 */
export const MONTH_FIELDS = {
  reportMonth: ['报告月份', 'reportMonth'],
  figuresAsOf: ['统计截止日期', 'figuresAsOf'],
  taskTotal: ['任务总数', 'taskTotal'],
  tasksCompleted: ['已完成任务数', 'tasksCompleted'],
  tasksClosed: ['已销号任务数', 'tasksClosed'],
  tasksInProgress: ['推进中任务数', 'tasksInProgress'],
  tasksPending: ['未启动任务数', 'tasksPending'],
  tasksOverdue: ['逾期任务总数', 'tasksOverdue'],
  completionRate: ['完成率', 'completionRate'],
  closedRate: ['销号率', 'closedRate'],
  closedInMonth: ['本月销号数', 'closedInMonth'],
  reportedCompletedInMonth: ['本月报完成数', 'reportedCompletedInMonth'],
  siteVisits: ['实地督导次数', 'siteVisits'],
  unannouncedVisits: ['四不两直次数', 'unannouncedVisits'],
  meetings: ['参加会议次数', 'meetings'],
  lettersIssued: ['本月发文数', 'lettersIssued'],
  progressReports: ['收到进展报告数', 'progressReports'],
  unitsReporting: ['报送单位数', 'unitsReporting'],
  unitsNotReportedCount: ['未报送单位数', 'unitsNotReportedCount'],
  unitsNotReported: ['未报送单位', 'unitsNotReported'],
  petitionsTotal: ['信访件总数', 'petitionsTotal'],
  petitionsCompleted: ['已办结信访件数', 'petitionsCompleted'],
  petitionsStageCompleted: ['阶段性办结信访件数', 'petitionsStageCompleted'],
  petitionsPending: ['未办结信访件数', 'petitionsPending'],
  unitsHeldAccountable: ['问责单位数', 'unitsHeldAccountable'],
  enterprisesHeldAccountable: ['问责企业数', 'enterprisesHeldAccountable'],
  personsHeldAccountable: ['问责人数', 'personsHeldAccountable'],
} as const;

/**
 * The fields a template may name, each by its Chinese name (what an office writes) and its English
 * one. A template can name nothing else: it is data, filled in, never run.
 */
export const DOCUMENT_FIELDS = {
  recipient: ['收文单位', '主送单位', 'recipient'],
  recipientShort: ['收文单位简称', 'recipientShort'],
  number: ['文号', 'number'],
  date: ['成文日期', '日期', 'date'],
  replyDue: ['回复期限', 'replyDue'],
  contact: ['联系人', 'contact'],
  phone: ['联系电话', 'phone'],
  signature: ['落款', 'signature'],
  issuer: ['发文机关', 'issuer'],
  copyTo: ['抄送单位', 'copyTo'],
  taskCount: ['任务数', 'taskCount'],
  overdueCount: ['逾期任务数', 'overdueCount'],
  chasedNumber: ['原文号', 'chasedNumber'],
  chasedDate: ['原发文日期', 'chasedDate'],
  reportPeriod: ['报送月份', 'reportPeriod'],
  ...MONTH_FIELDS,
} as const;

/** What a loop runs over: the document's tasks, or those of them overdue on the document's date. */
export const LOOPS = {
  tasks: ['任务', 'tasks'],
  overdueTasks: ['逾期任务', 'overdueTasks'],
} as const;

/** The fields of one task, inside a loop. */
export const TASK_FIELDS = {
  index: ['序号', 'index'],
  /** 一, 二, … : numbering a list as second-level headings, （一） under 一、 (GB/T 9704 §7.3.3). */
  chineseIndex: ['中文序号', 'chineseIndex'],
  taskNumber: ['任务编号', 'taskNumber'],
  problem: ['整改任务', '问题', 'problem'],
  goal: ['整改目标', 'goal'],
  deadline: ['整改时限', 'deadline'],
  leader: ['责任领导', 'leader'],
  status: ['任务状态', 'status'],
  overdueDays: ['逾期天数', 'overdueDays'],
  leadUnits: ['牵头单位', 'leadUnits'],
  cooperatingUnits: ['配合单位', 'cooperatingUnits'],
} as const;

export type DocumentField = keyof typeof DOCUMENT_FIELDS;
export type MonthField = keyof typeof MONTH_FIELDS;
export type LoopName = keyof typeof LOOPS;
export type TaskField = keyof typeof TASK_FIELDS;

export type DocumentValues = Readonly<Record<DocumentField, string>>;
export type TaskValues = Readonly<Record<TaskField, string>>;

function lookup<K extends string>(table: Readonly<Record<K, readonly string[]>>): (name: string) => K | undefined {
  const byName = new Map<string, K>();
  for (const [key, names] of Object.entries(table) as [K, readonly string[]][]) for (const name of names) byName.set(name, key);
  return (name) => byName.get(name);
}

export const documentFieldNamed = lookup(DOCUMENT_FIELDS);
export const loopNamed = lookup(LOOPS);
export const taskFieldNamed = lookup(TASK_FIELDS);

export const TEMPLATE_FIELDS: readonly TemplateFieldInfo[] = [
  ...Object.values(DOCUMENT_FIELDS).map((names) => ({ names, scope: 'document' as const })),
  ...Object.values(LOOPS).map((names) => ({ names, scope: 'loop' as const })),
  ...Object.values(TASK_FIELDS).map((names) => ({ names, scope: 'task' as const })),
];
