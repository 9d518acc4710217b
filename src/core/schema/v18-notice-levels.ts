/**
 * Schema version 18: the shipped 通报 numbered its overdue tasks （1）（2）… straight under 二、,
 * skipping two levels (GB/T 9704 §7.3.3: 一、 （一） 1. （1））. A template still holding the shipped
 * lines numbers them （一）（二）… (中文序号); one the office has reworded there keeps its words.
 */
const SHIPPED_BEFORE = '二、存在的问题\n{{#逾期任务}}\n（{{序号}}）{{整改任务}}。';
const SHIPPED_NOW = '二、存在的问题\n{{#逾期任务}}\n（{{中文序号}}）{{整改任务}}。';

export const V18_NOTICE_LEVELS: readonly string[] = [
  `UPDATE document_templates SET source = replace(source, '${SHIPPED_BEFORE}', '${SHIPPED_NOW}') WHERE instr(source, '${SHIPPED_BEFORE}') > 0`,
];
