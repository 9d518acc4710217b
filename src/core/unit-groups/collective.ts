import type { GroupMembers } from './model';

/**
 * Names published task lists give several units at once: 各盟市人民政府（行政公署）, 各县（市、区）,
 * 各有关部门, 州直部门, 市直各单位. Such a name stands for a unit group, never for one unit.
 */
const COLLECTIVE = [/^各/, /^有关(部门|单位)$/, /^[州市区县盟旗]直(各|有关)?(部门|单位)$/];

const key = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '');

export const isCollectiveName = (name: string): boolean => COLLECTIVE.some((pattern) => pattern.test(key(name)));

/** The members a group of that name most likely has: every 盟市 for 各盟市…; otherwise the user lists them. */
export const likelyMembers = (name: string): GroupMembers | null => (/盟市|地市|市州|市\(州\)/.test(key(name)) ? { by: 'kind', kind: 'city' } : null);
