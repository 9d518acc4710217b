import { addDays, type IsoDate } from '../../shared/dates';
import type { AccountabilityInput } from '../accountability/model';
import type { MeetingInput } from '../meetings/model';
import type { SiteVisitInput } from '../visits/model';

/** The demo's visit, meeting and accountability case, dated back from the day the demo is made. */
export const demoVisit = (today: IsoDate, unitId: number, taskIds: number[]): SiteVisitInput => ({
  visitedOn: addDays(today, -40),
  places: '班岭营三期污水处理厂；三道河入河排污口；城关镇雨污分流改造工地',
  unannounced: true,
  unitId,
  team: '派驻纪检监察组 刘组长、王副组长、赵干事',
  peopleMet: '污水处理厂厂长、市住建局分管副局长、周边村民三人',
  summary: '采取“四不两直”方式，现场查看污水处理厂运行和在线监测数据，沿河步行察看排污口，随机走访周边群众。',
  taskIds,
});

export const VISIT_FINDINGS = [
  { description: '三期污水处理厂在线监测设备 5 月有 6 天数据缺失，运行台账记录不全', reportedTo: '东川市委、市政府', rectified: true },
  { description: '城关镇雨污分流改造工程进度滞后于计划，施工现场扬尘防控措施不到位', reportedTo: '东川市委、市政府', rectified: false },
] as const;

export const demoMeeting = (today: IsoDate, unitId: number): MeetingInput => ({
  heldOn: addDays(today, -20),
  kind: 'party_group',
  title: '驻在单位党组会议专题研究督察整改工作',
  unitId,
  attendees: '党组成员，派驻纪检监察组组长列席',
  notes: '会议听取整改工作进展汇报，研究部署下一阶段整改任务。组长列席并就压实整改责任提出意见。',
});

export const MEETING_FINDING = '部分整改任务销号材料不完整，个别单位存在“纸面整改”倾向';

export const demoAccountability = (today: IsoDate, petitionCaseId: number, unitId: number): AccountabilityInput => ({
  issue: '西岭市自然保护区内违规开发建设、监管不力问题',
  handedOverBy: '中央第三生态环境保护督察组',
  handedOverOn: '2023-07-10',
  team: '自治区生态环境损害责任追究专项工作组',
  petitionCaseId,
  state: 'concluded',
  concludedOn: addDays(today, -300),
  subjects: [
    { kind: 'unit', name: '西岭市林业和草原局', unitId, form: 'criticism', decidedOn: addDays(today, -310) },
    { kind: 'enterprise', name: '西岭市金沙采石场', form: 'fine', fineYuan: 300_000, notes: '责令恢复植被' },
    { kind: 'person', name: '张某某', position: '西岭市林业和草原局副局长', form: 'disciplinary', partySanction: 'warning', decidedOn: addDays(today, -300) },
    { kind: 'person', name: '李某某', position: '红柳县自然资源局局长', form: 'admonishment', decidedOn: addDays(today, -300) },
  ],
});
