import type { UnitInput } from '../units/model';

/** The units of the demo ledger: the resident unit, the supervised departments, the cities and the league. */
export const DEMO_UNITS: readonly UnitInput[] = [
  {
    name: '自治区发展和改革委员会',
    shortName: '发展改革委',
    kind: 'resident',
    contacts: [{ name: '高志远', position: '办公室主任', phone: '0471-6941000' }],
    address: '呼和浩特市新华大街1号',
  },
  {
    name: '自治区生态环境厅',
    shortName: '生态环境厅',
    kind: 'supervised',
    contacts: [{ name: '王建国', position: '督察办主任', phone: '0471-6941001' }],
    address: '呼和浩特市新华大街124号',
  },
  {
    name: '自治区自然资源厅',
    shortName: '自然资源厅',
    kind: 'supervised',
    contacts: [{ name: '李红梅', position: '', phone: '0471-6941002' }],
    address: '呼和浩特市新华大街163号',
  },
  {
    name: '自治区水利厅',
    shortName: '水利厅',
    kind: 'supervised',
    contacts: [{ name: '张志强', position: '', phone: '0471-6941003' }],
    address: '呼和浩特市新华大街186号',
  },
  {
    name: '自治区住房和城乡建设厅',
    shortName: '住房城乡建设厅',
    kind: 'supervised',
    contacts: [{ name: '刘晓东', position: '', phone: '0471-6941004' }],
    address: '呼和浩特市新华大街66号',
  },
  {
    name: '自治区农牧厅',
    shortName: '农牧厅',
    kind: 'supervised',
    contacts: [{ name: '陈丽娟', position: '', phone: '0471-6941005' }],
    address: '呼和浩特市新华大街7号',
  },
  {
    name: '自治区林业和草原局',
    shortName: '林草局',
    kind: 'supervised',
    contacts: [{ name: '杨海涛', position: '', phone: '0471-6941006' }],
    address: '呼和浩特市新华大街278号',
  },
  {
    name: '自治区工业和信息化厅',
    shortName: '工信厅',
    kind: 'supervised',
    contacts: [{ name: '赵文静', position: '', phone: '0471-6941007' }],
    address: '呼和浩特市新华大街69号',
  },
  {
    name: '自治区应急管理厅',
    shortName: '应急管理厅',
    kind: 'supervised',
    contacts: [{ name: '孙卫东', position: '', phone: '0471-6941008' }],
    address: '呼和浩特市新华大街246号',
  },
  { name: '东川市人民政府', shortName: '东川市', kind: 'city', contacts: [{ name: '周立新', position: '', phone: '0472-5110001' }] },
  { name: '北原市人民政府', shortName: '北原市', kind: 'city', contacts: [{ name: '吴桂芳', position: '', phone: '0473-5110002' }] },
  { name: '西岭市人民政府', shortName: '西岭市', kind: 'city', contacts: [{ name: '郑永刚', position: '', phone: '0474-5110003' }] },
  { name: '南湖市人民政府', shortName: '南湖市', kind: 'city', contacts: [{ name: '冯雪梅', position: '', phone: '0475-5110004' }] },
  { name: '青山盟行政公署', shortName: '青山盟', kind: 'city', contacts: [{ name: '何振华', position: '', phone: '0482-5110005' }] },
];
